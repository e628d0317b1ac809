import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, campaigns, emailOutbox, letters, signatures, supporters, users } from '@/db/schema';
import { getStaffCampaign } from '@/lib/campaigns/get-staff-campaign';
import { updateCampaign } from '@/lib/campaigns/update-campaign';
import { confirmLetters } from '@/lib/letters/confirm-letters';
import { sendLetters } from '@/lib/letters/send-letters';
import { liveLink } from '../../support/mail-links';
import { CAMPAIGN_SLUG, auditDeliveries, countBy, drained, signViaApi, supporter, type World } from '../support/world';

// 5. Concurrency: the same action many times at the same moment does it once.

const SIGNERS = 100;
const LETTER_SUBMISSIONS = 50;
const EDITORS = 10;

export function concurrencySuite(world: () => World) {
  describe('5. concurrency', () => {
    it(`${SIGNERS} simultaneous identical signatures through all instances → one row, one email`, async () => {
      const { cluster, db, fake } = world();
      const who = supporter('same');
      const started = Date.now();
      const answers = await Promise.all(Array.from({ length: SIGNERS }, () => signViaApi(cluster.proxyUrl, who)));
      const took = Date.now() - started;
      const statuses = Object.fromEntries(countBy(answers, (a) => String(a.status)));
      const instances = Object.fromEntries(countBy(answers, (a) => `instance ${a.instance}`));
      expect(answers.filter((a) => a.status >= 500), 'no 5xx').toEqual([]);
      expect(statuses['201'], 'exactly one "signed"').toBe(1);
      expect(statuses['200'], 'the rest "already signed"').toBe(SIGNERS - 1);

      const [person] = await db.select({ id: supporters.id }).from(supporters).where(eq(supporters.email, who.email));
      const rows = await db.select({ id: signatures.id }).from(signatures).where(eq(signatures.supporterId, person.id));
      expect(rows).toHaveLength(1);
      const mine = eq(emailOutbox.toAddress, who.email);
      const outbox = await drained(db, 60_000, mine);
      expect(outbox).toMatchObject({ total: 1, sent: 1 });
      const audit = await auditDeliveries(db, fake, mine);
      expect(audit).toMatchObject({ rows: 1, emails: 1, duplicateKeys: [], missingKeys: [], duplicateMessages: [], conflicts: 0 });
      console.log(
        `[faults] concurrency: ${SIGNERS} identical signatures in ${took} ms, answers ${JSON.stringify(statuses)} from ${JSON.stringify(instances)}; ` +
          `signature rows 1, outbox rows ${outbox.total}, emails at the provider ${audit.emails}`,
      );
    });

    it(`${LETTER_SUBMISSIONS} simultaneous letter submissions for one supporter → one letter per senator`, async () => {
      const { db, fake } = world();
      const who = { ...supporter('writer'), zip: '62701', city: 'Springfield' };
      const [campaign] = await db.select().from(campaigns).where(eq(campaigns.slug, CAMPAIGN_SLUG));
      const input = {
        campaignSlug: CAMPAIGN_SLUG,
        ...who,
        subject: 'Please support ratification',
        body: 'Dear Senator,\n\nI ask you to support ratification of this treaty. It protects children.\n\nThank you.',
      };
      expect(campaign).toBeDefined();
      const started = Date.now();
      const results = await Promise.allSettled(Array.from({ length: LETTER_SUBMISSIONS }, () => sendLetters({ input })));
      const took = Date.now() - started;
      const refused = results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason));
      expect(refused, 'every submission answered').toEqual([]);

      const [person] = await db.select({ id: supporters.id }).from(supporters).where(eq(supporters.email, who.email));
      const held = await db.select().from(letters).where(eq(letters.supporterId, person.id));
      const heldPerSenator = countBy(held, (l) => l.senatorId);
      expect(heldPerSenator.size, 'Illinois has two senators').toBe(2);
      expect([...heldPerSenator.values()], 'one held letter per senator').toEqual([1, 1]);

      // Every submission mailed a link; only the batch that is still held can be confirmed by one.
      // All fifty links clicked at once: the live one confirms, the replaced ones change nothing.
      const mails = await db
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.toAddress, who.email), eq(emailOutbox.template, 'letters-confirmation')));
      const tokens = await Promise.all(mails.map(async (m) => (await liveLink(m, 'confirmUrl')).split('/').pop()!));
      const clicks = await Promise.allSettled(tokens.map((token) => confirmLetters({ input: { token } })));
      const clickOutcomes = Object.fromEntries(
        countBy(clicks, (c) => (c.status === 'fulfilled' ? 'answered' : String((c.reason as { code?: string }).code ?? c.reason))),
      );
      expect(Object.keys(clickOutcomes).filter((k) => !['answered', 'TOKEN_USED', 'NOT_FOUND', 'CONFLICT'].includes(k)), 'no click failed oddly').toEqual([]);

      const after = await db.select().from(letters).where(eq(letters.supporterId, person.id));
      const perSenator = countBy(after, (l) => l.senatorId);
      expect([...perSenator.values()], 'one letter per senator after confirming').toEqual([1, 1]);
      expect(after.every((l) => l.status !== 'pending_confirmation')).toBe(true);
      const mine = eq(emailOutbox.toAddress, who.email);
      const outbox = await drained(db, 60_000, mine);
      const audit = await auditDeliveries(db, fake, mine);
      expect(audit).toMatchObject({ duplicateKeys: [], missingKeys: [], conflicts: 0 });
      console.log(
        `[faults] concurrency: ${LETTER_SUBMISSIONS} simultaneous letter submissions in ${took} ms → ${held.length} held letters ` +
          `(${[...heldPerSenator.values()].join(' + ')} per senator), ${mails.length} confirmation emails queued; ` +
          `all ${tokens.length} links clicked at once (${JSON.stringify(clickOutcomes)}) → ${after.length} letters (${after.map((l) => l.status).join(', ')}); ${outbox.sent} emails to the writer, each sent once`,
      );
    });

    it(`${EDITORS} simultaneous saves of one campaign version → one wins, the others are told (CONFLICT)`, async () => {
      const { db } = world();
      const [editor] = await db.insert(users).values({ email: `editor-${Date.now()}@faults.test`, name: 'Editor', role: 'editor' }).returning();
      const actor = { id: editor.id, email: editor.email, role: editor.role };
      const [row] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, CAMPAIGN_SLUG));
      const opened = await getStaffCampaign({ actor, input: { id: row.id } });
      const auditsBefore = await db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.action, 'campaign.update'), eq(auditLog.entityId, row.id)));
      const form = (summary: string) =>
        ({
          id: opened.id,
          expectedUpdatedAt: opened.updatedAt,
          title: opened.title,
          slug: opened.slug,
          summary,
          storyMd: opened.storyMd,
          treatyId: opened.treatyId,
          petitionGoal: String(opened.petitionGoal),
          goalAutoStep: opened.goalAutoStep ? 'on' : undefined,
          signerVisibility: opened.signerVisibility,
          commentModeration: opened.commentModeration ? 'on' : undefined,
          letterSubjectTemplate: opened.letterSubjectTemplate,
          letterBodyTemplate: opened.letterBodyTemplate,
          requirePersonalSentence: opened.requirePersonalSentence ? 'on' : undefined,
          deliveryMode: opened.deliveryMode,
        }) as Parameters<typeof updateCampaign>[0]['input'];
      const saves = await Promise.allSettled(Array.from({ length: EDITORS }, (_, i) => updateCampaign({ actor, input: form(`${opened.summary} (edit ${i})`) })));
      const won = saves.flatMap((s, i) => (s.status === 'fulfilled' ? [i] : []));
      const told = saves.filter((s) => s.status === 'rejected').map((s) => (s as PromiseRejectedResult).reason as { code?: string; message?: string });
      expect(won).toHaveLength(1);
      expect(told.map((e) => e.code)).toEqual(Array(EDITORS - 1).fill('CONFLICT'));
      const saved = await getStaffCampaign({ actor, input: { id: row.id } });
      expect(saved.summary).toBe(`${opened.summary} (edit ${won[0]})`);
      const auditsAfter = await db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.action, 'campaign.update'), eq(auditLog.entityId, row.id)));
      expect(auditsAfter.length - auditsBefore.length).toBe(1);
      console.log(
        `[faults] concurrency: ${EDITORS} simultaneous saves of one version → 1 saved (edit ${won[0]}), ${told.length} told "${told[0]?.message}"; 1 audit row`,
      );
      // Leave the campaign as it was for the suites that follow.
      await updateCampaign({ actor, input: { ...form(opened.summary), expectedUpdatedAt: saved.updatedAt } });
    });
  });
}
