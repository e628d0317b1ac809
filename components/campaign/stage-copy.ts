import type { TreatyStage } from '@/lib/campaigns/get-public-campaign';
import { arithmeticHeadline, type SenateArithmetic } from '@/lib/senators/senate-arithmetic';

// What each stored treaty stage means for a reader. The page states whatever stage the data holds;
// nothing here assumes the treaty is still waiting.
export const STAGE_COPY: Record<TreatyStage, { label: string; now: string }> = {
  adopted: {
    label: 'Adopted internationally',
    now: 'The treaty has been adopted internationally. The United States has not signed it.',
  },
  signed: {
    label: 'Signed by the United States',
    now: 'The United States has signed the treaty. The President has not yet sent it to the Senate.',
  },
  transmitted: {
    label: 'Sent to the Senate',
    now: 'The President has sent the treaty to the Senate for its advice and consent.',
  },
  in_committee: {
    label: 'Before the Foreign Relations Committee',
    now: 'The treaty is before the Senate Committee on Foreign Relations, which must report it before the full Senate can vote. If one of your senators sits on that committee, their vote there comes first: look up your senators to see.',
  },
  reported: {
    label: 'Reported to the full Senate',
    now: 'The Committee on Foreign Relations has reported the treaty to the full Senate, which can now vote on it.',
  },
  floor_vote: {
    label: 'Before the full Senate',
    now: 'The full Senate is debating the treaty and will vote on its resolution of advice and consent.',
  },
  consented: {
    label: 'Senate consent given',
    now: 'The Senate has given its advice and consent. The treaty binds the United States once the instrument of ratification is deposited.',
  },
  ratified: {
    label: 'Ratified',
    now: 'The United States has ratified the treaty.',
  },
  withdrawn: {
    label: 'Withdrawn from the Senate',
    now: 'The treaty has been withdrawn from the Senate.',
  },
  returned_to_committee: {
    label: 'Returned to the Foreign Relations Committee',
    now: 'The Senate did not finish with the treaty before its Congress ended, so under Senate Rule XXX it went back to the Committee on Foreign Relations. It remains pending there.',
  },
};

/** The two-thirds rule, worded for where the treaty stands, with today's numbers from the data. */
export function senateVoteContext(stage: TreatyStage, senate?: SenateArithmetic): string | null {
  switch (stage) {
    case 'consented':
    case 'ratified':
      return 'Consent took a two-thirds vote of the Senate.';
    case 'withdrawn':
      return null;
    default:
      return `Senate consent needs a two-thirds vote of the senators present${senate ? ` — today ${arithmeticHeadline(senate)}` : ''}.`;
  }
}

/** `2000-07-05` → `July 5, 2000`, without the server's time zone shifting the day. */
export function formatDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return d.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/** Only http(s) links from stored data are rendered as links. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : null;
  } catch {
    return null;
  }
}
