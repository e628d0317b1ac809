import { afterAll, describe, expect, it } from 'vitest';
import { openPgCacheStore, type CacheStore } from '@/lib/cache/pg-cache-store.mjs';
import { SharedCache } from '@/lib/cache/shared-cache.mjs';
import { getTestDb, testDriver } from '@/tests/support/test-db';

// The Next.js cache handler's core (lib/cache): what one instance stores and invalidates, every
// other instance serves or drops. Two SharedCache objects with their own pools and local copies
// stand for two server processes on one database.

const page = (html: string, tags: string[], status = 200) => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from(`rsc:${html}`),
  segmentData: new Map([['/_tree', Buffer.from('tree')]]),
  headers: { 'x-next-cache-tags': tags.join(',') },
  status,
  postponed: undefined,
});
const pageCtx = { kind: 'APP_PAGE', cacheControl: { revalidate: 30, expire: 31_536_000 } };
const data = (value: unknown, revalidate: number | false = false) => ({ kind: 'FETCH', data: { body: JSON.stringify(value) }, revalidate });
const dataCtx = (tags: string[], softTags: string[] = []) => ({ kind: 'FETCH', tags, softTags });

describe('the cache without a shared store (embedded database: one process)', () => {
  const cache = new SharedCache({ store: null, maxMemoryBytes: 1024 * 1024 });

  it('keeps Buffers and Maps, and drops an entry once one of its tags is invalidated', async () => {
    await cache.set('/c/a', page('<h1>A</h1>', ['campaign:a', '_N_T_/c/a']), pageCtx, Date.now());
    const hit = await cache.get('/c/a', { kind: 'APP_PAGE' });
    expect(hit?.value).toMatchObject({ html: '<h1>A</h1>', status: 200 });
    expect(Buffer.isBuffer((hit?.value as { rscData: Buffer }).rscData)).toBe(true);
    expect(hit?.cacheControl).toEqual(pageCtx.cacheControl);

    await cache.revalidateTag(['campaign:b']);
    expect(await cache.get('/c/a', { kind: 'APP_PAGE' })).not.toBeNull();
    await cache.revalidateTag(['campaign:a']);
    expect(await cache.get('/c/a', { kind: 'APP_PAGE' })).toBeNull();
  });

  it('expires an entry rendered by a request that began before the invalidation', async () => {
    const startedAt = Date.now() - 50;
    await cache.revalidateTag(['campaigns']);
    await cache.set('list', data(['old']), dataCtx(['campaigns']), startedAt);
    expect(await cache.get('list', dataCtx(['campaigns']))).toBeNull();
  });
});

const url = process.env.TEST_DATABASE_URL;

