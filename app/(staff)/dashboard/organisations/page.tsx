import type { Metadata } from 'next';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { getCoalitionSettings } from '@/lib/organisations/get-coalition-settings';
import { CoalitionForm } from './coalition-form';

export const metadata: Metadata = { title: 'Organisations' };

export default async function OrganisationsPage() {
  const actor = await requireStaffPage('staff:manage');
  const settings = await getCoalitionSettings({ actor });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">The coalition</h1>
        <p className="mt-1 text-muted">How the coalition appears on its public pages, and where routed letters are delivered.</p>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" aria-label="Coalition details">
        <CoalitionForm settings={settings} />
      </section>
    </div>
  );
}
