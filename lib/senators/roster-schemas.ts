import { z } from 'zod';

// Shapes of the congress-legislators files, only as far as we read them. Unknown keys are dropped,
// so new upstream fields never break an import; missing or mistyped fields we rely on do.
const text = z.string().trim().min(1);
// Optional text; YAML turns some values (a numeric handle, a bare ZIP) into numbers, so accept those.
const optText = z.preprocess(
  (v) => (v === null || v === '' ? undefined : v),
  z
    .union([z.string(), z.number()], { error: 'must be text' })
    .transform((v) => String(v).trim())
    .optional(),
);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD date');

export const BIOGUIDE_RE = /^[A-Z]\d{6}$/;
const bioguide = z.string().regex(BIOGUIDE_RE, 'must be a bioguide id like S000033');

const Term = z.object({
  type: z.enum(['sen', 'rep']),
  start: isoDate,
  end: isoDate,
  state: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter state code'),
  party: optText,
  class: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  state_rank: z.enum(['senior', 'junior']).optional(),
  url: optText,
  address: optText,
  phone: optText,
  contact_form: optText,
});

export const Legislator = z.object({
  id: z.object({ bioguide }),
  name: z.object({ first: text, last: text, official_full: optText }),
  terms: z.array(Term).min(1, 'must list at least one term'),
});
export const LegislatorsFile = z.array(Legislator);
export type Legislator = z.infer<typeof Legislator>;

const Office = z.object({
  city: optText,
  address: optText,
  suite: optText,
  zip: optText,
  phone: optText,
});
export const DistrictOfficesFile = z.array(
  z.object({ id: z.object({ bioguide }), offices: z.array(Office).default([]) }),
);

export const SocialMediaFile = z.array(
  z.object({
    id: z.object({ bioguide }),
    social: z.object({
      twitter: optText,
      facebook: optText,
      youtube: optText,
      youtube_id: optText,
      instagram: optText,
      mastodon: optText,
      bluesky: optText,
    }),
  }),
);

const CommitteeMember = z.object({
  bioguide,
  name: optText,
  party: z.enum(['majority', 'minority']),
  rank: z.number().int().positive().optional(),
  title: optText,
});
// Only the Foreign Relations committee is read; the other ~230 committees are not validated.
export const CommitteeMembershipFile = z.object({ SSFR: z.array(CommitteeMember) });
