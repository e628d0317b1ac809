import 'server-only';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { queryRows } from '@/db/raw';
import { csvLine } from './csv-format';
import type { CsvSource } from './csv-source';
import type { ExportFilters, ExportPreset } from './schemas';
import { exportHeader, signerExportSelect, type Keyset } from './signer-export-query';

export const EXPORT_BATCH_ROWS = 5000;

type BatchRow = Record<string, string | null> & { __at: string; __id: string };

/**
 * PGlite has no COPY stream to the client (`COPY … TO '/dev/blob'` builds the whole file in
 * memory), so the same SELECT runs in keyset pages and each page is written out before the next is
 * read: memory is one page, whatever the row count. Each page is its own statement, never one long
 * transaction: PGlite has a single connection, and a transaction held for a slow download would
 * stall every other request. The CSV is byte-for-byte what COPY writes.
 */
export function openBatchSource(
  db: DbOrTx,
  preset: ExportPreset,
  filters: ExportFilters,
  batchRows = EXPORT_BATCH_ROWS,
): CsvSource {
  return openKeysetSource(db, exportHeader(preset), (page) => signerExportSelect(preset, filters, { page }), batchRows);
}

/**
 * The paging loop for any SELECT that returns the `labels` columns plus the keyset columns `__at`
 * and `__id`, starting after `page.after` (signers; an organisation's opted-in people).
 */
export function openKeysetSource(
  db: DbOrTx,
  labels: string[],
  pageSelect: (page: { after: Keyset | null; limit: number }) => SQL,
  batchRows = EXPORT_BATCH_ROWS,
): CsvSource {
  const encoder = new TextEncoder();
  let after: Keyset | null = null;
  let headerSent = false;
  let done = false;

  return {
    async read() {
      if (done) return null;
      const header = headerSent ? '' : csvLine(labels);
      headerSent = true;
      const rows = await queryRows<BatchRow>(db, pageSelect({ after, limit: batchRows }));
      if (rows.length < batchRows) done = true;
      if (rows.length > 0) {
        const last = rows[rows.length - 1];
        after = { at: last.__at, id: last.__id };
      }
      let text = header;
      for (const row of rows) text += csvLine(labels.map((l) => row[l] ?? null));
      return text ? encoder.encode(text) : null;
    },
    async abort() {
      done = true;
    },
  };
}
