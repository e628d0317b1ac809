import 'server-only';
import { getDb } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { csvLine, isoDay, UTF8_BOM } from '@/lib/exports/csv-format';
import { neutraliseCell } from '@/lib/exports/csv-safety';
import { getWhipCount, type GetWhipCountInput, type WhipRow } from './get-whip-count';
import { arithmeticHeadline } from './senate-arithmetic';
import { STANCE_LABELS } from './stance-labels';

export const BOARD_CSV_HEADER = [
  'bioguide_id', 'senator', 'state', 'party', 'foreign_relations', 'stance', 'stated_on', 'source_url', 'note',
  'expected_absent', 'letters_sent', 'signers_in_state', 'verified_signers_in_state', 'calls_reported', 'delivery_email',
] as const;

function cells(r: WhipRow): (string | null)[] {
  const row = [
    r.id, r.officialName, r.state, r.party, r.ssfrMember ? (r.ssfrTitle ?? 'member') : '', STANCE_LABELS[r.stance], r.statedOn,
    r.sourceUrl, r.note, r.expectedAbsent ? 'yes' : '', String(r.pressure.lettersSent), String(r.pressure.signers),
    String(r.pressure.verifiedSigners), String(r.pressure.calls.total), r.deliveryEmail,
  ];
  // Notes, names and links are typed by people: a leading = + - @ would run as a formula.
  return row.map(neutraliseCell);
}

/**
 * The whip board (with its filters) as CSV, streamed a row at a time. At most 100 rows are already
 * in memory, so the audit row (`senator.board_export`: filters, row count, the arithmetic) is
 * written before the stream opens.
 */
export async function exportWhipBoard({ actor, input = {}, now = new Date() }: { actor: StaffActor; input?: GetWhipCountInput; now?: Date }) {
  assertCan(actor, 'senators:export');
  const whip = await getWhipCount({ actor, input });
  await recordAudit(getDb(), {
    actor: auditActor(actor),
    action: 'senator.board_export',
    entityType: 'treaty',
    entityId: whip.treaty?.id,
    data: { filters: whip.filters, rows: whip.rows.length, arithmetic: arithmeticHeadline(whip.arithmetic) },
  });
  const encoder = new TextEncoder();
  const rows = whip.rows;
  let i = -1;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i === -1) controller.enqueue(new Uint8Array([...UTF8_BOM, ...encoder.encode(csvLine([...BOARD_CSV_HEADER]))]));
      else if (i < rows.length) controller.enqueue(encoder.encode(csvLine(cells(rows[i]))));
      else return controller.close();
      i++;
    },
  });
  const slug = (whip.treaty?.shortName ?? 'senate').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'senate';
  return { filename: `${slug}-whip-board-${isoDay(now)}.csv`, body, rows: rows.length };
}
