// Pure and client-safe: which letter a senator gets, by where they stand on the treaty.
import type { Stance } from '@/db/schema/enum-values';
import type { LetterVariantGroup, LetterVariants } from '@/db/schema/campaigns';
import type { PublicStance } from '@/lib/senators/public-stance';

export type { LetterVariantGroup, LetterVariants };

export const LETTER_VARIANT_GROUPS = ['thank', 'urge', 'persuade'] as const satisfies readonly LetterVariantGroup[];

export const VARIANT_STANCES: Record<LetterVariantGroup, readonly Stance[]> = {
  thank: ['champion', 'supports'],
  urge: ['leaning_yes', 'undecided', 'unknown'],
  persuade: ['leaning_no', 'opposes'],
};

export const VARIANT_LABELS: Record<LetterVariantGroup, string> = {
  thank: 'A thank-you letter',
  urge: 'A letter urging support',
  persuade: 'A letter making the case',
};

export function variantGroupFor(stance: Stance | null | undefined): LetterVariantGroup {
  const s = stance ?? 'unknown';
  return (LETTER_VARIANT_GROUPS.find((g) => VARIANT_STANCES[g].includes(s)) ?? 'urge') as LetterVariantGroup;
}

/** The variant's text, or null when it is left empty (the campaign's default letter is used). */
export function variantText(variants: LetterVariants, group: LetterVariantGroup): { subject: string; body: string } | null {
  const v = variants[group];
  return v && v.body.trim() ? { subject: v.subject.trim(), body: v.body } : null;
}

export type VariantAssignment = {
  group: LetterVariantGroup;
  label: string;
  /** Why, in words a supporter reads; names the stance only when the campaign publishes it. */
  reason: string;
  /** The variant is empty: the senator gets the campaign's standard letter. */
  usesDefault: boolean;
};

/**
 * Which letter a senator gets and why. `stance` is the recorded one (it picks the letter);
 * `publicStance` is what the supporter may be told.
 */
export function assignVariant(stance: Stance | null | undefined, publicStance: PublicStance, variants: LetterVariants, lastName: string): VariantAssignment {
  const group = variantGroupFor(stance);
  const usesDefault = variantText(variants, group) === null;
  const said =
    publicStance === 'champion' || publicStance === 'supports'
      ? `Senator ${lastName} has said they support the treaty`
      : publicStance === 'opposes' || publicStance === 'leaning_no'
        ? `Senator ${lastName} has not backed the treaty`
        : publicStance === 'undecided' || publicStance === 'leaning_yes'
          ? `Senator ${lastName} has not yet committed to the treaty`
          : null;
  const why = {
    thank: 'so your letter thanks them and asks them to hold firm',
    urge: 'so your letter asks them to support it',
    persuade: 'so your letter makes the case for it',
  }[group];
  const lead = said ?? { thank: `Senator ${lastName} is counted as a supporter`, urge: `Senator ${lastName} has not committed`, persuade: `Senator ${lastName} has not backed the treaty` }[group];
  return { group, label: usesDefault ? 'The campaign’s letter' : VARIANT_LABELS[group], reason: `${lead}, ${why}.`, usesDefault };
}
