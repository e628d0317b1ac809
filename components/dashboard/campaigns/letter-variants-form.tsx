'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, TextAreaField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { LetterVariants } from '@/db/schema/campaigns';
import type { FormState } from '@/lib/forms/state';
import { LETTER_VARIANT_GROUPS, VARIANT_LABELS, VARIANT_STANCES } from '@/lib/letters/letter-variants';
import { STANCE_LABELS } from '@/lib/senators/stance-labels';

/** The three letters by stance group, each subject + body; an empty body means "use the campaign's letter". */
export function LetterVariantsForm({
  campaignId,
  variants,
  callScripts,
  action,
}: {
  campaignId: string;
  variants: LetterVariants;
  callScripts: Partial<Record<string, string>>;
  action: (s: FormState, f: FormData) => Promise<FormState>;
}) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  const v = state.values;
  const err = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate aria-labelledby="variants-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="variants-heading" className="text-lg font-semibold">
        Letters and call scripts by where the senator stands
      </h2>
      <p className="text-sm text-muted">
        Each senator gets the letter for their stance on the treaty. Leave a letter empty to send the campaign’s letter instead. Merge fields
        work as in the main letter.
      </p>
      <input type="hidden" name="id" value={campaignId} />
      {LETTER_VARIANT_GROUPS.map((g) => (
        <fieldset key={g} className="space-y-2 border-t border-slate-200 pt-3">
          <legend className="font-semibold">
            {VARIANT_LABELS[g]} — {VARIANT_STANCES[g].map((s) => STANCE_LABELS[s]).join(', ')}
          </legend>
          <Field label="Subject" name={`${g}Subject`} defaultValue={v?.[`${g}Subject`] ?? variants[g]?.subject ?? ''} error={err[`${g}Subject`]} />
          <TextAreaField label="Letter" name={`${g}Body`} rows={6} defaultValue={v?.[`${g}Body`] ?? variants[g]?.body ?? ''} error={err[`${g}Body`]} hint="Empty: the campaign’s letter." />
          <TextAreaField
            label="Call script"
            name={`${g}Script`}
            rows={3}
            defaultValue={v?.[`${g}Script`] ?? callScripts[g] ?? ''}
            error={err[`${g}Script`]}
            hint="{senator} and {treaty} are filled in. Empty: the default script."
          />
        </fieldset>
      ))}
      <Button variant="secondary" pendingLabel="Saving…">
        Save letter variants
      </Button>
      <FormMessage tone={state.status === 'error' ? 'error' : 'success'}>{state.status !== 'idle' ? state.message : null}</FormMessage>
    </form>
  );
}
