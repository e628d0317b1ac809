import 'server-only';
import { eq } from 'drizzle-orm';
import { getDbHandle } from '@/db/client';
import { campaigns } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError, validationError } from '@/lib/errors';
import { logger } from '@/lib/log/logger';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { openBatchSource } from './batch-source';
import { openCopySource } from './copy-source';
import { CsvRecordCounter, exportFilename, UTF8_BOM } from './csv-format';
import type { CsvSource } from './csv-source';
import { renderInlined } from './inline-sql';
import { ExportSignersInput, type ExportFilters, type ExportPreset } from './schemas';
import { signerExportSelect } from './signer-export-query';

/**
 * Each running export holds a pooled connection (PostgreSQL) or keeps the single PGlite connection
 * busy between pages, for as long as the client takes to download. A small per-process cap keeps
 * exports from starving the rest of the app.
 */
export const MAX_CONCURRENT_EXPORTS = 2;
const running = globalThis as unknown as { __ratifyExportsRunning?: number };

export type ExportOutcome = { rows: number; bytes: number; aborted: boolean; failed: boolean };

export type SignerExport = {
  filename: string;
  preset: ExportPreset;
  /** UTF-8 CSV with a BOM, header first. Cancelling it stops the query. */
  body: ReadableStream<Uint8Array>;
  /** Settles once the audit row is written (completed, aborted or failed). */
  done: Promise<ExportOutcome>;
};

/** Filters as the audit log keeps them: the free-text search may be a name or email, so only its use. */
export function auditFilters(filters: ExportFilters): Record<string, unknown> {
  const { q, ...rest } = filters;
  const kept = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return q ? { ...kept, search: true } : kept;
}

/**
 * Stream signers as CSV for `exports:run` staff. PostgreSQL's COPY does the formatting; PGlite
 * pages through the same SELECT. The audit row is written when the stream ends (or is aborted,
 * with `aborted: true` and the rows sent so far), in its own short transaction: the row count is
 * only known at the end, the download runs at the client's pace outside any transaction (holding
 * one open would pin a connection, or on PGlite block everyone), and an aborted download must
 * still leave a record rather than roll one back. The last bytes are released only after the audit
 * row commits, so a complete file always has its audit row.
 */
export async function exportSigners({
  actor,
  input,
  now = new Date(),
  signal,
}: {
  actor: StaffActor;
  input: ExportSignersInput | Record<string, unknown>;
  now?: Date;
  signal?: AbortSignal;
}): Promise<SignerExport> {
  assertCan(actor, 'exports:run');
  const parsed = ExportSignersInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { preset, ...filters } = parsed.data;

  if ((running.__ratifyExportsRunning ?? 0) >= MAX_CONCURRENT_EXPORTS) {
    throw new AppError('RATE_LIMITED', 'Other exports are running right now. Please try again in a minute.');
  }
  const handle = getDbHandle();
  let slug: string | null = null;
  if (filters.campaignId) {
    const [campaign] = await handle.db
      .select({ slug: campaigns.slug })
      .from(campaigns)
      .where(eq(campaigns.id, filters.campaignId));
    if (!campaign) throw new AppError('NOT_FOUND', 'That campaign does not exist.');
    slug = campaign.slug;
  }

  const started = new Date();
  running.__ratifyExportsRunning = (running.__ratifyExportsRunning ?? 0) + 1;
  let source: CsvSource;
  try {
    source =
      handle.driver === 'postgres' && handle.sql
        ? await openCopySource(handle.sql, renderInlined(signerExportSelect(preset, filters)))
        : openBatchSource(handle.db, preset, filters);
  } catch (e) {
    running.__ratifyExportsRunning! -= 1;
    throw e;
  }

  const counter = new CsvRecordCounter();
  let bytes = 0;
  let settled = false;
  let cancelled = false;
  let resolveDone!: (o: ExportOutcome) => void;
  const done = new Promise<ExportOutcome>((resolve) => (resolveDone = resolve));

  async function finish(outcome: 'completed' | 'aborted' | 'failed'): Promise<void> {
    if (settled) return;
    settled = true;
    running.__ratifyExportsRunning! -= 1;
    const result: ExportOutcome = {
      rows: Math.max(0, counter.records - 1), // the header is a record too
      bytes,
      aborted: outcome === 'aborted',
      failed: outcome === 'failed',
    };
    try {
      await handle.db.transaction((tx) =>
        recordAudit(tx, {
          actor: auditActor(actor),
          action: 'export.signers',
          entityType: filters.campaignId ? 'campaign' : undefined,
          entityId: filters.campaignId,
          data: {
            preset,
            filters: auditFilters(filters),
            rows: result.rows,
            aborted: result.aborted,
            ...(result.failed ? { failed: true } : {}),
            startedAt: started.toISOString(),
            ms: Date.now() - started.getTime(),
          },
        }),
      );
    } finally {
      resolveDone(result);
    }
  }

  async function abort() {
    if (settled || cancelled) return;
    cancelled = true;
    await source.abort();
    await finish('aborted').catch((e) => logger.error({ err: (e as Error).message }, 'export audit failed'));
  }
  signal?.addEventListener('abort', () => void abort(), { once: true });

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(UTF8_BOM.slice());
    },
    async pull(controller) {
      try {
        const chunk = await source.read();
        if (cancelled) return;
        if (chunk === null) {
          // No audit row, no end of file: the client sees a broken download instead.
          await finish('completed');
          controller.close();
          return;
        }
        counter.push(chunk);
        bytes += chunk.byteLength;
        controller.enqueue(chunk);
      } catch (e) {
        logger.error({ err: (e as Error).message }, 'signer export failed');
        controller.error(e);
        if (!settled && !cancelled) {
          await source.abort().catch(() => {});
          await finish('failed').catch(() => {});
        }
      }
    },
    cancel: abort,
  });

  return { filename: exportFilename(slug, now), preset, body, done };
}
