import 'server-only';
import { getDbHandle } from '@/db/client';
import type { StaffActor } from '@/lib/auth/actor';
import { validationError } from '@/lib/errors';
import { openKeysetSource } from '@/lib/exports/batch-source';
import { openCopySource } from '@/lib/exports/copy-source';
import { exportFilename } from '@/lib/exports/csv-format';
import { renderInlined } from '@/lib/exports/inline-sql';
import { assertExportSlot, streamCsvExport, type ExportOutcome } from '@/lib/exports/stream-csv-export';
import { OPTED_IN_LABELS, optedInExportSelect } from './opted-in-query';
import { ExportOrganisationPeopleInput } from './schemas';
import { resolveOrganisationScope } from './scope';

/**
 * The people who opted in to one organisation as CSV, with the consent wording and date: streamed
 * (COPY on PostgreSQL, keyset pages on PGlite), cells formula-neutralised, audited
 * `export.consents` with the organisation and the row count. A partner exports only its own.
 */
export async function exportOptedInPeople({
  actor,
  input,
  now = new Date(),
  signal,
}: {
  actor: StaffActor;
  input: ExportOrganisationPeopleInput;
  now?: Date;
  signal?: AbortSignal;
}): Promise<{ filename: string; body: ReadableStream<Uint8Array>; done: Promise<ExportOutcome> }> {
  const parsed = ExportOrganisationPeopleInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const organisation = await resolveOrganisationScope(actor, 'consents:export', parsed.data.organisationId);
  assertExportSlot();
  const handle = getDbHandle();
  const { body, done } = await streamCsvExport({
    handle,
    actor,
    signal,
    open: () =>
      handle.driver === 'postgres' && handle.sql
        ? openCopySource(handle.sql, renderInlined(optedInExportSelect(organisation.id)))
        : Promise.resolve(openKeysetSource(handle.db, OPTED_IN_LABELS, (page) => optedInExportSelect(organisation.id, page))),
    audit: () => ({ action: 'export.consents', entityType: 'organisation', entityId: organisation.id, data: {} }),
  });
  return { filename: exportFilename(organisation.slug, now, 'opt-ins'), body, done };
}
