import { SENATOR_STANCES, type Stance } from '@/db/schema/enum-values';

// Client-safe: the whip board, its filters and the stance forms show these.
export const STANCE_LABELS: Record<Stance, string> = {
  unknown: 'Unknown',
  champion: 'Champion',
  supports: 'Supports',
  leaning_yes: 'Leaning yes',
  undecided: 'Undecided',
  leaning_no: 'Leaning no',
  opposes: 'Opposes',
};

/** The stances in the enum's order, with their labels, for option lists. */
export const STANCE_OPTIONS = SENATOR_STANCES.map((value) => ({ value, label: STANCE_LABELS[value] }));
