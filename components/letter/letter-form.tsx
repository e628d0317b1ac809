'use client';

import { ConsentBoxes, RefInput } from '@/components/consent/consent-boxes';
import type { ConsentOffer } from '@/lib/consents/types';
import { useEffect, useRef, useState } from 'react';
import { FormGuardFields } from '@/components/ui/form-guard-fields';
import { FormMessage } from '@/components/ui/form-message';
import { Field, SelectField, TextAreaField } from '@/components/ui/field';
import { useFormGuard } from '@/components/ui/use-form-guard';
import type { LetterFormState, LetterFormValues } from '@/lib/forms/letter';
import { CWC_PREFIXES } from '@/lib/letters/cwc/schemas';
import { LETTER_BODY_MAX, PERSONAL_SENTENCE_MAX, type LetterDraft } from '@/lib/letters/letter-draft';
import { LetterPreview, type PreviewInput, type PreviewSenator } from './letter-preview';

/** The opt-in boxes of the campaign, and the `?ref=` the page was opened with. */
export type LetterConsent = { offers: ConsentOffer[]; refOnlyPartnerBox: boolean; ref?: string };

type Props = {
  action: (formData: FormData) => void;
  state: LetterFormState;
  pending: boolean;
  guardToken: string;
  /** FORM_MIN_FILL_SECONDS: a press is held until the token is this old (useFormGuard). */
  minFillSeconds: number;
  draft: Pick<LetterDraft, 'salutation' | 'subject' | 'body'>;
  senators: PreviewSenator[];
  /** The looked-up state (two-letter code) and ZIP. */
  stateCode: string;
  zip: string;
  source?: string;
  consent: LetterConsent;
  requirePersonalSentence: boolean;
  /** Letters go through the Senate's CWC service, which needs a title and a full postal address. */
  requireStreet: boolean;
  organisationName: string;
  treaty: { treatyName: string; treatyShortName: string };
};

