import { beforeAll, describe, expect, it } from 'vitest';
import { buildCwcMessage, CwcMessageError } from '@/lib/letters/cwc/build-cwc-message';
import { cwcDeliveryId } from '@/lib/letters/cwc/delivery-id';
import { CWC_LIMITS, CWC_TOPICS } from '@/lib/letters/cwc/schemas';
import { composeLetter, LETTER_BODY_MAX, PERSONAL_SENTENCE_MAX } from '@/lib/letters/letter-draft';
import { cwcLetter } from '../support/cwc-fixtures';
import { cwcElementText, loadCwcSchema, validateCwcXml } from '../support/cwc-schema';

beforeAll(loadCwcSchema);

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CwcMessageError);
    return (e as CwcMessageError).problems;
  }
  throw new Error('expected the letter to be refused');
}

const elementNames = (xml: string) => [...xml.matchAll(/<([A-Za-z0-9]+)>/g)].map((m) => m[1]);

describe('buildCwcMessage', () => {
  it('writes a schema-valid CWC 2.0 message with the letter, the constituent and the office', () => {
    const input = cwcLetter({ now: new Date('2026-03-02T03:30:00Z') });
    const { xml, deliveryId, officeCode } = buildCwcMessage(input);

    expect(validateCwcXml(xml)).toEqual([]);
    expect(officeCode).toBe('SMN01');
    expect(deliveryId).toBe(input.letter.id.replace(/-/g, ''));
    expect(elementNames(xml)).toEqual([
      'CWC', 'CWCVersion',
      'Delivery', 'DeliveryId', 'DeliveryDate', 'DeliveryAgent', 'DeliveryAgentAckEmailAddress',
      'DeliveryAgentContact', 'DeliveryAgentContactName', 'DeliveryAgentContactEmail', 'DeliveryAgentContactPhone',
      'Organization', 'OrganizationContact', 'OrganizationContactEmail', 'CampaignId',
      'Recipient', 'MemberOffice',
      'Constituent', 'Prefix', 'FirstName', 'LastName', 'Address1', 'City', 'StateAbbreviation', 'Zip', 'Email', 'EmailValidation',
      'Message', 'Subject', 'LibraryOfCongressTopics', 'LibraryOfCongressTopic', 'ProOrCon', 'ConstituentMessage',
    ]);
    const text = (n: string) => cwcElementText(xml, n);
    expect(text('CWCVersion')).toBe('2.0');
    // 03:30 UTC on 2 March is still 1 March in Washington.
    expect(text('DeliveryDate')).toBe('20260301');
    expect(text('DeliveryAgent')).toBe('Ratify Test Coalition');
    expect(text('DeliveryAgentContactPhone')).toBe('202-555-0143');
    expect(text('CampaignId')).toBe(input.campaign.id.replace(/-/g, ''));
    expect(text('MemberOffice')).toBe('SMN01');
    expect(text('Prefix')).toBe('Ms.');
    expect(text('Address1')).toBe('1200 Hennepin Ave');
    expect(text('EmailValidation')).toBe('Y');
    expect(text('LibraryOfCongressTopic')).toBe('International Affairs');
    expect(text('ProOrCon')).toBe('Pro');
    expect(text('ConstituentMessage')).toBe(input.letter.body);
    // Every element on its own line: offices read the raw XML in their mail systems.
    expect(xml.split('\n').filter((l) => l.trim().startsWith('<')).length).toBeGreaterThanOrEqual(30);
  });

  it('carries non-Latin names, markup characters and line breaks exactly', () => {
    const body = 'Уважаемый сенатор,\n\n我支持批准。 Tôi ủng hộ. أؤيد التصديق 🙏\nA & B < C > D "quoted" \'single\' ]]> end';
    const input = cwcLetter({
      constituent: { firstName: 'Nguyễn Thị', lastName: '张-Ольга O’Brien', street: '5 Rue d’Été & <Main>', city: 'São Paulo' },
      letter: { subject: 'Ratifiez — 批准 <now> & forever', body },
      campaign: { organisation: { name: 'Coalición Niñez & Derechos', contactEmail: null, about: 'Des ONG pour les droits de l’enfant.' } },
    });
    const { xml } = buildCwcMessage(input);
    expect(validateCwcXml(xml)).toEqual([]);
    expect(cwcElementText(xml, 'FirstName')).toBe('Nguyễn Thị');
    expect(cwcElementText(xml, 'LastName')).toBe('张-Ольга O’Brien');
    expect(cwcElementText(xml, 'Address1')).toBe('5 Rue d’Été & <Main>');
    expect(cwcElementText(xml, 'Subject')).toBe('Ratifiez — 批准 <now> & forever');
    expect(cwcElementText(xml, 'ConstituentMessage')).toBe(body);
    expect(cwcElementText(xml, 'OrganizationAbout')).toBe('Des ONG pour les droits de l’enfant.');
    expect(xml).not.toContain('<Main>');
  });

  it('turns characters XML cannot carry into U+FFFD instead of breaking the document', () => {
    const { xml } = buildCwcMessage(cwcLetter({ letter: { body: 'Half a pair \ud800 and a non-character \uFFFE stay readable.' } }));
    expect(validateCwcXml(xml)).toEqual([]);
    expect(cwcElementText(xml, 'ConstituentMessage')).toBe('Half a pair \uFFFD and a non-character \uFFFD stay readable.');
  });

  it('sends the longest letter the form allows, and refuses (never cuts) one past the CWC limit', () => {
    const composed = composeLetter({
      salutation: 'Dear Senator {{senator_last_name}},',
      subject: 'Please ratify',
      body: '字'.repeat(LETTER_BODY_MAX),
      personalSentence: '😀'.repeat(PERSONAL_SENTENCE_MAX),
      senator: { name: 'Amy Klobuchar', lastName: 'Klobuchar', stateName: 'Minnesota' },
      supporter: { firstName: 'Jordan', lastName: 'Lee', street: '1200 Hennepin Ave', city: 'Minneapolis', state: 'MN', zip: '55403' },
      treaty: { treatyName: 'Optional Protocol', treatyShortName: 'OPSC' },
    });
    const longest = buildCwcMessage(cwcLetter({ letter: composed }));
    expect(validateCwcXml(longest.xml)).toEqual([]);
    expect(cwcElementText(longest.xml, 'ConstituentMessage')).toBe(composed.body);

    // Code points, as XML Schema counts them: 10,000 emoji pass, one more is refused.
    const atLimit = buildCwcMessage(cwcLetter({ letter: { body: '🙂'.repeat(CWC_LIMITS.messageMax) } }));
    expect(validateCwcXml(atLimit.xml)).toEqual([]);
    expect(problems(() => buildCwcMessage(cwcLetter({ letter: { body: '🙂'.repeat(CWC_LIMITS.messageMax + 1) } })))).toEqual([
      'the letter is longer than the 10,000 characters CWC accepts',
    ]);
  });

  it('lists everything CWC needs that the letter lacks', () => {
    const input = cwcLetter({ constituent: { prefix: null, street: null, city: '  ', email: null }, letter: { subject: 'Hi!' } });
    expect(problems(() => buildCwcMessage(input))).toEqual([
      'the writer gave no title (CWC requires Mr., Mrs., Ms., Miss or Dr.)',
      'the writer’s street address (CWC requires one) is missing',
      'the writer’s city (CWC requires one) is missing',
      'the writer’s email (they may have been forgotten) is missing',
      'the subject must be at least 6 characters',
    ]);
  });

  it('refuses an unknown topic, a title outside the five, a senator of another state and a seat without a code', () => {
    expect(problems(() => buildCwcMessage(cwcLetter({ campaign: { topic: 'Treaties' } })))[0]).toMatch(/topic/);
    expect(problems(() => buildCwcMessage(cwcLetter({ constituent: { prefix: 'Mx.' } })))[0]).toMatch(/titles/);
    expect(problems(() => buildCwcMessage(cwcLetter({ senator: { state: 'WI' } })))).toEqual(['the writer’s state is not the senator’s']);
    expect(problems(() => buildCwcMessage(cwcLetter({ senator: { senateClass: null } })))).toEqual(['the senator has no CWC office code']);
  });

  it('uses a staff override of the office code, and omits what it cannot vouch for', () => {
    const { xml, officeCode } = buildCwcMessage(
      cwcLetter({
        senator: { senateClass: null, cwcOfficeCode: 'SMN02' },
        constituent: { emailVerified: false },
        campaign: { proOrCon: null, topic: 'Families', organisation: { name: 'AB', contactEmail: 'not-an-address', about: 'short' } },
      }),
    );
    expect(officeCode).toBe('SMN02');
    expect(validateCwcXml(xml)).toEqual([]);
    for (const absent of ['EmailValidation', 'ProOrCon', 'Organization', 'OrganizationContact', 'OrganizationAbout']) {
      expect(xml).not.toContain(`<${absent}>`);
    }
    expect(cwcElementText(xml, 'LibraryOfCongressTopic')).toBe('Families');
  });

  it('keeps the delivery id per letter, and gives a deliberate resend a new one', () => {
    const input = cwcLetter();
    expect(buildCwcMessage(input).deliveryId).toBe(buildCwcMessage(input).deliveryId);
    const resend = buildCwcMessage({ ...input, generation: 1 });
    expect(resend.deliveryId).toBe(cwcDeliveryId(input.letter.id, 1));
    expect(resend.deliveryId).toMatch(/^[0-9a-f]{32}$/);
    expect(resend.deliveryId).not.toBe(cwcDeliveryId(input.letter.id));
    expect(validateCwcXml(resend.xml)).toEqual([]);
  });

  it('accepts every topic on the list', () => {
    for (const topic of CWC_TOPICS) {
      expect(validateCwcXml(buildCwcMessage(cwcLetter({ campaign: { topic } })).xml)).toEqual([]);
    }
  });
});

