import { z } from 'zod';
import { ZIP_FORMAT_MESSAGE, ZIP_RE } from '@/lib/geo/zip-format';
import { isUsStateCode } from '@/lib/geo/us-states';
import type { SocialAccounts } from '@/db/schema';
import type { VariantAssignment } from '@/lib/letters/letter-variants';
import type { PublicStanceView } from './public-stance';

export const STATE_MESSAGE = 'Choose a state or territory from the list.';

const StateCode = z
  .string({ error: STATE_MESSAGE })
  .trim()
  .toUpperCase()
  .refine(isUsStateCode, STATE_MESSAGE);

export const FindSenatorsByStateInput = z.object({ state: StateCode });
export type FindSenatorsByStateInput = z.input<typeof FindSenatorsByStateInput>;

/** `state` answers a `choose` lookup: which of the states the ZIP spans the supporter lives in. */
export const FindSenatorsByZipInput = z.object({
  zip: z
    .string({ error: ZIP_FORMAT_MESSAGE })
    .trim()
    .regex(ZIP_RE, ZIP_FORMAT_MESSAGE),
  state: z.preprocess((v) => (v === '' || v === null ? undefined : v), StateCode.optional()),
});
export type FindSenatorsByZipInput = z.input<typeof FindSenatorsByZipInput>;

/** What a supporter page may show about a senator: no delivery address, only whether one is set. */
export type SenatorCard = {
  bioguideId: string;
  name: string;
  firstName: string;
  lastName: string;
  party: string;
  state: string;
  stateRank: string | null;
  phone: string | null;
  dcAddress: string | null;
  website: string | null;
  contactForm: string | null;
  termEnd: string | null;
  ssfr: { member: boolean; title: string | null; rank: number | null };
  hasDeliveryEmail: boolean;
  social: SocialAccounts;
  /** Where the senator stands on the campaign's treaty, when the campaign publishes stances. */
  publicStance?: PublicStanceView;
  /** Which letter this senator gets from the campaign, and why. */
  letterVariant?: VariantAssignment;
  /** During the committee stage, for a member of Foreign Relations: why their voice matters now. */
  committeeNote?: string;
};

export type StateOption = { state: string; stateName: string };

export type SenatorLookup =
  | {
      kind: 'state';
      zip?: string;
      state: string;
      stateName: string;
      senators: SenatorCard[];
      /** Seats with no senator now (a death or resignation not yet filled): 0 or 1, 2 only if the roster is empty. */
      vacantSeats: number;
      alternatives: StateOption[];
    }
  | { kind: 'choose'; zip: string; options: StateOption[] }
  | { kind: 'no_senators'; zip?: string; state: string; stateName: string; explanation: string };
