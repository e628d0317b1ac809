// With the Senate's CWC channel on, the letter form asks for a title and a full postal address, and
// the letters it writes become valid CWC messages the (fake) Senate accepts.
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { campaigns, letters, organisations, senators, supporters } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { resetEnvCache } from '@/lib/env';
import { buildCwcMessage } from '@/lib/letters/cwc/build-cwc-message';
import { sendCwcMessage } from '@/lib/letters/cwc/send-cwc-message';
import { buildLetterDraft, type LetterDraft } from '@/lib/letters/letter-draft';
import { CWC_FIELD_MESSAGES, type SendLettersInput } from '@/lib/letters/schemas';
import { sendLetters } from '@/lib/letters/send-letters';
import { forgetPerson } from '@/lib/people/forget-person';
import { FORGET_CONFIRMATION } from '@/lib/people/schemas';
import { importSenators } from '@/lib/senators/import-senators';
import { findOrCreateSupporter } from '@/lib/supporters/find-or-create-supporter';
import { CWC_TEST_CONFIG } from '../support/cwc-fixtures';
import { cwcElementText, validateCwcXml } from '../support/cwc-schema';
import { startFakeSoapbox, type FakeSoapbox } from '../support/fake-soapbox';
import { rejection } from '../support/rejection';
import { ROSTER_DIR } from '../support/roster';
import { getTestDb } from '../support/test-db';
import { makeStaff } from './staff-fixtures';

const ROSTER = ROSTER_DIR;
const SLUG = 'protect-children-protocol';
/** Springfield, Illinois: Senators Durbin (class 2 → SIL02) and Duckworth (class 3 → SIL03). */
const IL_ZIP = '62701';

let fake: FakeSoapbox;
let draft: LetterDraft;
let campaignId: string;

beforeAll(async () => {
  fake = await startFakeSoapbox();
});
afterAll(() => fake.close());

beforeEach(async () => {
  const { db } = await getTestDb();
  const seeded = await seedDatabase(db, { adminEmail: 'owner@test.example' });
  campaignId = seeded.campaignId;
  await importSenators({ source: ROSTER, db });
  const [c] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  draft = buildLetterDraft({ subjectTemplate: c.letterSubjectTemplate, bodyTemplate: c.letterBodyTemplate, treatyName: 'Optional Protocol', treatyShortName: 'OPSC' });
});

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

