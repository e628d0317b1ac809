import 'server-only';
import type { DbHandle } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/log/logger';
import { auditActor, type StaffActor } from '@/lib/auth/actor';
import { CsvRecordCounter, UTF8_BOM } from './csv-format';
import type { CsvSource } from './csv-source';

/**
 * Each running export holds a pooled connection (PostgreSQL) or keeps the single PGlite connection
 * busy between pages, for as long as the client takes to download. A small per-process cap keeps
 * exports from starving the rest of the app.
 */
export const MAX_CONCURRENT_EXPORTS = 2;
const running = globalThis as unknown as { __ratifyExportsRunning?: number };

export type ExportOutcome = { rows: number; bytes: number; aborted: boolean; failed: boolean };

export function assertExportSlot(): void {
  if ((running.__ratifyExportsRunning ?? 0) >= MAX_CONCURRENT_EXPORTS) {
    throw new AppError('RATE_LIMITED', 'Other exports are running right now. Please try again in a minute.');
  }
}

type AuditSpec = { action: string; entityType?: string; entityId?: string; data: Record<string, unknown> };

/**
 * Stream a CSV source to the client with its audit row. The audit row is written when the stream
 * ends (or is aborted, with `aborted: true` and the rows sent so far), in its own short
 * transaction: the row count is only known at the end, the download runs at the client's pace
 * outside any transaction (holding one open would pin a connection, or on PGlite block everyone),
 * and an aborted download must still leave a record rather than roll one back. The last bytes are
 * released only after the audit row commits, so a complete file always has its audit row.
 * Shared by every export (signers, an organisation's opted-in people).
 */
export async function streamCsvExport({
  handle,
  actor,
  open,
  audit,
  signal,
}: {
  handle: DbHandle;
  actor: StaffActor;
  open: () => Promise<CsvSource>;
  audit: (result: ExportOutcome) => AuditSpec;
  signal?: AbortSignal;
}): Promise<{ body: ReadableStream<Uint8Array>; done: Promise<ExportOutcome> }> {
  assertExportSlot();
  const started = new Date();
  running.__ratifyExportsRunning = (running.__ratifyExportsRunning ?? 0) + 1;
  let source: CsvSource;
  try {
    source = await open();
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
    const spec = audit(result);
    try {
      await handle.db.transaction((tx) =>
        recordAudit(tx, {
          actor: auditActor(actor),
          action: spec.action,
          entityType: spec.entityType,
          entityId: spec.entityId,
          data: {
            ...spec.data,
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
        logger.error({ err: (e as Error).message }, 'export failed');
        controller.error(e);
        if (!settled && !cancelled) {
          await source.abort().catch(() => {});
          await finish('failed').catch(() => {});
        }
      }
    },
    cancel: abort,
  });
  return { body, done };
}
