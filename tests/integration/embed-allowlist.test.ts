// The per-coalition embed allowlist: saved by owners and admins through the service (validated,
// normalised, audited, stale saves refused), and the Content-Security-Policy proxy.ts then sends
// for /embed/* — while every other page keeps frame-ancestors 'none'.
import { eq, sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import nextConfig from '@/next.config';
import proxy from '@/proxy';
import { getDb } from '@/db/client';
import { auditLog, organisations } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import type { StaffUser } from '@/lib/auth/session-user';
import { forgetEmbedFrameAncestors, getEmbedFrameAncestors } from '@/lib/embeds/get-embed-frame-ancestors';
import { updateEmbedFrameAncestors } from '@/lib/embeds/update-embed-frame-ancestors';
import { resetEnvCache } from '@/lib/env';
import { getCoalitionSettings } from '@/lib/organisations/get-coalition-settings';
import { rejection } from '../support/rejection';
import { getTestDb } from '../support/test-db';
import { makeStaff } from './staff-fixtures';

let owner: StaffUser;
const savedEnv = process.env.EMBED_FRAME_ANCESTORS;

beforeEach(async () => {
  const { db } = await getTestDb();
  await seedDatabase(db, { adminEmail: 'owner@test.example' });
  owner = await makeStaff('owner');
  forgetEmbedFrameAncestors();
});

afterEach(() => {
  if (savedEnv === undefined) delete process.env.EMBED_FRAME_ANCESTORS;
  else process.env.EMBED_FRAME_ANCESTORS = savedEnv;
  resetEnvCache();
  forgetEmbedFrameAncestors();
});

const save = async (actor: StaffUser, embedFrameAncestors: string, expectedUpdatedAt?: string) =>
  updateEmbedFrameAncestors({ actor, input: { embedFrameAncestors, expectedUpdatedAt: expectedUpdatedAt ?? (await getCoalitionSettings({ actor: owner })).updatedAt } });

const stored = async () => (await getDb().select({ v: organisations.embedFrameAncestors }).from(organisations).where(eq(organisations.kind, 'host')))[0].v;
const audits = () => getDb().select().from(auditLog).where(eq(auditLog.action, 'coalition.embed_frame_ancestors'));

/** The policy proxy.ts sends with a response for this path (none of its own: next.config.ts's applies). */
async function cspFor(path: string) {
  const res = await proxy(new NextRequest(`http://localhost:3000${path}`));
  return res.headers.get('content-security-policy');
}
const frameAncestors = (csp: string | null) => /frame-ancestors ([^;]*)/.exec(csp ?? '')?.[1];

describe('saving the allowlist', () => {
  it('owners and admins save it normalised, audited with before and after; the settings page reads it back', async () => {
    const r = await save(owner, 'https://Partner.example/\n  http://localhost:8080\nhttps://partner.example');
    expect(r).toEqual({ changed: true, value: 'https://partner.example http://localhost:8080' });
    expect(await stored()).toBe('https://partner.example http://localhost:8080');
    expect((await getCoalitionSettings({ actor: owner })).embedFrameAncestors).toBe('https://partner.example http://localhost:8080');
    await save(await makeStaff('admin'), '*');
    expect(await stored()).toBe('*');
    // Saving the same list again changes nothing and writes no audit row.
    expect((await save(owner, ' * ')).changed).toBe(false);
    const rows = await audits();
    expect(rows.map((a) => a.data)).toEqual([
      { from: null, to: 'https://partner.example http://localhost:8080' },
      { from: 'https://partner.example http://localhost:8080', to: '*' },
    ]);
    expect(rows[0].actorUserId).toBe(owner.id);
    // Emptied: unset, so the server's default applies again.
    expect((await save(owner, '')).value).toBeNull();
    expect(await stored()).toBeNull();
  });

  it('refuses a bad entry with a message on the field, other roles, and stale saves — writing nothing', async () => {
    await save(owner, 'https://ok.example');
    const bad = await rejection(save(owner, "https://ok.example\nhttps://ok.example/page 'self'"));
    expect(bad.code).toBe('VALIDATION');
    expect(bad.fieldErrors?.embedFrameAncestors?.[0]).toContain('“https://ok.example/page” is not a site’s origin');
    expect((await rejection(save(owner, '* https://ok.example'))).fieldErrors?.embedFrameAncestors).toBeDefined();
    for (const role of ['editor', 'analyst', 'viewer'] as const) {
      expect((await rejection(save(await makeStaff(role), '*'))).code, role).toBe('FORBIDDEN');
    }
    const stale = (await getCoalitionSettings({ actor: owner })).updatedAt;
    await save(owner, 'https://other.example');
    expect((await rejection(save(owner, '*', stale))).code).toBe('CONFLICT');
    expect(await stored()).toBe('https://other.example');
    expect(await audits()).toHaveLength(2);
  });
});

describe('the header proxy.ts computes', () => {
  it('embeds: * by default, then the saved list at once on this instance; other pages keep frame-ancestors none', async () => {
    delete process.env.EMBED_FRAME_ANCESTORS;
    resetEnvCache();
    expect(frameAncestors(await cspFor('/embed/c/protect-children-protocol'))).toBe('*');
    await save(owner, 'https://partner.example http://localhost:8080');
    const csp = await cspFor('/embed/c/protect-children-protocol?ref=alpha');
    expect(frameAncestors(csp)).toBe('https://partner.example http://localhost:8080');
    expect(csp).toContain("default-src 'self'");
    // Not an embed: the proxy adds no policy of its own, and next.config.ts's says 'none' with X-Frame-Options DENY.
    for (const path of ['/c/protect-children-protocol', '/dashboard/organisations', '/embed', '/']) expect(await cspFor(path), path).toBeNull();
    const rules = await nextConfig.headers!();
    expect(rules).toHaveLength(1);
    const [rule] = rules;
    // The rule's source is a path pattern that is also a plain regular expression.
    const matches = (p: string) => new RegExp(`^${rule.source}$`).test(p);
    expect(matches('/c/protect-children-protocol') && matches('/dashboard') && matches('/embed') && !matches('/embed/c/x')).toBe(true);
    expect(frameAncestors(rule.headers.find((h) => h.key === 'Content-Security-Policy')!.value)).toBe("'none'");
    expect(rule.headers).toContainEqual({ key: 'X-Frame-Options', value: 'DENY' });
  });

  it('falls back to EMBED_FRAME_ANCESTORS when unset, follows another instance’s save within seconds, and refuses a hand-edited row', async () => {
    process.env.EMBED_FRAME_ANCESTORS = 'https://default.example';
    resetEnvCache();
    const t = Date.now();
    expect(await getEmbedFrameAncestors(t)).toBe('https://default.example');
    // Another instance saves (a direct write: this instance's memo is not told).
    await getDb().execute(sql`update organisations set embed_frame_ancestors = 'https://new.example' where kind = 'host'`);
    expect(await getEmbedFrameAncestors(t + 1000)).toBe('https://default.example');
    expect(await getEmbedFrameAncestors(t + 5_001)).toBe('https://new.example');
    await getDb().execute(sql`update organisations set embed_frame_ancestors = 'https://x.example; script-src *' where kind = 'host'`);
    expect(await getEmbedFrameAncestors(t + 20_000)).toBe("'none'");
  });
});
