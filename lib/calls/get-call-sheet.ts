import 'server-only';
import { inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, senators, type StateOffice } from '@/db/schema';
import { eq } from 'drizzle-orm';
import type { SenatorLookup } from '@/lib/senators/schemas';
import { callScriptFor, telHref, type CallScripts } from './call-scripts';

export type CallSheetSenator = {
  id: string;
  name: string;
  /** Which script and why (the lookup's letter assignment: same stance groups). */
  label: string;
  reason: string;
  script: string;
  phones: { label: string; display: string; href: string }[];
};

/**
 * What a supporter needs to call their senators for one campaign: a script fitted to each senator's
 * stance group and click-to-call links for the DC and state offices. `lookup` is the lookup answer
 * with the campaign's assignments attached (attachCampaignStances).
 */
export async function getCallSheet(campaignSlug: string, lookup: SenatorLookup, treatyShortName: string): Promise<CallSheetSenator[]> {
  if (lookup.kind !== 'state' || lookup.senators.length === 0) return [];
  const db = getDb();
  const [c] = await db.select({ scripts: campaigns.callScripts }).from(campaigns).where(eq(campaigns.slug, campaignSlug));
  const scripts: CallScripts = c?.scripts ?? {};
  const offices = await db
    .select({ id: senators.bioguideId, stateOffices: senators.stateOffices })
    .from(senators)
    .where(inArray(senators.bioguideId, lookup.senators.map((s) => s.bioguideId)));
  const officesOf = new Map(offices.map((o) => [o.id, o.stateOffices as StateOffice[]]));
  return lookup.senators.map((s) => {
    const group = s.letterVariant?.group ?? 'urge';
    const phones: CallSheetSenator['phones'] = [];
    const dc = telHref(s.phone);
    if (dc && s.phone) phones.push({ label: 'Washington, DC office', display: s.phone, href: dc });
    for (const o of officesOf.get(s.bioguideId) ?? []) {
      const href = telHref(o.phone);
      if (href && o.phone) phones.push({ label: `${o.city ?? 'State'} office`, display: o.phone, href });
    }
    return {
      id: s.bioguideId,
      name: s.name,
      label: { thank: 'A thank-you call', urge: 'A call urging support', persuade: 'A call making the case' }[group],
      reason: s.letterVariant?.reason ?? '',
      script: callScriptFor(scripts, group, s.lastName, treatyShortName),
      phones,
    };
  });
}
