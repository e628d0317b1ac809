'use client';

import { useEffect, useRef } from 'react';
import { SourceInput } from '@/components/campaign/source-input';
import { Button } from '@/components/ui/button';
import { ConsentBoxes, RefInput } from '@/components/consent/consent-boxes';
import { Field, TextAreaField } from '@/components/ui/field';
import { FormGuardFields } from '@/components/ui/form-guard-fields';
import { FormMessage } from '@/components/ui/form-message';
import { useFormGuard } from '@/components/ui/use-form-guard';
import type { PetitionFormState } from '@/lib/forms/petition';
import type { ConsentOffer } from '@/lib/consents/types';
import type { SignerVisibility } from '@/lib/campaigns/get-public-campaign';

const VISIBILITY_NOTE: Record<SignerVisibility, string> = {
  hidden: 'Your name is never shown on this page.',
  first_name_state: 'Once you confirm, your first name and state may appear in the list of recent signers.',
  full_name_state: 'Once you confirm, your name and state may appear in the list of recent signers.',
};

type Props = {
  action: (formData: FormData) => void;
  state: PetitionFormState;
  guardToken: string;
  /** FORM_MIN_FILL_SECONDS: a press is held until the token is this old (useFormGuard). */
  minFillSeconds: number;
  organisationName: string;
  signerVisibility: SignerVisibility;
  commentModeration: boolean;
  consentOffers: ConsentOffer[];
  refOnlyPartnerBox: boolean;
  /** Known on the server only for embeds (the campaign page is cached). */
  initialRef?: string;
  initialSource?: string;
};

/** The signing form: plain fields posted to a server action, so it works before (or without) JS. */
export function PetitionForm({
  action,
  state,
  guardToken,
  minFillSeconds,
  organisationName,
  signerVisibility,
  commentModeration,
  consentOffers,
  refOnlyPartnerBox,
  initialRef,
  initialSource,
}: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const guard = useFormGuard(guardToken, minFillSeconds);
  const v = state.values;
  const err = (name: keyof NonNullable<PetitionFormState['fieldErrors']>) => state.fieldErrors?.[name]?.[0];

  // After a refused submission, put the keyboard where the problem is.
  useEffect(() => {
    if (state.status !== 'error' || !formRef.current) return;
    const target =
      formRef.current.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      formRef.current.querySelector<HTMLElement>('[role="alert"][tabindex]');
    target?.focus();
  }, [state]);

  return (
    <form ref={formRef} action={action} onSubmit={guard.onSubmit} noValidate className="mt-4 space-y-4">
      <FormMessage>{state.status === 'error' ? state.message : undefined}</FormMessage>
      <FormGuardFields token={guardToken} />
      <SourceInput initial={initialSource} />
      <RefInput initial={initialRef} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="First name"
          name="firstName"
          autoComplete="given-name"
          required
          defaultValue={v?.firstName}
          error={err('firstName')}
        />
        <Field
          label="Last name"
          name="lastName"
          autoComplete="family-name"
          required
          defaultValue={v?.lastName}
          error={err('lastName')}
        />
      </div>
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={v?.email}
        error={err('email')}
        hint="We'll send one email to confirm your signature."
      />
      <Field
        label="ZIP code"
        name="zip"
        inputMode="numeric"
        autoComplete="postal-code"
        required
        defaultValue={v?.zip}
        error={err('zip')}
        hint="Signatures are counted by state for your senators."
        className="max-w-48"
      />
      <TextAreaField
        label="Comment (optional)"
        name="comment"
        rows={3}
        defaultValue={v?.comment}
        error={err('comment')}
        hint={commentModeration ? 'Up to 1,000 characters. Comments are published only after review.' : 'Up to 1,000 characters.'}
      />
      <ConsentBoxes offers={consentOffers} refOnlyPartnerBox={refOnlyPartnerBox} initialRef={initialRef} checked={v} />
      <p className="text-sm text-muted">
        By signing, you let {organisationName} keep your name, email, ZIP code and comment to run this petition and
        show your support to the Senate. {VISIBILITY_NOTE[signerVisibility]} We never sell or share your details.
      </p>
      <Button pendingLabel="Signing…" busy={guard.waiting} className="min-h-12 w-full text-lg">
        Sign the petition
      </Button>
    </form>
  );
}
