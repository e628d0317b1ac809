import 'server-only';
import { eq } from 'drizzle-orm';
import { getDbHandle } from '@/db/client';
import { campaigns } from '@/db/schema';
import { AppError, validationError } from '@/lib/errors';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import { openBatchSource } from './batch-source';
import { openCopySource } from './copy-source';
import { exportFilename } from './csv-format';
import { renderInlined } from './inline-sql';
import { ExportSignersInput, type ExportFilters, type ExportPreset } from './schemas';
import { signerExportSelect } from './signer-export-query';
import { assertExportSlot, streamCsvExport, type ExportOutcome } from './stream-csv-export';

export { MAX_CONCURRENT_EXPORTS, type ExportOutcome } from './stream-csv-export';

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
 * pages through the same SELECT; streamCsvExport writes the audit row when the stream ends.
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

  assertExportSlot();
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

  const { body, done } = await streamCsvExport({
    handle,
    actor,
    signal,
    open: () =>
      handle.driver === 'postgres' && handle.sql
        ? openCopySource(handle.sql, renderInlined(signerExportSelect(preset, filters)))
        : Promise.resolve(openBatchSource(handle.db, preset, filters)),
    audit: () => ({
      action: 'export.signers',
      entityType: filters.campaignId ? 'campaign' : undefined,
      entityId: filters.campaignId,
      data: { preset, filters: auditFilters(filters) },
    }),
  });
  return { filename: exportFilename(slug, now), preset, body, done };
}
