import type { Metadata } from 'next';
import { InlineActionForm } from '@/components/dashboard/data-table/inline-action-form';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { getCoalitionSettings } from '@/lib/organisations/get-coalition-settings';
import { listPartners } from '@/lib/organisations/list-partners';
import { formatDateTime } from '@/components/dashboard/data-table/format';
import { listApiKeys } from '@/lib/osdi/api-keys';
import { retirePartnerAction, revokeApiKeyAction } from './actions';
import { ApiKeyForm } from './api-key-form';
import { CoalitionForm } from './coalition-form';
import { EmbedForm } from './embed-form';
import { PartnerForm } from './partner-form';

export const metadata: Metadata = { title: 'Organisations' };

export default async function OrganisationsPage() {
  const actor = await requireStaffPage('organisations:manage');
  const [settings, partners, keys] = await Promise.all([getCoalitionSettings({ actor }), listPartners({ actor }), listApiKeys({ actor })]);
  const keyOrgs = [{ value: settings.id, label: `${settings.name} (host)` }, ...partners.filter((p) => !p.retired).map((p) => ({ value: p.id, label: p.name }))];
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
      <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="embeds-heading">
        <h2 id="embeds-heading" className="mb-4 text-xl font-semibold">
          Embeds
        </h2>
        <EmbedForm settings={settings} />
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
      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="keys-heading">
        <h2 id="keys-heading" className="text-xl font-semibold">
          OSDI API keys
        </h2>
        <p className="text-sm text-muted">
          Each key belongs to one organisation and sees what its staff may see: petitions and advocacy campaigns, and only the people who opted in
          to it (with their signatures and letters). Send it as the OSDI-API-Token header to /api/osdi/v1.
        </p>
        {keys.length > 0 && (
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left">
                <th scope="col">Name</th>
                <th scope="col">Organisation</th>
                <th scope="col">Key</th>
                <th scope="col">Access</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id} className="border-t border-slate-200">
                  <td>{k.name}</td>
                  <td>{k.organisationName}</td>
                  <td>
                    <code>{k.prefix}…</code>
                  </td>
                  <td>{k.scope === 'read' ? 'read-only' : 'read-write'}</td>
                  <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'never'}</td>
                  <td>
                    {k.revoked ? (
                      'revoked'
                    ) : (
                      <InlineActionForm action={revokeApiKeyAction} fields={{ id: k.id }} label="Revoke" accessibleLabel={`Revoke key ${k.name}`} tone="danger" />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ApiKeyForm organisations={keyOrgs} />
      </section>
    </div>
  );
}
