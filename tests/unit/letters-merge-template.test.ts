import { describe, expect, it } from 'vitest';
import { demoCampaign } from '@/db/seed/opsc';
import {
  buildLetterDraft,
  composeLetter,
  isLetterEdited,
  splitSalutation,
} from '@/lib/letters/letter-draft';
import {
  MERGE_FIELDS,
  cityState,
  findMergeFields,
  mergeTemplate,
  normaliseLetterText,
  validateTemplate,
} from '@/lib/letters/merge-template';

const all = {
  senator_title: 'Senator',
  senator_name: 'Richard J. Durbin',
  senator_last_name: 'Durbin',
  senator_state: 'Illinois',
  supporter_name: 'Ada Lovelace',
  supporter_city: 'Springfield',
  supporter_state: 'IL',
  treaty_name: 'Optional Protocol on the Sale of Children',
  treaty_short_name: 'OPSC',
};

describe('mergeTemplate', () => {
  it('fills every merge field, with and without inner spaces', () => {
    const tpl = MERGE_FIELDS.map((f) => `${f}={{${f}}}`).join('\n') + '\n{{ senator_last_name }}';
    const { text, unknownFields, missingFields } = mergeTemplate(tpl, all);
    expect(text).toBe(
      [
        'senator_title=Senator',
        'senator_name=Richard J. Durbin',
        'senator_last_name=Durbin',
        'senator_state=Illinois',
        'supporter_name=Ada Lovelace',
        'supporter_city=Springfield',
        'supporter_state=IL',
        'supporter_city_state=Springfield, IL',
        'treaty_name=Optional Protocol on the Sale of Children',
        'treaty_short_name=OPSC',
        'Durbin',
      ].join('\n'),
    );
    expect(unknownFields).toEqual([]);
    expect(missingFields).toEqual([]);
  });

  it('defaults the senator title and derives city-state', () => {
    expect(mergeTemplate('{{senator_title}}', {}).text).toBe('Senator');
    expect(cityState('Springfield', 'IL')).toBe('Springfield, IL');
    expect(cityState(null, 'IL')).toBe('IL');
    expect(cityState(' ', 'IL')).toBe('IL');
  });

  it('degrades gracefully when a supporter value is missing', () => {
    const values = { ...all, supporter_city: '' };
    expect(mergeTemplate('As your constituent in {{supporter_city_state}}, I write.', values).text).toBe(
      'As your constituent in IL, I write.',
    );
    const r = mergeTemplate('I live in {{supporter_city}}, {{supporter_state}}.\nSincerely,\n{{supporter_city}}\nEnd', values);
    expect(r.text).toBe('I live in IL.\nSincerely,\nEnd');
    expect(r.missingFields).toEqual(['supporter_city']);
  });

  it('leaves unknown fields as written and reports them', () => {
    const r = mergeTemplate('Hi {{senator_nickname}} and {{Senator_Name}}, {{senator_last_name}}', all);
    expect(r.text).toBe('Hi {{senator_nickname}} and {{Senator_Name}}, Durbin');
    expect(r.unknownFields).toEqual(['senator_nickname', 'Senator_Name']);
  });

  it('keeps the listed fields as tokens', () => {
    expect(mergeTemplate('{{senator_name}} / {{treaty_short_name}}', all, { keep: ['senator_name'] }).text).toBe(
      '{{senator_name}} / OPSC',
    );
  });

  it('returns plain text: markup in values is not escaped, and values cannot add lines', () => {
    const r = mergeTemplate('From {{supporter_name}}', { supporter_name: '<script>alert(1)</script>\r\nBcc: x@y' });
    expect(r.text).toBe('From <script>alert(1)</script> Bcc: x@y');
  });

  it('validates templates', () => {
    expect(validateTemplate(demoCampaign.letterBodyTemplate)).toEqual({ unknownFields: [], malformed: false });
    expect(validateTemplate('{{senator_name}} {{foo}}')).toEqual({ unknownFields: ['foo'], malformed: false });
    expect(validateTemplate('Dear {{senator_name}')).toEqual({ unknownFields: [], malformed: true });
    expect(findMergeFields('{{a}} {{b}} {{a}}')).toEqual(['a', 'b']);
  });

  it('normalises letter text for comparison', () => {
    expect(normaliseLetterText('  a  \r\nb\r\n\r\n\r\n\r\nc \n')).toBe('a\nb\n\nc');
  });
});