describe.runIf(testDriver() === 'postgres' && url)('the cache shared through PostgreSQL', () => {
  const stores: CacheStore[] = [];
  const warnings: string[] = [];
  function instance(refreshMs = 0, maxMemoryBytes = 1024 * 1024) {
    const store = openPgCacheStore(url!, { max: 2 });
    stores.push(store);
    return new SharedCache({ store, maxMemoryBytes, refreshMs, warn: (_err, msg) => warnings.push(msg) });
  }
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
  });

  it('serves on one instance what another stored, intact', async () => {
    await getTestDb();
    const a = instance();
    const b = instance();
    await a.set('/c/a', page('<h1>A</h1>', ['campaign:a']), pageCtx, Date.now());
    const hit = await b.get('/c/a', { kind: 'APP_PAGE' });
    const value = hit?.value as ReturnType<typeof page>;
    expect(value.html).toBe('<h1>A</h1>');
    expect(value.rscData.toString()).toBe('rsc:<h1>A</h1>');
    expect(value.segmentData.get('/_tree')?.toString()).toBe('tree');
    expect(hit?.cacheControl).toEqual(pageCtx.cacheControl);
  });

  it('an invalidation on one instance drops the entry on every instance, local copies included', async () => {
    const a = instance();
    const b = instance();
    const c = instance();
    await a.set('/c/a', page('<h1>A</h1>', ['campaign:a', 'campaigns']), pageCtx, Date.now());
    expect(await b.get('/c/a', { kind: 'APP_PAGE' })).not.toBeNull(); // b now holds a local copy
    expect(await c.get('/c/a', { kind: 'APP_PAGE' })).not.toBeNull();

    await c.revalidateTag(['campaigns']);
    expect(await a.get('/c/a', { kind: 'APP_PAGE' })).toBeNull();
    expect(await b.get('/c/a', { kind: 'APP_PAGE' })).toBeNull();

    // The next render, stored by b, is what a serves.
    await b.set('/c/a', page('<h1>A, edited</h1>', ['campaign:a', 'campaigns']), pageCtx, Date.now());
    expect((await a.get('/c/a', { kind: 'APP_PAGE' }))?.value).toMatchObject({ html: '<h1>A, edited</h1>' });
  });

  it('a 404 cached for an unknown slug goes with the campaigns tag (a publish)', async () => {
    const a = instance();
    const b = instance();
    await a.set('/c/new', page('not found', ['campaigns', '_N_T_/c/new'], 404), pageCtx, Date.now());
    expect((await b.get('/c/new', { kind: 'APP_PAGE' }))?.value).toMatchObject({ status: 404 });
    await a.revalidateTag(['campaigns']);
    expect(await b.get('/c/new', { kind: 'APP_PAGE' })).toBeNull();
  });

  it('data read while rendering a path expires with that path (revalidatePath)', async () => {
    const a = instance();
    const b = instance();
    await a.set('count', data(41, 30), dataCtx(['campaign:a']), Date.now());
    expect(await b.get('count', dataCtx(['campaign:a'], ['_N_T_/c/a']))).not.toBeNull();
    await a.revalidateTag(['_N_T_/c/a']);
    expect(await b.get('count', dataCtx(['campaign:a'], ['_N_T_/c/a']))).toBeNull();
  });

  it('a render that began before an edit does not outlive it, and never replaces a newer render', async () => {
    const a = instance();
    const b = instance();
    const startedBeforeEdit = Date.now() - 200;
    await a.revalidateTag(['campaign:a']);
    await b.set('/c/a', page('<h1>read before the edit</h1>', ['campaign:a']), pageCtx, startedBeforeEdit);
    expect(await a.get('/c/a', { kind: 'APP_PAGE' })).toBeNull();

    await a.set('/c/a', page('<h1>new</h1>', ['campaign:a']), pageCtx, Date.now());
    await b.set('/c/a', page('<h1>slow old render</h1>', ['campaign:a']), pageCtx, Date.now() - 5_000);
    expect((await instance().get('/c/a', { kind: 'APP_PAGE' }))?.value).toMatchObject({ html: '<h1>new</h1>' });
  });

  it('a local copy past its revalidate time picks up a newer render from another instance', async () => {
    const a = instance();
    const b = instance();
    await a.set('count', data(1, 1), dataCtx(['campaign:a']), Date.now() - 2_000); // already stale
    expect((await b.get('count', dataCtx(['campaign:a'])))?.value).toMatchObject({ data: { body: '1' } });
    await a.set('count', data(2, 1), dataCtx(['campaign:a']), Date.now());
    expect((await b.get('count', dataCtx(['campaign:a'])))?.value).toMatchObject({ data: { body: '2' } });
  });

  it('catches up with other instances’ invalidations at most every refreshMs', async () => {
    const a = instance();
    const b = instance(60_000);
    await a.set('/c/a', page('<h1>A</h1>', ['campaign:a']), pageCtx, Date.now());
    expect(await b.get('/c/a', { kind: 'APP_PAGE' })).not.toBeNull(); // first read catches up
    await a.revalidateTag(['campaign:a']);
    // Within b's refresh interval its local copy is still trusted: the bound the e2e cluster test
    // holds to 1 s uses the 250 ms default.
    expect(await b.get('/c/a', { kind: 'APP_PAGE' })).not.toBeNull();
    b.tags.checkedAt = -Infinity;
    expect(await b.get('/c/a', { kind: 'APP_PAGE' })).toBeNull();
  });

  it('the sweep deletes expired entries and invalidations too old to matter', async () => {
    const { sql } = await getTestDb();
    const a = instance();
    await a.set('/c/gone', page('gone', ['campaign:x'], 404), pageCtx, Date.now());
    await a.set('/c/kept', page('kept', ['campaign:x']), pageCtx, Date.now());
    await a.revalidateTag(['old-tag', 'new-tag']);
    if (!sql) throw new Error('postgres handle expected');
    await sql`update next_cache_entries set expires_at = now() - interval '1 second' where key = '/c/gone'`;
    await sql`update next_cache_tags set updated_at = now() - interval '9 days' where tag = 'old-tag'`;
    await stores.at(-1)!.sweep();
    expect((await sql`select key from next_cache_entries order by key`).map((r) => r.key)).toEqual(['/c/kept']);
    expect((await sql`select tag from next_cache_tags order by tag`).map((r) => r.tag)).toEqual(['new-tag']);
  });

  it('a database it cannot reach is a cache miss and a warning, not a failed request', async () => {
    const broken = openPgCacheStore('postgres://postgres@127.0.0.1:1/none', { max: 1 });
    stores.push(broken);
    const local: string[] = [];
    const cache = new SharedCache({ store: broken, maxMemoryBytes: 1024, refreshMs: 0, warn: (_e, m) => local.push(m) });
    expect(await cache.get('/c/a', { kind: 'APP_PAGE' })).toBeNull();
    await expect(cache.set('/c/a', page('x', []), pageCtx, Date.now())).resolves.toBeUndefined();
    await expect(cache.revalidateTag(['campaigns'])).resolves.toBeUndefined();
    expect(local).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/could not read tag invalidations/),
        expect.stringMatching(/read failed/),
        expect.stringMatching(/write failed/),
        expect.stringMatching(/could not share a tag invalidation/),
      ]),
    );
  });
});
