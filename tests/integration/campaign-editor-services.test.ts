import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, campaignSlugRedirects, campaigns, letters, organisations, senators, signatures, supporters } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import type { StaffUser } from '@/lib/auth/session-user';
import { archiveCampaign } from '@/lib/campaigns/archive-campaign';
import { closeCampaign } from '@/lib/campaigns/close-campaign';
import { createCampaign } from '@/lib/campaigns/create-campaign';
import { duplicateCampaign } from '@/lib/campaigns/duplicate-campaign';
import { getStaffCampaign, type StaffCampaign } from '@/lib/campaigns/get-staff-campaign';
import { listStaffCampaigns } from '@/lib/campaigns/list-staff-campaigns';
import { publishCampaign } from '@/lib/campaigns/publish-campaign';
import { resolveCampaignSlug } from '@/lib/campaigns/resolve-campaign-slug';
import { unpublishCampaign } from '@/lib/campaigns/unpublish-campaign';
import { updateCampaign } from '@/lib/campaigns/update-campaign';
import { makeStaff } from './staff-fixtures';
import { rejection } from '../support/rejection';

let treatyId: string;
let demoId: string;
let editor: StaffUser;

beforeEach(async () => {
  const seeded = await seedDatabase(getDb(), { adminEmail: 'owner@campaign-editor.test' });
  treatyId = seeded.treatyId;
  demoId = seeded.campaignId;
  editor = await makeStaff('editor');
});

const audits = (action: string, entityId?: string) =>
  getDb()
    .select()
    .from(auditLog)
    .where(entityId ? and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)) : eq(auditLog.action, action));

const load = (id: string, actor: StaffUser = editor) => getStaffCampaign({ actor, input: { id } });

/** The editor's form as it would be submitted, with some fields changed. */
function form(c: StaffCampaign, changes: Partial<Record<string, unknown>> = {}) {
  return {
    id: c.id,
    expectedUpdatedAt: c.updatedAt,
    title: c.title,
    slug: c.slug,
    summary: c.summary,
    storyMd: c.storyMd,
    treatyId: c.treatyId,
    petitionGoal: String(c.petitionGoal),
    goalAutoStep: c.goalAutoStep ? 'on' : undefined,
    signerVisibility: c.signerVisibility,
    commentModeration: c.commentModeration ? 'on' : undefined,
    letterSubjectTemplate: c.letterSubjectTemplate,
    letterBodyTemplate: c.letterBodyTemplate,
    requirePersonalSentence: c.requirePersonalSentence ? 'on' : undefined,
    deliveryMode: c.deliveryMode,
    ...changes,
  } as Parameters<typeof updateCampaign>[0]['input'];
}