describe('letter drafts', () => {
  const treaty = { treatyName: all.treaty_name, treatyShortName: all.treaty_short_name };
  const draft = buildLetterDraft({
    subjectTemplate: demoCampaign.letterSubjectTemplate,
    bodyTemplate: demoCampaign.letterBodyTemplate,
    ...treaty,
  });

  it('splits the senator salutation from a senator-neutral body', () => {
    expect(draft.salutation).toBe('Dear {{senator_title}} {{senator_last_name}},');
    expect(draft.body).not.toMatch(/senator_/);
    expect(draft.body).toMatch(/^As your constituent in \{\{supporter_city_state\}\}/);
    expect(draft.body).toContain(all.treaty_name);
    expect(draft.subject).toBe('Please support ratification of the OPSC');
    expect(draft.problems).toEqual([]);
  });

  it('keeps a template without a salutation whole', () => {
    expect(splitSalutation('Hello all,\n\nBody')).toEqual({ salutation: '', rest: 'Hello all,\n\nBody' });
    expect(splitSalutation('One paragraph {{senator_name}}')).toEqual({ salutation: '', rest: 'One paragraph {{senator_name}}' });
  });

  it('reports template problems for staff', () => {
    const bad = buildLetterDraft({ subjectTemplate: 'Hi {{x}}', bodyTemplate: 'Dear {{senator_name}', ...treaty });
    expect(bad.problems).toHaveLength(2);
  });

  it('composes one letter per senator from one edited body', () => {
    const supporter = { firstName: 'Ada', lastName: 'Lovelace', city: 'Springfield', state: 'IL', street: '1 Main St', zip: '62701' };
    const a = composeLetter({
      salutation: draft.salutation,
      subject: draft.subject,
      body: draft.body,
      personalSentence: 'My niece was trafficked.',
      senator: { name: 'Richard J. Durbin', lastName: 'Durbin', stateName: 'Illinois' },
      supporter,
      treaty,
    });
    const b = composeLetter({
      salutation: draft.salutation,
      subject: draft.subject,
      body: draft.body,
      senator: { name: 'Tammy Duckworth', lastName: 'Duckworth', stateName: 'Illinois' },
      supporter: { ...supporter, street: null, city: null },
      treaty,
    });
    expect(a.body.split('\n\n').slice(0, 3)).toEqual([
      'Dear Senator Durbin,',
      'My niece was trafficked.',
      expect.stringMatching(/^As your constituent in Springfield, IL, I am writing/),
    ]);
    expect(a.body).toMatch(/Sincerely,\nAda Lovelace\nSpringfield, IL\n\nMy address: 1 Main St, Springfield, IL 62701$/);
    expect(b.body).toMatch(/^Dear Senator Duckworth,\n\nAs your constituent in IL, I am/);
    expect(b.body).toMatch(/Sincerely,\nAda Lovelace\nIL$/);
    expect(a.subject).toBe(b.subject);
    expect(a.body).not.toMatch(/\{\{/);
  });

  it('keeps subjects on one line and within 200 characters', () => {
    const c = composeLetter({
      salutation: '',
      subject: `About {{senator_name}}\r\nBcc: evil@example.org ${'x'.repeat(300)}`,
      body: 'Hi',
      senator: { name: 'A B', lastName: 'B', stateName: 'Ohio' },
      supporter: { firstName: 'A', lastName: 'B', state: 'OH' },
      treaty,
    });
    expect(c.subject).not.toMatch(/[\r\n]/);
    expect(c.subject.length).toBeLessThanOrEqual(200);
  });

  it('says whether the body was edited, ignoring whitespace', () => {
    expect(isLetterEdited(`${draft.body.replace(/\n/g, '\r\n')}  \n\n`, draft.body)).toBe(false);
    expect(isLetterEdited(`${draft.body} Thank you.`, draft.body)).toBe(true);
  });
});
