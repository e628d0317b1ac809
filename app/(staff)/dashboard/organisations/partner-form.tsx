'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/forms/state';
import type { PartnerDto } from '@/lib/organisations/list-partners';
import { OPT_IN_TEXT_MAX } from '@/lib/organisations/schemas';
import { createPartnerAction, updatePartnerAction } from './actions';

/** Add a partner (no `partner`) or edit one. */
export function PartnerForm({ partner }: { partner?: PartnerDto }) {
  const [state, formAction] = useActionState<FormState, FormData>(partner ? updatePartnerAction : createPartnerAction, { status: 'idle' });
  const v = state.values ?? {
    name: partner?.name ?? '',
    slug: partner?.slug ?? '',
    website: partner?.website ?? '',
    logoUrl: partner?.logoUrl ?? '',
    privacyPolicyUrl: partner?.privacyPolicyUrl ?? '',
    contactEmail: partner?.contactEmail ?? '',
    optInText: partner?.optInText ?? '',
  };
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  return (
    <form action={formAction} noValidate className="grid max-w-3xl gap-4 sm:grid-cols-2">
      {partner && <input type="hidden" name="id" value={partner.id} />}
      <Field label="Name" name="name" defaultValue={v.name} error={err('name')} required autoComplete="organization" />
      <Field label="Short code" name="slug" defaultValue={v.slug} error={err('slug')} required hint="Used in referral links: ?ref=short-code" />
      <Field label="Website" name="website" type="url" defaultValue={v.website} error={err('website')} hint="https://…" />
      <Field label="Logo URL" name="logoUrl" type="url" defaultValue={v.logoUrl} error={err('logoUrl')} hint="https://… (an image)" />
      <Field label="Privacy policy URL" name="privacyPolicyUrl" type="url" defaultValue={v.privacyPolicyUrl} error={err('privacyPolicyUrl')} />
      <Field label="Contact email" name="contactEmail" type="email" defaultValue={v.contactEmail} error={err('contactEmail')} autoComplete="off" />
      <div className="sm:col-span-2">
        <Field
          label="Opt-in wording"
          name="optInText"
          defaultValue={v.optInText}
          error={err('optInText')}
          maxLength={OPT_IN_TEXT_MAX}
          hint="The words of this partner’s opt-in box. Empty: “Keep me updated about this campaign by email from <name>.”"
        />
      </div>
      <div className="sm:col-span-2 space-y-2">
        <FormMessage tone={state.status === 'ok' ? 'success' : 'error'}>{state.status !== 'idle' ? state.message : undefined}</FormMessage>
        <Button pendingLabel="Saving…">{partner ? `Save ${partner.name}` : 'Add partner'}</Button>
      </div>
    </form>
  );
}
