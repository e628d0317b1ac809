'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { CoalitionSettings } from '@/lib/organisations/get-coalition-settings';
import { updateCoalitionAction } from './actions';
import type { FormState } from '@/lib/forms/state';
import { defaultOptInText } from '@/lib/organisations/schemas';

export function CoalitionForm({ settings }: { settings: CoalitionSettings }) {
  const [state, formAction] = useActionState<FormState, FormData>(updateCoalitionAction, { status: 'idle' });
  const v = state.values ?? {
    name: settings.name,
    tagline: settings.tagline ?? '',
    website: settings.website ?? '',
    logoUrl: settings.logoUrl ?? '',
    privacyPolicyUrl: settings.privacyPolicyUrl ?? '',
    contactEmail: settings.contactEmail ?? '',
    optInText: settings.optInText ?? '',
    deliveryInboxEmail: settings.deliveryInboxEmail ?? '',
  };
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  return (
    <form action={formAction} noValidate className="max-w-2xl space-y-4">
      <input type="hidden" name="expectedUpdatedAt" value={settings.updatedAt} />
      <Field label="Coalition name" name="name" defaultValue={v.name} error={err('name')} required autoComplete="organization" />
      <Field label="Tagline" name="tagline" defaultValue={v.tagline} error={err('tagline')} hint="Shown in the footer of every public page." />
      <Field label="Website" name="website" type="url" defaultValue={v.website} error={err('website')} hint="https://…" autoComplete="url" />
      <Field label="Logo URL" name="logoUrl" type="url" defaultValue={v.logoUrl} error={err('logoUrl')} hint="https://… (an image; shown beside the name)" />
      <Field label="Privacy policy URL" name="privacyPolicyUrl" type="url" defaultValue={v.privacyPolicyUrl} error={err('privacyPolicyUrl')} hint="Linked beside the coalition’s opt-in box." />
      <Field label="Contact email" name="contactEmail" type="email" defaultValue={v.contactEmail} error={err('contactEmail')} autoComplete="off" />
      <Field
        label="Opt-in wording"
        name="optInText"
        defaultValue={v.optInText}
        error={err('optInText')}
        hint={`The coalition’s opt-in box on every form. Empty: “${defaultOptInText(settings.name)}”`}
      />
      <Field
        label="Delivery inbox email"
        name="deliveryInboxEmail"
        type="email"
        defaultValue={v.deliveryInboxEmail}
        error={err('deliveryInboxEmail')}
        autoComplete="off"
        hint="Where letters go when a campaign routes them through the coalition (for hand delivery). Leave empty if no campaign does."
      />
      <FormMessage tone={state.status === 'ok' ? 'success' : 'error'}>{state.status !== 'idle' ? state.message : undefined}</FormMessage>
      <Button pendingLabel="Saving…">Save settings</Button>
    </form>
  );
}
