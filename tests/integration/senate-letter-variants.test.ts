import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { campaigns, letters } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import type { StaffUser } from '@/lib/auth/session-user';
import { previewLetterVariants } from '@/lib/campaigns/preview-letter-variants';
import { updateLetterVariants } from '@/lib/campaigns/update-letter-variants';
import { lookupSenators } from '@/lib/letters/lookup-senators';
import { sendLetters } from '@/lib/letters/send-letters';
import { attachCampaignStances } from '@/lib/senators/attach-campaign-stances';
import { importSenators } from '@/lib/senators/import-senators';
import { setSenatorPosition } from '@/lib/senators/set-senator-position';
import { makeStaff } from './staff-fixtures';
import { rejection } from '../support/rejection';
import { ROSTER_DIR } from '../support/roster';

/** Springfield, Illinois: Durbin and Duckworth. */
const IL_ZIP = '62701';
const DURBIN = 'D000563';
const DUCKWORTH = 'D000622';

let campaignId: string;
let treatyId: string;
let slug: string;
let editor: StaffUser;

beforeEach(async () => {
  ({ campaignId, treatyId } = await seedDatabase(getDb(), { adminEmail: 'owner@variants.test' }));
  await importSenators({ source: ROSTER_DIR });
  [{ slug }] = await getDb().select({ slug: campaigns.slug }).from(campaigns).where(eq(campaigns.id, campaignId));
  editor = await makeStaff('editor');
  await setSenatorPosition({ actor: editor, input: { senatorId: DURBIN, treatyId, stance: 'supports' } });
  await setSenatorPosition({ actor: editor, input: { senatorId: DUCKWORTH, treatyId, stance: 'undecided' } });
}, 60_000);

const variants = (over: Record<string, string> = {}) =>
  updateLetterVariants({
    actor: editor,
    input: {
      id: campaignId,
      thankSubject: 'Thank you, Senator {{senator_last_name}}',
      thankBody: 'Dear Senator {{senator_last_name}},\n\nThank you for standing with children. Please hold firm.',
      urgeSubject: 'Please support the {{treaty_short_name}}',
      urgeBody: 'Dear Senator {{senator_last_name}},\n\nI urge you to support ratification.',
      ...over,
    },
  });

const send = () =>
  sendLetters({
    input: {
      campaignSlug: slug,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.org',
      zip: IL_ZIP,
      city: 'Springfield',
      subject: 'Default subject',
      body: 'Default body typed by Ada.',
      personalSentence: 'I grew up in Springfield.',
    },
    requireStreet: false,
  });

describe('letter variants by stance group', () => {
  it('a supporter with one supporting and one undecided senator writes a thank-you and an urging letter', async () => {
    await variants();
    await send();
    const rows = await getDb().select().from(letters);
    const by = new Map(rows.map((l) => [l.senatorId, l]));
    expect(by.get(DURBIN)!.subject).toBe('Thank you, Senator Durbin');
    expect(by.get(DURBIN)!.body).toMatch(/^Dear Senator Durbin,\n\nI grew up in Springfield\.\n\nThank you for standing with children/);
    expect(by.get(DUCKWORTH)!.subject).toBe('Please support the Optional Protocol on the Sale of Children');
    expect(by.get(DUCKWORTH)!.body).toContain('I urge you to support ratification.');
  });

  it('an empty variant falls back to the letter the supporter edited', async () => {
    await variants({ urgeSubject: '', urgeBody: '' });
    await send();
    const [duckworth] = await getDb().select().from(letters).where(eq(letters.senatorId, DUCKWORTH));
    expect(duckworth.subject).toBe('Default subject');
    expect(duckworth.body).toContain('Default body typed by Ada.');
  });

  it('tells the supporter which letter each senator gets and why, without naming an unpublished stance', async () => {
    await variants();
    const r = await attachCampaignStances(await lookupSenators({ zip: IL_ZIP }), slug);
    if (r.kind !== 'state') throw new Error('expected senators');
    const durbin = r.senators.find((s) => s.bioguideId === DURBIN)!;
    const duckworth = r.senators.find((s) => s.bioguideId === DUCKWORTH)!;
    expect(durbin.letterVariant).toMatchObject({ group: 'thank', label: 'A thank-you letter', usesDefault: false });
    expect(durbin.letterVariant!.reason).toMatch(/thanks them/);
    expect(duckworth.letterVariant).toMatchObject({ group: 'urge', label: 'A letter urging support' });
    // The Senate page is not published: no stance is shown.
    expect(durbin.publicStance).toBeUndefined();
    // The seeded treaty is before the committee: Duckworth sits on it, Durbin does not.
    expect(duckworth.committeeNote).toMatch(/^Senator Duckworth sits on the Foreign Relations Committee/);
    expect(durbin.committeeNote).toBeUndefined();
  });

  it('previews every group for staff and refuses a bad merge field', async () => {
    await variants();
    const p = await previewLetterVariants({ actor: editor, campaignId });
    expect(p.map((x) => [x.group, x.usesDefault, x.sample.fictional])).toEqual([
      ['thank', false, false],
      ['urge', false, false],
      ['persuade', true, true],
    ]);
    expect(p[0].subject).toMatch(/^Thank you, Senator /);
    const e = await rejection(variants({ thankBody: 'Hello {{nope}}' }));
    expect(e.fieldErrors?.thankBody).toBeDefined();
  });
});
