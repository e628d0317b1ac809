import type { Stance } from '@/db/schema/enum-values';

// Client-safe: what a supporter may see of a senator's stance on a campaign's treaty.

/** A stance staff chose to publish, or `not_public` (no public position; staff's read stays private). */
export type PublicStance = Stance | 'not_public';

export type PublicStanceView = { stance: PublicStance; sourceUrl: string | null; statedOn: string | null };

export const PUBLIC_STANCE_LABELS: Record<PublicStance, string> = {
  unknown: 'No known position',
  champion: 'Champion',
  supports: 'Supports',
  leaning_yes: 'Leaning yes',
  undecided: 'Undecided',
  leaning_no: 'Leaning no',
  opposes: 'Opposes',
  not_public: 'No public position',
};

/** The stance as the public sees it: only stances the campaign publishes, with their source and date. */
export function publicStanceOf(
  position: { stance: Stance; sourceUrl: string | null; statedOn: string | null } | null | undefined,
  published: readonly Stance[],
): PublicStanceView {
  if (!position || position.stance === 'unknown') return { stance: 'unknown', sourceUrl: null, statedOn: null };
  if (!published.includes(position.stance)) return { stance: 'not_public', sourceUrl: null, statedOn: null };
  const sourceUrl = position.sourceUrl && /^https?:\/\//i.test(position.sourceUrl) ? position.sourceUrl : null;
  return { stance: position.stance, sourceUrl, statedOn: position.statedOn };
}

/** Yes votes the public page counts: only published yes stances. */
export const PUBLIC_YES: readonly PublicStance[] = ['champion', 'supports', 'leaning_yes'];