describe('creating and editing', () => {
  it('creates a draft with a working letter, audited, and invisible to the public', async () => {
    const created = await createCampaign({ actor: editor, input: { title: 'Ratify the Ottawa Treaty!', treatyId } });
    expect(created.slug).toBe('ratify-the-ottawa-treaty');
    const c = await load(created.id);
    expect(c).toMatchObject({ status: 'draft', title: 'Ratify the Ottawa Treaty!', archived: false, publishedAt: null });
    expect(c.letterBodyTemplate).toContain('{{senator_last_name}}');
    expect(await resolveCampaignSlug(created.slug)).toEqual({ kind: 'missing' });
    const [a] = await audits('campaign.create', created.id);
    expect(a).toMatchObject({ actorUserId: editor.id, entityType: 'campaign', data: { slug: created.slug, treatyId } });
  });

  it('validates the slug and refuses one in use', async () => {
    const bad = await rejection(createCampaign({ actor: editor, input: { title: 'Fine title', slug: 'Not OK--slug', treatyId } }));
    expect(bad.code).toBe('VALIDATION');
    expect(bad.fieldErrors?.slug).toBeDefined();
    const short = await rejection(createCampaign({ actor: editor, input: { title: 'Fine title', slug: 'ab', treatyId } }));
    expect(short.fieldErrors?.slug?.[0]).toMatch(/at least 3/);
    const taken = await rejection(createCampaign({ actor: editor, input: { title: 'Fine title', slug: 'protect-children-protocol', treatyId } }));
    expect(taken.code).toBe('CONFLICT');
    expect(taken.fieldErrors?.slug).toBeDefined();
  });

  it('saves the editor fields and audits the names of the changed ones (not their content)', async () => {
    const { id } = await createCampaign({ actor: editor, input: { title: 'Draft one', slug: 'draft-one', treatyId } });
    const before = await load(id);
    const r = await updateCampaign({
      actor: editor,
      input: form(before, { summary: 'Why it matters', storyMd: '## Story\r\n\r\nText', petitionGoal: '2500', goalAutoStep: undefined }),
    });
    expect([...r.changed].sort()).toEqual(['goalAutoStep', 'petitionGoal', 'storyMd', 'summary']);
    const after = await load(id);
    expect(after).toMatchObject({ summary: 'Why it matters', storyMd: '## Story\n\nText', petitionGoal: 2500, goalAutoStep: false });
    const [a] = await audits('campaign.update', id);
    expect(a.data).toEqual({ fields: r.changed });
    expect(JSON.stringify(a.data)).not.toContain('Why it matters');

    const again = await updateCampaign({ actor: editor, input: form(after) });
    expect(again.changed).toEqual([]);
    expect(await audits('campaign.update', id)).toHaveLength(1);
  });

  it('reports unknown merge fields and stray braces as field errors on save', async () => {
    const { id } = await createCampaign({ actor: editor, input: { title: 'Templates', slug: 'templates', treatyId } });
    const c = await load(id);
    const e = await rejection(
      updateCampaign({
        actor: editor,
        input: form(c, { letterSubjectTemplate: 'Hello {{senator_nmae}}', letterBodyTemplate: 'Dear {{senator_last_name}, {{zip}}' }),
      }),
    );
    expect(e.code).toBe('VALIDATION');
    expect(e.fieldErrors?.letterSubjectTemplate?.[0]).toContain('{{senator_nmae}}');
    expect(e.fieldErrors?.letterBodyTemplate?.join(' ')).toMatch(/\{\{zip\}\}.*braces|braces/);
    expect((await load(id)).letterSubjectTemplate).toBe(c.letterSubjectTemplate);
  });

  it('routes letters to the coalition inbox only once the inbox is set', async () => {
    const { id } = await createCampaign({ actor: editor, input: { title: 'Inbox', slug: 'inbox-routing', treatyId } });
    const c = await load(id);
    expect(c.coalitionInboxSet).toBe(false);
    const e = await rejection(updateCampaign({ actor: editor, input: form(c, { deliveryMode: 'coalition_inbox' }) }));
    expect(e.fieldErrors?.deliveryMode?.[0]).toMatch(/delivery inbox/);
    await getDb().update(organisations).set({ deliveryInboxEmail: 'letters@coalition.test' });
    await updateCampaign({ actor: editor, input: form(c, { deliveryMode: 'coalition_inbox' }) });
    expect((await load(id)).deliveryMode).toBe('coalition_inbox');
  });

  it('refuses a stale save with CONFLICT instead of overwriting a colleague’s edit', async () => {
    const { id } = await createCampaign({ actor: editor, input: { title: 'Shared', slug: 'shared-draft', treatyId } });
    const opened = await load(id);
    const colleague = await makeStaff('admin');
    await updateCampaign({ actor: colleague, input: form(opened, { summary: 'Colleague’s summary' }) });
    const e = await rejection(updateCampaign({ actor: editor, input: form(opened, { summary: 'Mine' }) }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/Someone else saved/);
    expect((await load(id)).summary).toBe('Colleague’s summary');
    // The status verbs check the version too.
    expect((await rejection(publishCampaign({ actor: editor, input: { id, expectedUpdatedAt: opened.updatedAt } }))).code).toBe('CONFLICT');
  });
});

describe('slugs and redirects', () => {
  it('settles two simultaneous claims of one slug, and two saves of one version: one wins, one gets CONFLICT', async () => {
    const claims = await Promise.allSettled([
      createCampaign({ actor: editor, input: { title: 'Twin A', slug: 'twin-slug', treatyId } }),
      createCampaign({ actor: editor, input: { title: 'Twin B', slug: 'twin-slug', treatyId } }),
    ]);
    expect(claims.filter((c) => c.status === 'fulfilled')).toHaveLength(1);
    const lost = claims.find((c) => c.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'CONFLICT', fieldErrors: { slug: expect.any(Array) } });

    const opened = await load(demoId);
    const saves = await Promise.allSettled([
      updateCampaign({ actor: editor, input: form(opened, { summary: 'First' }) }),
      updateCampaign({ actor: editor, input: form(opened, { summary: 'Second' }) }),
    ]);
    expect(saves.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((saves.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    expect(await audits('campaign.update', demoId)).toHaveLength(1);
  });

  it('keeps the old slug redirecting after a rename; only its campaign can take it back', async () => {
    const c = await load(demoId);
    await updateCampaign({ actor: editor, input: form(c, { slug: 'ratify-opsc' }) });
    expect(await getDb().select().from(campaignSlugRedirects)).toMatchObject([{ slug: 'protect-children-protocol', campaignId: demoId }]);
    expect(await resolveCampaignSlug('protect-children-protocol')).toEqual({ kind: 'moved', slug: 'ratify-opsc' });
    const [a] = await audits('campaign.update', demoId);
    expect(a.data).toMatchObject({ fields: ['slug'], previousSlug: 'protect-children-protocol', slug: 'ratify-opsc' });

    // Another campaign cannot take the old address, neither on create nor on rename.
    const other = await createCampaign({ actor: editor, input: { title: 'Other', slug: 'other-one', treatyId } });
    const e1 = await rejection(createCampaign({ actor: editor, input: { title: 'Thief', slug: 'protect-children-protocol', treatyId } }));
    expect(e1.code).toBe('CONFLICT');
    expect(e1.fieldErrors?.slug?.[0]).toMatch(/used to belong to another campaign/);
    const e2 = await rejection(updateCampaign({ actor: editor, input: form(await load(other.id), { slug: 'protect-children-protocol' }) }));
    expect(e2.fieldErrors?.slug).toBeDefined();

    // The campaign itself reclaims it: its redirect row goes, the newer slug now redirects.
    await updateCampaign({ actor: editor, input: form(await load(demoId), { slug: 'protect-children-protocol' }) });
    const redirects = await getDb().select().from(campaignSlugRedirects);
    expect(redirects).toMatchObject([{ slug: 'ratify-opsc', campaignId: demoId }]);
    expect(await resolveCampaignSlug('protect-children-protocol')).toEqual({ kind: 'found', id: demoId });
    expect(await resolveCampaignSlug('ratify-opsc')).toEqual({ kind: 'moved', slug: 'protect-children-protocol' });
  });
});

describe('status, duplicate, close and archive', () => {
  it('publishes a draft (public at once), and can take it back to draft', async () => {
    const { id, slug } = await createCampaign({ actor: editor, input: { title: 'Going live', slug: 'going-live', treatyId } });
    let c = await load(id);
    const published = await publishCampaign({ actor: editor, input: { id, expectedUpdatedAt: c.updatedAt } });
    expect(published).toMatchObject({ status: 'live', changed: true });
    c = await load(id);
    expect(c.publishedAt).not.toBeNull();
    expect(await resolveCampaignSlug(slug)).toEqual({ kind: 'found', id });
    expect(await audits('campaign.publish', id)).toMatchObject([{ data: { from: 'draft', to: 'live' } }]);

    await unpublishCampaign({ actor: editor, input: { id, expectedUpdatedAt: c.updatedAt } });
    expect((await load(id)).status).toBe('draft');
    expect(await resolveCampaignSlug(slug)).toEqual({ kind: 'missing' });
    expect(await audits('campaign.unpublish', id)).toHaveLength(1);
  });

  it('duplicates into a new draft with a free slug and the same content, without signatures', async () => {
    const [supporter] = await getDb().insert(supporters).values({ email: 'dup@example.org', firstName: 'A', lastName: 'B' }).returning();
    await getDb().insert(signatures).values({ campaignId: demoId, supporterId: supporter.id, state: 'IL' });
    const first = await duplicateCampaign({ actor: editor, input: { id: demoId } });
    const second = await duplicateCampaign({ actor: editor, input: { id: demoId } });
    expect(first.slug).toBe('protect-children-protocol-copy');
    expect(second.slug).toBe('protect-children-protocol-copy-2');
    const [source, copy] = [await load(demoId), await load(first.id)];
    expect(copy).toMatchObject({
      status: 'draft',
      title: `Copy of ${source.title}`,
      storyMd: source.storyMd,
      letterBodyTemplate: source.letterBodyTemplate,
      petitionGoal: source.petitionGoal,
      publishedAt: null,
    });
    expect(source.counts.signatures).toBe(1);
    expect(copy.counts.signatures).toBe(0);
    expect(await audits('campaign.duplicate', first.id)).toMatchObject([{ data: { sourceId: demoId } }]);
  });

  it('closes a live campaign with a result note; a draft cannot be closed', async () => {
    const c = await load(demoId);
    const e = await rejection(closeCampaign({ actor: editor, input: { id: demoId, expectedUpdatedAt: c.updatedAt, resultNote: '  ' } }));
    expect(e.fieldErrors?.resultNote).toBeDefined();
    await closeCampaign({ actor: editor, input: { id: demoId, expectedUpdatedAt: c.updatedAt, resultNote: 'The Senate consented on 18 June.' } });
    const closed = await load(demoId);
    expect(closed).toMatchObject({ status: 'closed', resultNote: 'The Senate consented on 18 June.' });
    expect(closed.closedAt).not.toBeNull();
    expect(await audits('campaign.close', demoId)).toMatchObject([{ data: { from: 'live', to: 'closed' } }]);

    const draft = await createCampaign({ actor: editor, input: { title: 'Never live', slug: 'never-live', treatyId } });
    const d = await load(draft.id);
    expect((await rejection(closeCampaign({ actor: editor, input: { id: d.id, expectedUpdatedAt: d.updatedAt, resultNote: 'x' } }))).code).toBe('CONFLICT');
  });

  it('archives a closed campaign out of the list (not a live one) and restores it', async () => {
    let c = await load(demoId);
    const live = await rejection(archiveCampaign({ actor: editor, input: { id: demoId, expectedUpdatedAt: c.updatedAt } }));
    expect(live.message).toMatch(/close it/);
    await closeCampaign({ actor: editor, input: { id: demoId, expectedUpdatedAt: c.updatedAt, resultNote: 'Done.' } });
    c = await load(demoId);
    await archiveCampaign({ actor: editor, input: { id: demoId, expectedUpdatedAt: c.updatedAt } });
    expect((await listStaffCampaigns({ actor: editor })).map((r) => r.id)).not.toContain(demoId);
    expect((await listStaffCampaigns({ actor: editor, input: { archived: '1' } })).map((r) => r.id)).toEqual([demoId]);
    expect(await audits('campaign.archive', demoId)).toHaveLength(1);

    c = await load(demoId);
    await archiveCampaign({ actor: editor, input: { id: demoId, expectedUpdatedAt: c.updatedAt, archived: false } });
    expect((await listStaffCampaigns({ actor: editor })).map((r) => r.id)).toContain(demoId);
  });

  it('lists campaigns with status, signature count and confirmed-letter count', async () => {
    const db = getDb();
    await db.insert(senators).values({ bioguideId: 'T000001', officialName: 'Test Senator', firstName: 'Test', lastName: 'Senator', state: 'IL', party: 'Democrat' });
    const people = await db
      .insert(supporters)
      .values([1, 2, 3].map((n) => ({ email: `list-${n}@example.org`, firstName: 'S', lastName: `${n}` })))
      .returning();
    await db.insert(signatures).values(people.map((p) => ({ campaignId: demoId, supporterId: p.id, state: 'IL' })));
    await db.insert(letters).values([
      { campaignId: demoId, supporterId: people[0].id, senatorId: 'T000001', subject: 's', body: 'b', status: 'sent' },
      { campaignId: demoId, supporterId: people[1].id, senatorId: 'T000001', subject: 's', body: 'b', status: 'pending_confirmation' },
    ]);
    const draft = await createCampaign({ actor: editor, input: { title: 'Empty draft', slug: 'empty-draft', treatyId } });
    const rows = await listStaffCampaigns({ actor: editor });
    expect(rows).toEqual([
      expect.objectContaining({ id: draft.id, status: 'draft', signatures: 0, letters: 0 }),
      expect.objectContaining({ id: demoId, status: 'live', signatures: 3, letters: 1, archived: false, treatyShortName: expect.any(String) }),
    ]);
  });
});

describe('authorisation and transactions', () => {
  it('lets editors edit but refuses viewers and analysts (FORBIDDEN), who may still read', async () => {
    const c = await load(demoId);
    for (const role of ['viewer', 'analyst'] as const) {
      const actor = await makeStaff(role);
      expect((await listStaffCampaigns({ actor })).length).toBe(1);
      expect((await rejection(createCampaign({ actor, input: { title: 'Nope', treatyId } }))).code).toBe('FORBIDDEN');
      expect((await rejection(updateCampaign({ actor, input: form(c, { title: 'Nope' }) }))).code).toBe('FORBIDDEN');
      expect((await rejection(duplicateCampaign({ actor, input: { id: demoId } }))).code).toBe('FORBIDDEN');
      expect((await rejection(closeCampaign({ actor, input: { id: demoId, expectedUpdatedAt: c.updatedAt, resultNote: 'x' } }))).code).toBe(
        'FORBIDDEN',
      );
      expect((await rejection(archiveCampaign({ actor, input: { id: demoId, expectedUpdatedAt: c.updatedAt } }))).code).toBe('FORBIDDEN');
      expect((await rejection(publishCampaign({ actor, input: { id: demoId, expectedUpdatedAt: c.updatedAt } }))).code).toBe('FORBIDDEN');
    }
    await updateCampaign({ actor: editor, input: form(c, { title: 'Edited by an editor' }) });
    expect((await load(demoId)).title).toBe('Edited by an editor');
  });

  it('writes the audit row in the same transaction: a failed audit rolls the change back', async () => {
    const c = await load(demoId);
    // PostgreSQL refuses a NUL byte in text, so the audit insert (the last write) fails.
    const broken = { ...editor, email: 'bad\u0000address' };
    await expect(updateCampaign({ actor: broken, input: form(c, { title: 'Should not stick' }) })).rejects.toThrow();
    expect((await load(demoId)).title).toBe(c.title);
    expect(await audits('campaign.update', demoId)).toHaveLength(0);

    await expect(createCampaign({ actor: broken, input: { title: 'Ghost', slug: 'ghost-campaign', treatyId } })).rejects.toThrow();
    expect(await getDb().select().from(campaigns).where(eq(campaigns.slug, 'ghost-campaign'))).toHaveLength(0);
  });
});
