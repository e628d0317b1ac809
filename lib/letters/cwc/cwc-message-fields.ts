import { z } from 'zod';
import {
  CWC_DELIVERY_ID,
  CWC_EMAIL,
  CWC_LIMITS,
  CWC_PHONE,
  CWC_STATE_CODES,
  CWC_ZIP,
  CwcPrefix,
  CwcProOrCon,
  CwcTopic,
  SENATE_OFFICE_CODE,
  charCount,
} from './schemas';

// Everything one CWC message carries, checked against the schema's rules before any XML is built.
// The values come from our own database (validated when people typed them), but CWC asks for more
// than a letter needs (a title, a street address, a six-character subject), and a letter written
// before the channel was switched on may lack it: each gap becomes a plain-English problem for the
// ledger instead of a message the Senate would refuse.

const text = (what: string, min = 1) =>
  z
    .string({ error: `${what} is missing` })
    .trim()
    .refine((s) => charCount(s) >= min, min > 1 ? `${what} must be at least ${min} characters` : `${what} is missing`);

const email = (what: string) =>
  z.string({ error: `${what} is missing` }).trim().regex(CWC_EMAIL, `${what} is not an address CWC accepts`);

export const CwcMessageFields = z
  .object({
    deliveryId: z.string().regex(CWC_DELIVERY_ID, 'the delivery id must be 32 letters or digits'),
    deliveryDate: z.string().regex(/^\d{8}$/),
    agent: z.object({
      name: text('the delivery agent (CWC_DELIVERY_AGENT)'),
      ackEmail: email('the acknowledgement address (CWC_DELIVERY_AGENT_EMAIL)'),
      contactName: text('the delivery agent contact (CWC_DELIVERY_AGENT_CONTACT_NAME)', CWC_LIMITS.deliveryAgentContactNameMin),
      contactEmail: email('the delivery agent contact email (CWC_DELIVERY_AGENT_CONTACT_EMAIL)'),
      contactPhone: z.string().regex(CWC_PHONE, 'the delivery agent phone must read xxx-xxx-xxxx'),
    }),
    organization: z
      .object({
        name: text('the organisation name', CWC_LIMITS.organizationMin),
        contactEmail: z.string().regex(CWC_EMAIL).optional(),
        about: z
          .string()
          .refine((s) => charCount(s) >= CWC_LIMITS.organizationAboutMin && charCount(s) <= CWC_LIMITS.organizationAboutMax)
          .optional(),
      })
      .optional(),
    campaignId: z.string().regex(/^[0-9a-f]{32}$/),
    officeCode: z.string({ error: 'the senator has no CWC office code' }).regex(SENATE_OFFICE_CODE, 'the office code is not S + state + two digits'),
    constituent: z.object({
      prefix: z
        .string()
        .nullable()
        .superRefine((p, ctx) => {
          if (p === null) ctx.addIssue({ code: 'custom', message: 'the writer gave no title (CWC requires Mr., Mrs., Ms., Miss or Dr.)' });
          else if (!CwcPrefix.safeParse(p).success) ctx.addIssue({ code: 'custom', message: 'the writer’s title is not one of the five titles CWC accepts' });
        }),
      firstName: text('the writer’s first name'),
      lastName: text('the writer’s last name'),
      street: text('the writer’s street address (CWC requires one)'),
      city: text('the writer’s city (CWC requires one)'),
      state: z.string({ error: 'the writer’s state is missing' }).refine((s) => CWC_STATE_CODES.includes(s), 'the writer’s state is not one CWC knows'),
      zip: z.string({ error: 'the writer’s ZIP code is missing' }).regex(CWC_ZIP, 'the writer’s ZIP code must be 5 digits or ZIP+4'),
      email: email('the writer’s email (they may have been forgotten)'),
      emailVerified: z.boolean(),
    }),
    message: z.object({
      subject: text('the subject', CWC_LIMITS.subjectMin).refine(
        (s) => charCount(s) <= CWC_LIMITS.subjectMax,
        `the subject must be at most ${CWC_LIMITS.subjectMax} characters`,
      ),
      topic: CwcTopic,
      proOrCon: CwcProOrCon.nullable(),
      // Refused rather than cut: a constituent's letter is never shortened behind their back. The
      // letter form's own limit keeps every letter well inside this.
      text: text('the letter', CWC_LIMITS.messageMin).refine(
        (s) => charCount(s) <= CWC_LIMITS.messageMax,
        `the letter is longer than the ${CWC_LIMITS.messageMax.toLocaleString('en-US')} characters CWC accepts`,
      ),
    }),
  })
  // Offices take letters from their own constituents only.
  .refine((m) => m.officeCode.slice(1, 3) === m.constituent.state, {
    message: 'the writer’s state is not the senator’s',
    path: ['constituent', 'state'],
  });
export type CwcMessageFields = z.output<typeof CwcMessageFields>;
