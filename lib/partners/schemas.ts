import { z } from 'zod';

const optionalUuid = (message: string) => z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid(message).optional());

/** Which organisation (host staff choose; a partner's own is forced by the service) and a page. */
export const OrganisationPeopleInput = z.object({
  organisationId: optionalUuid('Unknown organisation.'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type OrganisationPeopleInput = z.input<typeof OrganisationPeopleInput>;

export const ReferralStatsInput = z.object({
  organisationId: optionalUuid('Unknown organisation.'),
  days: z.coerce.number().int().min(7).max(365).default(30),
});
export type ReferralStatsInput = z.input<typeof ReferralStatsInput>;

export const ExportOrganisationPeopleInput = z.object({ organisationId: optionalUuid('Unknown organisation.') });
export type ExportOrganisationPeopleInput = z.input<typeof ExportOrganisationPeopleInput>;

/** Read from a URL's query, unknown keys ignored. */
export const paramsObject = (params: URLSearchParams) => Object.fromEntries([...params.entries()].map(([k, v]) => [k, v.slice(0, 100)]));