function input(over: Partial<SendLettersInput> = {}): SendLettersInput {
  return { campaignSlug: SLUG, firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.org', zip: IL_ZIP, subject: draft.subject, body: draft.body, ...over };
}

describe('the letter form while the CWC channel is on', () => {
  it('asks for street, city, title and a six-character subject, each with a field message', async () => {
    const e = await rejection(sendLetters({ input: input({ subject: 'Hi!' }), requireStreet: true }));
    expect(e.code).toBe('VALIDATION');
    expect(e.fieldErrors).toEqual({
      street: [CWC_FIELD_MESSAGES.street],
      city: [CWC_FIELD_MESSAGES.city],
      prefix: [CWC_FIELD_MESSAGES.prefix],
      subject: [CWC_FIELD_MESSAGES.subject],
    });
    expect(CWC_FIELD_MESSAGES.street).toMatch(/Senate’s own delivery service/);
    const { db } = await getTestDb();
    expect(await db.select().from(letters)).toEqual([]);

    const bad = await rejection(sendLetters({ input: input({ street: '1 Main St', city: 'Springfield', prefix: 'Mx.' }), requireStreet: true }));
    expect(bad.fieldErrors?.prefix).toEqual(['Choose one of the titles in the list.']);
  });

  it('takes the rule from the configuration when the caller does not say', async () => {
    Object.assign(process.env, {
      CWC_API_KEY: 'k',
      CWC_BASE_URL: 'https://soapbox.senate.gov/api/testing-messages/',
      CWC_DELIVERY_AGENT: 'Coalition',
      CWC_DELIVERY_AGENT_EMAIL: 'acks@coalition.example.org',
      CWC_DELIVERY_AGENT_CONTACT_NAME: 'Dana Whitfield',
      CWC_DELIVERY_AGENT_CONTACT_EMAIL: 'tech@coalition.example.org',
      CWC_DELIVERY_AGENT_CONTACT_PHONE: '202-555-0143',
    });
    resetEnvCache();
    expect(Object.keys((await rejection(sendLetters({ input: input() }))).fieldErrors ?? {})).toEqual(['street', 'city', 'prefix']);

    delete process.env.CWC_API_KEY;
    resetEnvCache();
    expect((await sendLetters({ input: input() })).kind).toBe('confirm_email');
  });

  it('with the channel off, the title stays optional and is kept when given; forgetting erases it', async () => {
    await sendLetters({ input: input({ prefix: 'Dr.' }), requireStreet: false });
    const { db } = await getTestDb();
    const [sup] = await db.select().from(supporters);
    expect(sup.namePrefix).toBe('Dr.');
    // A later form without a title (or with anything else) changes nothing on file.
    await db.transaction((tx) => findOrCreateSupporter(tx, { email: 'ADA@example.org', firstName: 'Ada', lastName: 'L', zip: IL_ZIP, state: 'IL' }));
    expect((await db.select().from(supporters))[0]).toMatchObject({ namePrefix: 'Dr.', lastName: 'Lovelace' });

    const owner = await makeStaff('owner');
    await forgetPerson({ actor: owner, input: { supporterId: sup.id, confirmation: FORGET_CONFIRMATION } });
    expect((await db.select().from(supporters))[0]).toMatchObject({ namePrefix: null, street: null, city: null });
  });

  it('writes letters that become valid CWC messages, accepted by the Senate for each senator', async () => {
    const res = await sendLetters({
      input: input({ prefix: 'Mrs.', street: '1 Old State Capitol Plaza', city: 'Springfield', firstName: 'Ada Ζωή', lastName: 'Lovelace-Nguyễn' }),
      requireStreet: true,
    });
    expect(res.kind).toBe('confirm_email');

    const { db } = await getTestDb();
    const rows = await db
      .select({ letter: letters, supporter: supporters, senator: senators, campaign: campaigns, org: organisations })
      .from(letters)
      .innerJoin(supporters, eq(supporters.id, letters.supporterId))
      .innerJoin(senators, eq(senators.bioguideId, letters.senatorId))
      .innerJoin(campaigns, eq(campaigns.id, letters.campaignId))
      .innerJoin(organisations, eq(organisations.id, campaigns.organisationId));
    expect(rows).toHaveLength(2);

    const config = { ...CWC_TEST_CONFIG, apiKey: fake.apiKey, baseUrl: fake.url };
    const offices: string[] = [];
    for (const { letter, supporter, senator, campaign, org } of rows) {
      const message = buildCwcMessage({
        letter,
        constituent: { ...supporter, prefix: supporter.namePrefix, emailVerified: supporter.emailVerifiedAt !== null },
        senator,
        campaign: { id: campaign.id, topic: campaign.cwcTopic, proOrCon: campaign.cwcProOrCon, organisation: { name: org.name, contactEmail: org.contactEmail, about: org.tagline } },
        delivery: config,
      });
      expect(validateCwcXml(message.xml)).toEqual([]);
      expect(cwcElementText(message.xml, 'ConstituentMessage')).toBe(letter.body);
      expect(cwcElementText(message.xml, 'FirstName')).toBe('Ada Ζωή');
      expect(await sendCwcMessage(message, { config })).toMatchObject({ outcome: 'accepted', duplicate: false, deliveryId: letter.id.replace(/-/g, '') });
      offices.push(message.officeCode);
    }
    expect(offices.sort()).toEqual(['SIL02', 'SIL03']);
  });
});
