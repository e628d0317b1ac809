import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contentDisposition, csvField, csvLine, CsvRecordCounter, exportFilename } from '@/lib/exports/csv-format';
import { FORMULA_PREFIXES, neutraliseCell } from '@/lib/exports/csv-safety';
import { quoteLiteral, renderInlined } from '@/lib/exports/inline-sql';

describe('neutraliseCell', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
  ])('prefixes %j with an apostrophe', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it.each(['Ada', 'Lovelace', 'a=b', ' =x', "'=x", '1-2', 'x@example.org', '\nx', 'Émile'])('leaves %j alone', (input) => {
    expect(neutraliseCell(input)).toBe(input);
  });

  it('keeps empty and null as they are', () => {
    expect(neutraliseCell('')).toBe('');
    expect(neutraliseCell(null)).toBeNull();
  });

  it('covers exactly the six OWASP prefixes', () => {
    expect([...FORMULA_PREFIXES].sort()).toEqual(['\t', '\r', '+', '-', '=', '@'].sort());
  });
});

describe('exportFilename', () => {
  const day = new Date('2025-03-04T23:59:59Z');
  it('names the campaign and the UTC day', () => {
    expect(exportFilename('protect-children-protocol', day)).toBe('protect-children-protocol-signers-2025-03-04.csv');
  });
  it('falls back without a campaign', () => {
    expect(exportFilename(null, day)).toBe('all-campaigns-signers-2025-03-04.csv');
  });
  it('never lets a slug break out of the header', () => {
    expect(exportFilename('a"b/../c\r\nd', day)).toBe('a-b-c-d-signers-2025-03-04.csv');
  });
  it('builds an attachment header with both filename forms', () => {
    expect(contentDisposition('x-signers-2025-03-04.csv')).toBe(
      `attachment; filename="x-signers-2025-03-04.csv"; filename*=UTF-8''x-signers-2025-03-04.csv`,
    );
  });
});

describe('csvField (as PostgreSQL COPY writes it)', () => {
  it.each([
    [null, ''],
    ['', '""'],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['\\.', '\\.'],
    [' padded ', ' padded '],
  ])('%j → %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });
  it('joins a line', () => {
    expect(csvLine(['a', null, 'b,c'])).toBe('a,,"b,c"\n');
  });
});

describe('CsvRecordCounter', () => {
  const count = (chunks: string[]) => {
    const c = new CsvRecordCounter();
    for (const ch of chunks) c.push(Buffer.from(ch));
    return c.records;
  };
  it('counts lines outside quotes, across chunk boundaries', () => {
    expect(count(['h1,h2\n', 'a,"multi\nline"\n', 'b,"with ""quote"""\n'])).toBe(3);
    expect(count(['h\n"a', '\n', 'b"\nc\n'])).toBe(3);
    expect(count(['""\n', '"",""\n'])).toBe(2);
    expect(count([''])).toBe(0);
  });
});

describe('inline SQL for COPY', () => {
  it('quotes strings so that backslashes and quotes stay data', () => {
    expect(quoteLiteral("O'Brien")).toBe("E'O''Brien'");
    expect(quoteLiteral('a\\')).toBe("E'a\\\\'");
    expect(quoteLiteral(true)).toBe('TRUE');
    expect(quoteLiteral(null)).toBe('NULL');
    expect(() => quoteLiteral('\u0000')).toThrow();
    expect(() => quoteLiteral({})).toThrow();
  });
  it('replaces placeholders in one pass', () => {
    const text = renderInlined(sql`select ${'$2'}, ${"x'; drop table t; --"}, ${5}`);
    expect(text).toBe("select E'$2', E'x''; drop table t; --', 5");
  });
});