describe('our CWC schema', () => {
  const valid = buildCwcMessage(cwcLetter()).xml;
  const swap = (from: string, to: string) => {
    expect(valid).toContain(from);
    return valid.replace(from, to);
  };

  it('refuses messages the Senate would refuse', () => {
    expect(validateCwcXml(valid)).toEqual([]);
    const cases: [string, string][] = [
      [swap('<Prefix>Ms.</Prefix>', '<Prefix>Mx.</Prefix>'), 'Prefix'],
      [swap('<LibraryOfCongressTopic>International Affairs<', '<LibraryOfCongressTopic>Treaties<'), 'LibraryOfCongressTopic'],
      [swap(/<Address1>[^<]*<\/Address1>\s*/.exec(valid)![0], ''), 'City'],
      [swap('<MemberOffice>SMN01</MemberOffice>', '<MemberOffice>SMN1</MemberOffice>'), 'MemberOffice'],
      [swap('<DeliveryAgentContactPhone>202-555-0143<', '<DeliveryAgentContactPhone>(202) 555-0143<'), 'DeliveryAgentContactPhone'],
      [swap('<Zip>55403</Zip>', '<Zip>5540</Zip>'), 'Zip'],
      [swap('<ProOrCon>Pro</ProOrCon>', '<ProOrCon>Maybe</ProOrCon>'), 'ProOrCon'],
      [valid.replace(/<DeliveryId>[^<]*</, '<DeliveryId>short<'), 'DeliveryId'],
      [valid.replace(/<ConstituentMessage>[\s\S]*<\/ConstituentMessage>/, '<ConstituentMessage>Hi</ConstituentMessage>'), 'ConstituentMessage'],
      [valid.replace(/<ConstituentMessage>[\s\S]*<\/ConstituentMessage>/, ''), 'Message'],
      // Order matters: Recipient before Constituent.
      [valid.replace(/(<Recipient>[\s\S]*<\/Recipient>)\s*(<Constituent>[\s\S]*<\/Constituent>)/, '$2$1'), 'Constituent'],
    ];
    for (const [xml, element] of cases) {
      const errors = validateCwcXml(xml);
      expect(errors.join('\n'), element).toContain(element);
    }
    expect(validateCwcXml('<CWC><CWCVersion>2.0</CWCVersion>')[0]).toMatch(/Not well-formed/);
  });
});
