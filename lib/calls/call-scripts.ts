// Pure and client-safe: what a supporter says on the phone, by the senator's stance group.
import type { LetterVariantGroup } from '@/lib/letters/letter-variants';

export type CallScripts = Partial<Record<LetterVariantGroup, string>>;

/** Used when a campaign leaves a group's script empty. `{senator}` and `{treaty}` are filled in. */
export const DEFAULT_CALL_SCRIPTS: Record<LetterVariantGroup, string> = {
  thank:
    'Hello, my name is [your name] and I am a constituent from [your town]. I am calling to thank Senator {senator} for supporting the {treaty}. Please keep pressing for a vote. Thank you.',
  urge:
    'Hello, my name is [your name] and I am a constituent from [your town]. I am calling to ask Senator {senator} to support ratification of the {treaty}. Where does the senator stand on it? Thank you.',
  persuade:
    'Hello, my name is [your name] and I am a constituent from [your town]. I am calling about the {treaty}. It protects children from sale and exploitation, and I ask Senator {senator} to reconsider and support ratification. Thank you.',
};

export function callScriptFor(scripts: CallScripts, group: LetterVariantGroup, senatorLastName: string, treatyShortName: string): string {
  const own = scripts[group]?.trim();
  return (own || DEFAULT_CALL_SCRIPTS[group]).replaceAll('{senator}', senatorLastName).replaceAll('{treaty}', treatyShortName);
}

/** `tel:` wants digits: "202-224-2152" → "tel:+12022242152"; null when it is not a US number. */
export function telHref(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  if (digits.length === 10) return `tel:+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `tel:+${digits}`;
  return null;
}
