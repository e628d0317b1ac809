import type { Metadata } from 'next';
import { InlineActionForm } from '@/components/dashboard/data-table/inline-action-form';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { getCoalitionSettings } from '@/lib/organisations/get-coalition-settings';
import { listPartners } from '@/lib/organisations/list-partners';
import { retirePartnerAction } from './actions';
import { CoalitionForm } from './coalition-form';
import { PartnerForm } from './partner-form';

export const metadata: Metadata = { title: 'Organisations' };

export default async function OrganisationsPage() {
  const actor = await requireStaffPage('organisations:manage');
  const [settings, partners] = await Promise.all([getCoalitionSettings({ actor }), listPartners({ actor })]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Organisations</h1>
        <p className="mt-1 text-muted">The host coalition and the partner organisations that co-sponsor its campaigns.</p>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="host-heading">
        <h2 id="host-heading" className="mb-4 text-xl font-semibold">
          The coalition (host) <span className="text-base font-normal text-muted">short code {settings.slug}</span>
        </h2>
        <CoalitionForm settings={settings} />
      </section>
      <section className="space-y-4" aria-labelledby="partners-heading">
        <h2 id="partners-heading" className="text-xl font-semibold">
          Partners
        </h2>
        {partners.length === 0 && <p className="text-muted">No partner organisations yet.</p>}
        {partners.map((p) => (
          <details key={p.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <summary className="cursor-pointer font-semibold">
              {p.name} <span className="font-normal text-muted">({p.slug})</span>
              {p.retired && <span className="ml-2 rounded bg-slate-200 px-2 text-sm">retired</span>}
            </summary>
            <div className="mt-4 space-y-4">
              <PartnerForm partner={p} />
              <InlineActionForm
                action={retirePartnerAction}
                fields={{ id: p.id, retire: p.retired ? 'restore' : 'retire' }}
                label={p.retired ? 'Restore partner' : 'Retire partner'}
                accessibleLabel={`${p.retired ? 'Restore' : 'Retire'} ${p.name}`}
                tone={p.retired ? 'default' : 'danger'}
              />
            </div>
          </details>
        ))}
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h3 className="mb-4 text-lg font-semibold">Add a partner</h3>
          <PartnerForm />
        </div>
      </section>
    </div>
  );
}
