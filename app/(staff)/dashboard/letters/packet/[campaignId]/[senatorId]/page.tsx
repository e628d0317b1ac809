import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeliveryPacket } from '@/components/dashboard/letters/delivery-packet';
import { PrintButton } from '@/components/dashboard/letters/print-button';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { isAppError } from '@/lib/errors';
import { getDeliveryPacket } from '@/lib/letters/get-delivery-packet';

export const metadata: Metadata = { title: 'Delivery packet' };

type Props = { params: Promise<{ campaignId: string; senatorId: string }> };

export default async function DeliveryPacketPage({ params }: Props) {
  // The packet lists constituents' names: people:view, not only letters:view.
  const actor = await requireStaffPage('people:view');
  const { campaignId, senatorId } = await params;
  const packet = await getDeliveryPacket({ actor, input: { campaignId, senatorId } }).catch((e) => {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  });

  return (
    <div>
      <div className="no-print mb-6 flex flex-wrap items-center justify-between gap-3">
        <Link href={`/dashboard/letters/senators?campaign=${campaignId}`} className="text-brand-700 underline">
          Back to tallies
        </Link>
        <PrintButton />
      </div>
      <DeliveryPacket packet={packet} />
    </div>
  );
}
