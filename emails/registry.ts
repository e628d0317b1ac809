import type { ReactElement } from 'react';
import type { z } from 'zod';
import type { SecretLink } from '@/lib/email/secret-links';
import CampaignUpdate, { CampaignUpdateProps, campaignUpdateSubject } from './campaign-update';
import LetterDeliveryFailed, { LetterDeliveryFailedProps, letterDeliveryFailedSubject } from './letter-delivery-failed';
import OfficeAddressBounced, { OfficeAddressBouncedProps, officeAddressBouncedSubject } from './office-address-bounced';
import LetterReceipt, { LetterReceiptProps, letterReceiptSubject } from './letter-receipt';
import LetterToSenator, { LetterToSenatorProps, letterToSenatorSubject } from './letter-to-senator';
import LettersAlreadyWritten, { LettersAlreadyWrittenProps, lettersAlreadyWrittenSubject } from './letters-already-written';
import LettersConfirmation, { LettersConfirmationProps, lettersConfirmationSubject } from './letters-confirmation';
import RosterChanged, { RosterChangedProps, rosterChangedSubject } from './roster-changed';
import SenatorDeliveryChanged, { SenatorDeliveryChangedProps, senatorDeliveryChangedSubject } from './senator-delivery-changed';
import SignatureConfirmation, { SignatureConfirmationProps, signatureConfirmationSubject } from './signature-confirmation';
import StaffInvite, { StaffInviteProps, staffInviteSubject } from './staff-invite';
import StaffSignIn, { StaffSignInProps, staffSignInSubject } from './staff-sign-in';

export type TemplateDefinition<S extends z.ZodType, K extends string = never> = {
  component: (props: z.output<S>) => ReactElement;
  subject: (props: z.output<S>) => string;
  /** Campaign mail: never sent to a suppressed or unsubscribed address; List-Unsubscribe headers. */
  marketing: boolean;
  /** Mail to a supporter (not staff, not an office): carries RFC 8058 List-Unsubscribe headers too. */
  toSupporter?: boolean;
  props: S;
  /** Where replies should go, when not to the sender (a letter's replies go to the constituent). */
  replyTo?: (props: z.output<S>) => string | undefined;
  /**
   * URL props that carry a token (confirm, unsubscribe, sign-in): producers pass a SecretLink, the
   * outbox stores it sealed and the drainer opens it at send time (lib/email/secret-links.ts).
   */
  secretLinks?: readonly K[];
};

const define = <S extends z.ZodType, K extends keyof z.input<S> & string = never>(def: TemplateDefinition<S, K>) => def;

export const templates = {
  'signature-confirmation': define({
    component: SignatureConfirmation,
    subject: signatureConfirmationSubject,
    marketing: false,
    toSupporter: true,
    props: SignatureConfirmationProps,
    secretLinks: ['confirmUrl', 'unsubscribeUrl'],
  }),
  'letters-confirmation': define({
    component: LettersConfirmation,
    subject: lettersConfirmationSubject,
    marketing: false,
    toSupporter: true,
    props: LettersConfirmationProps,
    secretLinks: ['confirmUrl', 'unsubscribeUrl'],
  }),
  'letters-already-written': define({
    component: LettersAlreadyWritten,
    subject: lettersAlreadyWrittenSubject,
    marketing: false,
    toSupporter: true,
    props: LettersAlreadyWrittenProps,
    secretLinks: ['unsubscribeUrl'],
  }),
  'letter-to-senator': define({
    component: LetterToSenator,
    subject: letterToSenatorSubject,
    marketing: false,
    props: LetterToSenatorProps,
    replyTo: (p) => p.supporterEmail,
  }),
  'letter-receipt': define({
    component: LetterReceipt,
    subject: letterReceiptSubject,
    marketing: false,
    toSupporter: true,
    props: LetterReceiptProps,
    secretLinks: ['unsubscribeUrl'],
  }),
  'letter-delivery-failed': define({
    component: LetterDeliveryFailed,
    subject: letterDeliveryFailedSubject,
    marketing: false,
    toSupporter: true,
    props: LetterDeliveryFailedProps,
    secretLinks: ['unsubscribeUrl'],
  }),
  'campaign-update': define({
    component: CampaignUpdate,
    subject: campaignUpdateSubject,
    marketing: true,
    toSupporter: true,
    props: CampaignUpdateProps,
    secretLinks: ['unsubscribeUrl'],
  }),
  // The same update sent to a staff member as a test: not campaign mail (consent rules do not apply),
  // and its "unsubscribe" link leads back to the dashboard.
  'staff-update-test': define({
    component: CampaignUpdate,
    subject: campaignUpdateSubject,
    marketing: false,
    props: CampaignUpdateProps,
  }),
  'staff-sign-in': define({
    component: StaffSignIn,
    subject: staffSignInSubject,
    marketing: false,
    props: StaffSignInProps,
    secretLinks: ['url'],
  }),
  'senator-delivery-changed': define({
    component: SenatorDeliveryChanged,
    subject: senatorDeliveryChangedSubject,
    marketing: false,
    props: SenatorDeliveryChangedProps,
  }),
  'roster-changed': define({
    component: RosterChanged,
    subject: rosterChangedSubject,
    marketing: false,
    props: RosterChangedProps,
  }),
  'office-address-bounced': define({
    component: OfficeAddressBounced,
    subject: officeAddressBouncedSubject,
    marketing: false,
    props: OfficeAddressBouncedProps,
  }),
  'staff-invite': define({
    component: StaffInvite,
    subject: staffInviteSubject,
    marketing: false,
    props: StaffInviteProps,
  }),
};

export type Templates = typeof templates;
export type TemplateName = keyof Templates;
type SecretKeys<N extends TemplateName> = NonNullable<Templates[N]['secretLinks']>[number];
/** Props with plain URLs (what a template renders; previews and tests pass these to renderEmail). */
export type RenderProps<N extends TemplateName> = z.input<Templates[N]['props']>;
/** What callers pass when enqueueing (before parsing): secret link fields as SecretLink. */
export type TemplateProps<N extends TemplateName> = Omit<RenderProps<N>, SecretKeys<N>> & { [K in SecretKeys<N>]: SecretLink };

export const templateNames = Object.keys(templates) as TemplateName[];

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(templates, name);
}

/** The definition with its types erased, for code that handles rows of any template (the drainer). */
export function templateDefinition(name: string): TemplateDefinition<z.ZodType, string> | undefined {
  return isTemplateName(name) ? (templates[name] as unknown as TemplateDefinition<z.ZodType, string>) : undefined;
}