const list = (names: string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** One editable letter for both senators, the supporter's details, and a live preview of each letter. */
export function LetterForm(p: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const guard = useFormGuard(p.guardToken, p.minFillSeconds);
  const pending = p.pending || guard.waiting;
  const v = p.state.status === 'error' ? p.state.values : undefined;
  const err = (name: keyof LetterFormValues) => (p.state.status === 'error' ? p.state.fieldErrors?.[name]?.[0] : undefined);
  const initial: PreviewInput = {
    salutation: p.draft.salutation,
    subject: v?.subject ?? p.draft.subject,
    body: v?.body ?? p.draft.body,
    personalSentence: v?.personalSentence ?? '',
    firstName: v?.firstName ?? '',
    lastName: v?.lastName ?? '',
    city: v?.city ?? '',
    street: v?.street ?? '',
    zip: v?.zip ?? p.zip,
    state: p.stateCode,
  };
  const [preview, setPreview] = useState(initial);
  // A refused submission resets the form to the values it echoed: the preview follows…
  const [seenState, setSeenState] = useState(p.state);
  if (seenState !== p.state) {
    setSeenState(p.state);
    setPreview(initial);
  }

  // …and the keyboard goes to the first field that needs fixing.
  useEffect(() => {
    if (p.state.status !== 'error') return;
    const target =
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      formRef.current?.querySelector<HTMLElement>('[role="alert"][tabindex]');
    target?.focus();
  }, [p.state]);

  function readForm() {
    if (!formRef.current) return;
    const fd = new FormData(formRef.current);
    const text = (n: string) => (typeof fd.get(n) === 'string' ? (fd.get(n) as string) : '');
    setPreview((prev) => ({
      ...prev,
      subject: text('subject'),
      body: text('body'),
      personalSentence: text('personalSentence'),
      firstName: text('firstName'),
      lastName: text('lastName'),
      city: text('city'),
      street: text('street'),
      zip: text('zip'),
    }));
  }

  const names = p.senators.map((s) => `Senator ${s.name}`);
  const bodyCount = [...preview.body].length;

  return (
    <form ref={formRef} action={p.action} onSubmit={guard.onSubmit} onInput={readForm} noValidate className="space-y-5" aria-labelledby="write-letter-heading">
      <h2 id="write-letter-heading" className="text-xl font-semibold">
        Write your letter
      </h2>
      <p>
        Your letter goes to {list(names)}. Edit it in your own words: you write one letter, and we address a copy to
        each senator.
      </p>
      <FormMessage>{p.state.status === 'error' ? p.state.message : undefined}</FormMessage>
      <FormGuardFields token={p.guardToken} />
      {p.source && <input type="hidden" name="source" value={p.source} />}
      <RefInput initial={p.consent.ref} />
      <input type="hidden" name="state" value={p.stateCode} />

      <Field label="Subject" name="subject" required defaultValue={initial.subject} error={err('subject')} />
      <TextAreaField
        label={p.requirePersonalSentence ? 'A sentence in your own words (required)' : 'A sentence in your own words (optional)'}
        name="personalSentence"
        rows={2}
        required={p.requirePersonalSentence}
        defaultValue={initial.personalSentence}
        error={err('personalSentence')}
        hint={`Why this matters to you. It opens your letter, after the greeting. Up to ${PERSONAL_SENTENCE_MAX} characters.`}
      />
      <TextAreaField
        label="Your letter"
        name="body"
        rows={16}
        required
        defaultValue={initial.body}
        error={err('body')}
        hint={
          <>
            Each letter starts with the senator’s greeting, e.g. “Dear Senator {p.senators[0]?.lastName ?? 'Smith'},”.
            Words in double braces, like {'{{supporter_name}}'}, are filled in from your details below. Up to{' '}
            {LETTER_BODY_MAX.toLocaleString('en-US')} characters
            <span aria-hidden="true"> ({bodyCount.toLocaleString('en-US')} now)</span>.
          </>
        }
      />

      <LetterPreview input={preview} senators={p.senators} treaty={p.treaty} />

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">Your details</legend>
        {p.requireStreet && (
          <SelectField
            label="Title"
            name="prefix"
            autoComplete="honorific-prefix"
            required
            defaultValue={v?.prefix ?? ''}
            error={err('prefix')}
            hint="The Senate’s service requires one of these titles with your name."
            options={[{ value: '', label: 'Choose a title' }, ...CWC_PREFIXES.map((t) => ({ value: t, label: t }))]}
            className="sm:max-w-xs"
          />
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="First name" name="firstName" autoComplete="given-name" required defaultValue={initial.firstName} error={err('firstName')} />
          <Field label="Last name" name="lastName" autoComplete="family-name" required defaultValue={initial.lastName} error={err('lastName')} />
        </div>
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={v?.email ?? ''}
          error={err('email')}
          hint="The first time, we send a link to confirm it’s you before your letters go. You’ll get a copy of what was sent."
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="ZIP code"
            name="zip"
            inputMode="numeric"
            autoComplete="postal-code"
            required
            defaultValue={initial.zip}
            error={err('zip')}
          />
          <Field
            label={p.requireStreet ? 'City' : 'City (optional)'}
            name="city"
            autoComplete="address-level2"
            required={p.requireStreet}
            defaultValue={initial.city}
            error={err('city')}
            hint={p.requireStreet ? 'Part of your postal address.' : 'Used only in your letter.'}
          />
        </div>
        <Field
          label={p.requireStreet ? 'Street address' : 'Street address (optional)'}
          name="street"
          autoComplete="street-address"
          required={p.requireStreet}
          defaultValue={initial.street}
          error={err('street')}
          hint={
            p.requireStreet
              ? 'We deliver your letters through the Senate’s own service for constituent mail. It accepts a letter only with the writer’s full postal address, so each office can see you live in their state.'
              : 'Used only in your letter: offices reply to constituents they can place.'
          }
        />
      </fieldset>

      <ConsentBoxes offers={p.consent.offers} refOnlyPartnerBox={p.consent.refOnlyPartnerBox} initialRef={p.consent.ref} checked={v} />
      <p className="text-sm text-muted">
        By sending, you let {p.organisationName} keep your name, email and the address you give to deliver your letters,
        send you a copy and confirm your email. Your letters are sent as you wrote them, signed with your name; a
        senator’s office may reply to your email. We never sell or share your details.
      </p>
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending || undefined}
        className="min-h-12 w-full rounded-md bg-brand-700 px-5 py-3 text-lg font-semibold text-white hover:bg-brand-800 disabled:opacity-70 sm:w-auto"
      >
        {pending ? 'Sending…' : p.senators.length > 1 ? 'Send my letters' : 'Send my letter'}
      </button>
    </form>
  );
}
