'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/forms/state';

type Partner = { id: string; name: string; slug: string; retired: boolean };

/** Which partners co-sponsor the campaign, in which order, and whether a ?ref= visitor sees only that partner's box. */
export function SponsorsForm({
  campaignId,
  partners,
  sponsorIds,
  refOnlyPartnerBox,
  action,
}: {
  campaignId: string;
  partners: Partner[];
  sponsorIds: string[];
  refOnlyPartnerBox: boolean;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction] = useActionState(action, { status: 'idle' } as FormState);
  const active = partners.filter((p) => !p.retired || sponsorIds.includes(p.id));
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="sponsors-heading">
      <h2 id="sponsors-heading" className="text-xl font-semibold">
        Co-sponsors
      </h2>
      <p className="mt-1 text-sm text-muted">Shown on the campaign page in this order; each gets its own opt-in box on the forms.</p>
      <form action={formAction} className="mt-4 space-y-3">
        <input type="hidden" name="campaignId" value={campaignId} />
        {active.length === 0 && <p className="text-muted">Add partner organisations under Organisations first.</p>}
        <ul className="space-y-2">
          {active.map((p) => {
            const at = sponsorIds.indexOf(p.id);
            return (
              <li key={p.id} className="flex flex-wrap items-center gap-3">
                <label className="flex items-center gap-2">
                  <input type="checkbox" name="sponsor" value={p.id} defaultChecked={at >= 0} className="h-5 w-5" />
                  {p.name} <span className="text-sm text-muted">({p.slug})</span>
                </label>
                <label className="flex items-center gap-1 text-sm">
                  Order
                  <input
                    type="number"
                    name={`order:${p.id}`}
                    defaultValue={at >= 0 ? at + 1 : ''}
                    min={1}
                    max={99}
                    className="w-16 rounded-md border border-slate-500 px-2 py-1"
                    aria-label={`Order of ${p.name}`}
                  />
                </label>
              </li>
            );
          })}
        </ul>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="refOnlyPartnerBox" defaultChecked={refOnlyPartnerBox} className="h-5 w-5" />
          Visitors arriving by a partner’s ?ref= link see only that partner’s opt-in box (and the coalition’s)
        </label>
        <FormMessage tone={state.status === 'ok' ? 'success' : 'error'}>{state.status !== 'idle' ? state.message : undefined}</FormMessage>
        <Button pendingLabel="Saving…">Save co-sponsors</Button>
      </form>
    </section>
  );
}
