// No `server-only`: pure helpers, unit-tested.

/** UTF-8 byte order mark: without it Excel on Windows reads the file as ANSI and mangles names. */
export const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * One CSV field exactly as PostgreSQL's `COPY … (FORMAT csv)` writes it: NULL is empty, the empty
 * string is `""`, and a value with a comma, quote, CR or LF is quoted with quotes doubled. (COPY
 * also quotes `\.`, but only in a one-column file; every export has several.) Keeping the PGlite
 * path byte-identical to COPY keeps one set of tests for both.
 */
export function csvField(value: string | null): string {
  if (value === null) return '';
  if (value === '' || /[",\r\n]/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

export function csvLine(values: (string | null)[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

/** `YYYY-MM-DD` in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `<slug>-signers-YYYY-MM-DD.csv`, or `all-campaigns-signers-…` without a campaign. */
export function exportFilename(slug: string | null | undefined, date: Date, kind = 'signers'): string {
  const safe = (slug ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${safe || 'all-campaigns'}-${kind}-${isoDay(date)}.csv`;
}

/** `attachment` with an ASCII filename and its RFC 5987 twin (the builder only makes ASCII anyway). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * Counts CSV records in a byte stream without decoding it: a record ends at a LF outside quotes.
 * A doubled quote inside a quoted field toggles twice, so it needs no special case. Uses native
 * `indexOf` scans, so a 100 MB export costs milliseconds, not a JavaScript loop per byte.
 */
export class CsvRecordCounter {
  records = 0;
  private inQuotes = false;

  push(chunk: Uint8Array): void {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let i = 0;
    let nextQuote = -2;
    while (i < buf.length) {
      if (this.inQuotes) {
        const q = buf.indexOf(0x22, i);
        if (q === -1) return;
        this.inQuotes = false;
        i = q + 1;
        continue;
      }
      if (nextQuote !== -1 && nextQuote < i) nextQuote = buf.indexOf(0x22, i);
      const nl = buf.indexOf(0x0a, i);
      if (nl !== -1 && (nextQuote === -1 || nl < nextQuote)) {
        this.records++;
        i = nl + 1;
      } else if (nextQuote !== -1) {
        this.inQuotes = true;
        i = nextQuote + 1;
      } else {
        return;
      }
    }
  }
}

/** A CSV download: streamed or whole, never cached, named for the person saving it. */
export function csvDownload(body: BodyInit, filename: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition(filename),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
