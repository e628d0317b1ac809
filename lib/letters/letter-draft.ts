// Pure and client-safe. A campaign's template becomes a draft the supporter edits once: the
// salutation (the only senator-specific line) is split off and merged per senator at send time, so
// one edited body serves both letters and the preview can show both.
import {
  SENATOR_FIELDS,
  SUPPORTER_FIELDS,
  findMergeFields,
  mergeTemplate,
  normaliseLetterText,
  toSingleLine,
  validateTemplate,
  type MergeValues,
} from './merge-template';

export const LETTER_BODY_MAX = 5000;
export const LETTER_SUBJECT_MAX = 200;
export const PERSONAL_SENTENCE_MAX = 500;

export type LetterDraft = {
  /** Senator-specific opening line, e.g. "Dear {{senator_title}} {{senator_last_name}},"; may be empty. */
  salutation: string;
  /** Treaty fields merged; senator and supporter fields kept as tokens for send time. */
  subject: string;
  body: string;
  /** Problems a staff member should fix (unknown fields, stray braces); empty when the template is sound. */
  problems: string[];
};

export type DraftTemplates = { subjectTemplate: string; bodyTemplate: string; treatyName: string; treatyShortName: string };

const KEEP = [...SENATOR_FIELDS, ...SUPPORTER_FIELDS];

/** The first paragraph, when it is one short line that names the senator ("Dear Senator X,"). */
export function splitSalutation(bodyTemplate: string): { salutation: string; rest: string } {
  const text = bodyTemplate.replace(/\r\n?/g, '\n').trim();
  const m = /^([^\n]*)\n\s*\n([\s\S]*)$/.exec(text);
  if (!m) return { salutation: '', rest: text };
  const first = m[1].trim();
  const namesSenator = findMergeFields(first).some((f) => (SENATOR_FIELDS as readonly string[]).includes(f));
  if (!namesSenator || first.length > 120) return { salutation: '', rest: text };
  return { salutation: first, rest: m[2].trim() };
}

export function buildLetterDraft(t: DraftTemplates): LetterDraft {
  const treaty: MergeValues = { treaty_name: t.treatyName, treaty_short_name: t.treatyShortName };
  const { salutation, rest } = splitSalutation(t.bodyTemplate);
  const problems: string[] = [];
  for (const [what, tpl] of [['subject', t.subjectTemplate], ['letter', t.bodyTemplate]] as const) {
    const p = validateTemplate(tpl);
    if (p.unknownFields.length) problems.push(`The ${what} template uses unknown fields: ${p.unknownFields.map((f) => `{{${f}}}`).join(', ')}.`);
    if (p.malformed) problems.push(`The ${what} template has unmatched {{ or }} braces.`);
  }
  const subject = toSingleLine(mergeTemplate(t.subjectTemplate, treaty, { keep: KEEP }).text) || `Please support the ${t.treatyShortName}`;
  const body = mergeTemplate(rest, treaty, { keep: KEEP }).text;
  return { salutation, subject: subject.slice(0, LETTER_SUBJECT_MAX), body, problems };
}

export type LetterSenator = { name: string; lastName: string; stateName: string };
export type LetterSupporter = {
  firstName: string;
  lastName: string;
  city?: string | null;
  street?: string | null;
  state: string;
  zip?: string | null;
};

export function supporterFullName(s: Pick<LetterSupporter, 'firstName' | 'lastName'>): string {
  return [s.firstName.trim(), s.lastName.trim()].filter(Boolean).join(' ');
}

export function mergeValuesFor(senator: LetterSenator, supporter: LetterSupporter, treaty: Pick<DraftTemplates, 'treatyName' | 'treatyShortName'>): MergeValues {
  return {
    senator_name: senator.name,
    senator_last_name: senator.lastName,
    senator_state: senator.stateName,
    supporter_name: supporterFullName(supporter),
    supporter_city: supporter.city ?? '',
    supporter_state: supporter.state,
    treaty_name: treaty.treatyName,
    treaty_short_name: treaty.treatyShortName,
  };
}

/** Cut a subject to the limit at a word boundary (a merged senator name can make it longer). */
function clampSubject(s: string): string {
  if (s.length <= LETTER_SUBJECT_MAX) return s;
  const cut = s.slice(0, LETTER_SUBJECT_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > 100 ? cut.slice(0, space) : cut}…`;
}

export type ComposeInput = {
  salutation: string;
  subject: string;
  body: string;
  personalSentence?: string | null;
  senator: LetterSenator;
  supporter: LetterSupporter;
  treaty: Pick<DraftTemplates, 'treatyName' | 'treatyShortName'>;
};

/**
 * One senator's letter: their salutation, the supporter's own sentence, the (edited) body and, when
 * given, the street address offices use to check that the writer is a constituent.
 */
export function composeLetter(c: ComposeInput): { subject: string; body: string } {
  const values = mergeValuesFor(c.senator, c.supporter, c.treaty);
  const merge = (t: string) => mergeTemplate(t, values).text;
  const street = c.supporter.street?.trim();
  const address = street
    ? `My address: ${[street, c.supporter.city?.trim(), [c.supporter.state, c.supporter.zip?.trim()].filter(Boolean).join(' ')].filter(Boolean).join(', ')}`
    : '';
  const parts = [merge(c.salutation), c.personalSentence?.trim() ?? '', merge(c.body), address];
  return {
    subject: clampSubject(toSingleLine(merge(c.subject))),
    body: parts.map((p) => p.trim()).filter(Boolean).join('\n\n'),
  };
}

/** Whether the supporter changed the suggested text (whitespace-only changes do not count). */
export function isLetterEdited(submitted: string, draftBody: string): boolean {
  return normaliseLetterText(submitted) !== normaliseLetterText(draftBody);
}
