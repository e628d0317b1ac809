import { z } from 'zod';

// Pure: a states-parties CSV to rows, or every problem with its line number. No `server-only`
// (unit-testable); the import service refuses the whole file on any problem.

export const PARTIES_CSV_HEADER = ['country', 'signature_date', 'ratification_date', 'accession', 'source'] as const;

export type PartyRow = { country: string; signedOn: string | null; joinedOn: string | null; accession: boolean; source: string | null };
export type ParseResult = { ok: true; rows: PartyRow[] } | { ok: false; errors: string[] };

const day = z.iso.date();

/** RFC 4180 records with their starting line numbers; `unterminated` when the file ends inside quotes. */
function records(text: string): { records: { line: number; cells: string[] }[]; unterminated: number | null } {
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      out.push({ line: start, cells });
      cells = [];
      cell = '';
      line++;
      start = line;
    } else cell += ch;
  }
  if (quoted) return { records: out, unterminated: start };
  if (cell !== '' || cells.length) {
    cells.push(cell);
    out.push({ line: start, cells });
  }
  return { records: out.filter((r) => !(r.cells.length === 1 && r.cells[0].trim() === '')), unterminated: null };
}

export function parsePartiesCsv(text: string): ParseResult {
  const { records: recs, unterminated } = records(text.replace(/^\uFEFF/, ''));
  const errors: string[] = [];
  if (unterminated !== null) errors.push(`Line ${unterminated}: the file ends inside a quoted field (it may be cut short).`);
  const [head, ...body] = recs;
  if (!head || head.cells.map((c) => c.trim().toLowerCase()).join(',') !== PARTIES_CSV_HEADER.join(',')) {
    return { ok: false, errors: [`Line 1: the first line must be the header ${PARTIES_CSV_HEADER.join(',')}.`, ...errors] };
  }
  if (body.length === 0) errors.push('The file has a header but no countries.');
  const seen = new Map<string, number>();
  const rows: PartyRow[] = [];
  for (const { line, cells } of body) {
    if (cells.length !== PARTIES_CSV_HEADER.length) {
      errors.push(`Line ${line}: expected ${PARTIES_CSV_HEADER.length} columns, found ${cells.length}.`);
      continue;
    }
    const [country, signed, joined, accession, source] = cells.map((c) => c.trim());
    if (!country) errors.push(`Line ${line}: the country is missing.`);
    else if (country.length > 100) errors.push(`Line ${line}: the country name is too long.`);
    else if (seen.has(country.toLowerCase())) errors.push(`Line ${line}: ${country} is already on line ${seen.get(country.toLowerCase())}.`);
    else seen.set(country.toLowerCase(), line);
    for (const [what, v] of [['signature_date', signed], ['ratification_date', joined]] as const) {
      if (v && !day.safeParse(v).success) errors.push(`Line ${line}: ${what} “${v}” is not a date like 2002-01-18.`);
    }
    if (!['', 'yes', 'no'].includes(accession.toLowerCase())) errors.push(`Line ${line}: accession must be yes, no or empty.`);
    if (accession.toLowerCase() === 'yes' && !joined) errors.push(`Line ${line}: an accession needs its date in ratification_date.`);
    if (!signed && !joined) errors.push(`Line ${line}: give a signature date, a ratification/accession date, or both.`);
    if (signed && joined && joined < signed && accession.toLowerCase() !== 'yes') errors.push(`Line ${line}: ratified before it was signed.`);
    if (source.length > 300) errors.push(`Line ${line}: the source is too long.`);
    rows.push({ country, signedOn: signed || null, joinedOn: joined || null, accession: accession.toLowerCase() === 'yes', source: source || null });
  }
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
