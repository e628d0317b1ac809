// Pure and client-safe: the letter form's live preview merges with the same code the server sends
// with. Merged text is plain text; escaping is the renderer's job (React, react-email).

export const MERGE_FIELDS = [
  'senator_title',
  'senator_name',
  'senator_last_name',
  'senator_state',
  'supporter_name',
  'supporter_city',
  'supporter_state',
  'supporter_city_state',
  'treaty_name',
  'treaty_short_name',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeValues = Partial<Record<MergeField, string | null | undefined>>;

export const SENATOR_FIELDS: readonly MergeField[] = MERGE_FIELDS.filter((f) => f.startsWith('senator_'));
export const SUPPORTER_FIELDS: readonly MergeField[] = MERGE_FIELDS.filter((f) => f.startsWith('supporter_'));
export const TREATY_FIELDS: readonly MergeField[] = MERGE_FIELDS.filter((f) => f.startsWith('treaty_'));

const KNOWN = new Set<string>(MERGE_FIELDS);
// `{{ field }}` with optional inner spaces; names are lower-case words (a typo'd case is "unknown").
const TOKEN = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

export function isMergeField(name: string): name is MergeField {
  return KNOWN.has(name);
}

/** Every `{{field}}` name in a template, in order of first appearance. */
export function findMergeFields(template: string): string[] {
  const seen: string[] = [];
  for (const m of template.matchAll(TOKEN)) if (!seen.includes(m[1])) seen.push(m[1]);
  return seen;
}

export type TemplateProblems = { unknownFields: string[]; malformed: boolean };

/**
 * What is wrong with a template a staff member wrote: fields we cannot fill, and stray braces
 * (`{{senator_name}`) that would reach a senator as-is.
 */
export function validateTemplate(template: string): TemplateProblems {
  const unknownFields = findMergeFields(template).filter((f) => !isMergeField(f));
  const malformed = /\{\{|\}\}/.test(template.replace(TOKEN, ''));
  return { unknownFields, malformed };
}

/** "Springfield, IL", or just "IL" (or "Springfield") when half is missing. */
export function cityState(city?: string | null, state?: string | null): string {
  return [city?.trim(), state?.trim()].filter(Boolean).join(', ');
}

function resolve(field: MergeField, values: MergeValues): string {
  const own = values[field]?.trim();
  if (own) return own;
  if (field === 'senator_title') return 'Senator';
  if (field === 'supporter_city_state') return cityState(values.supporter_city, values.supporter_state);
  return '';
}

export type MergeResult = {
  text: string;
  /** `{{names}}` that are not merge fields: left in the text exactly as written. */
  unknownFields: string[];
  /** Known fields with no value: removed, and the line tidied around them. */
  missingFields: MergeField[];
};

/**
 * Fill `{{field}}` tokens. Fields listed in `keep` stay as tokens (the editable letter keeps the
 * senator's and supporter's fields for send time). A known field without a value disappears and its
 * line is tidied ("in , IL" never happens; a line left empty by merging is dropped).
 */
export function mergeTemplate(
  template: string,
  values: MergeValues,
  opts: { keep?: readonly MergeField[] } = {},
): MergeResult {
  const unknownFields: string[] = [];
  const missingFields: MergeField[] = [];
  const keep = new Set<string>(opts.keep ?? []);
  // A missing value leaves a marker, so the tidy-up can take its separator with it ("X, IL" → "IL").
  const HOLE = '\u0000';
  const lines = template.replace(/\u0000/g, '').replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    let emptied = false;
    const merged = line.replace(TOKEN, (whole, name: string) => {
      if (!isMergeField(name)) {
        if (!unknownFields.includes(name)) unknownFields.push(name);
        return whole;
      }
      if (keep.has(name)) return whole;
      const value = resolve(name, values);
      if (!value) {
        if (!missingFields.includes(name)) missingFields.push(name);
        emptied = true;
        return HOLE;
      }
      // Merged values are single-line: a value can never add lines (or headers) to the text.
      return value.replace(/[\r\n]+/g, ' ');
    });
    if (!emptied) {
      out.push(merged);
      continue;
    }
    const indent = /^[ \t]*/.exec(line)![0];
    const tidy = merged
      .replace(/\u0000[ \t]*,[ \t]*/g, '')
      .replace(/[ \t]*,[ \t]*\u0000/g, '')
      .replace(/\u0000/g, '')
      .replace(/[ \t]{2,}/g, ' ')
      .replace(/[ \t]+([,.;:!?])/g, '$1')
      .trim();
    if (tidy !== '') out.push(indent + tidy);
  }
  return { text: out.join('\n'), unknownFields, missingFields };
}

/** Subjects are one line (a mail header): line breaks become spaces, runs of spaces collapse. */
export function toSingleLine(s: string): string {
  return s.replace(/[\r\n\t\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Letter text compared for "did the supporter edit it?": line endings, trailing spaces, blank runs. */
export function normaliseLetterText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
