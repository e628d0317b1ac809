import type { ActionState } from '@/components/dashboard/data-table/action-state';

export type DeliveryEmailState = ActionState & { email?: string };
export type PositionState = ActionState & { values?: { stance: string; note: string; sourceUrl: string } };

export const STANCE_LABELS = {
  unknown: 'Unknown',
  champion: 'Champion',
  supports: 'Supports',
  leaning_yes: 'Leaning yes',
  undecided: 'Undecided',
  leaning_no: 'Leaning no',
  opposes: 'Opposes',
} as const;
