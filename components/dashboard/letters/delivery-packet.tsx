import { formatCount, formatDate } from '@/components/dashboard/data-table/format';
import type { DeliveryPacket as Packet } from '@/lib/letters/get-delivery-packet';
import { stateName } from '@/lib/geo/us-states';

// When printed, only the packet shows (the dashboard around it is hidden), the cover gets a page
// of its own, and names never split across pages.
const printCss = `
@media print {
  @page { margin: 16mm; }
  body *:not(:has(.delivery-packet)):not(.delivery-packet):not(.delivery-packet *) { display: none !important; }
  body *:has(.delivery-packet) { margin: 0 !important; padding: 0 !important; border: 0 !important; max-width: none !important; }
  .delivery-packet { font-size: 11pt; color: #000; }
  .delivery-packet .packet-cover { break-after: page; min-height: 240mm; }
  .delivery-packet .packet-signers li { break-inside: avoid; }
  .delivery-packet .packet-screen-only { display: none !important; }
}
`;

export function DeliveryPacket({ packet }: { packet: Packet }) {
  const { senator, campaign, treaty } = packet;
  const place = stateName(senator.state);
  return (
    <article className="delivery-packet mx-auto max-w-3xl bg-white p-8 shadow-sm print:shadow-none" aria-labelledby="packet-title">
      <style>{printCss}</style>
      <section className="packet-cover flex flex-col gap-6">
        <p className="text-sm uppercase tracking-wide text-muted">Constituent petition delivery</p>
        <h1 id="packet-title" className="text-3xl font-bold">
          To {senator.name}, United States Senator for {place}
        </h1>
        <div className="space-y-2 text-lg">
          <p>
            Campaign: <strong>{campaign.title}</strong>
          </p>
          <p>
            Treaty: <strong>{treaty.name}</strong> ({treaty.shortName})
          </p>
        </div>
        <dl className="grid max-w-md grid-cols-[1fr_max-content] gap-x-8 gap-y-2 text-lg">
          <dt>Verified signers from {place}</dt>
          <dd className="text-right font-bold">{formatCount(packet.verifiedSignersInState)}</dd>
          <dt>All signatures from {place}</dt>
          <dd className="text-right font-bold">{formatCount(packet.signersInState)}</dd>
          <dt>Letters to {senator.name}</dt>
          <dd className="text-right font-bold">{formatCount(packet.letters.total)}</dd>
          <dt>of which delivered by email</dt>
          <dd className="text-right">{formatCount(packet.letters.sent)}</dd>
          <dt>of which sent by the constituent</dt>
          <dd className="text-right">{formatCount(packet.letters.self_send)}</dd>
        </dl>
        <p className="text-sm text-muted">
          Prepared {formatDate(packet.generatedAt)}. Names and cities of constituents who signed and confirmed their
          email address; contact details are withheld for their privacy.
        </p>
      </section>

      <section className="packet-signers mt-10" aria-labelledby="packet-signers-title">
        <h2 id="packet-signers-title" className="mb-4 text-xl font-bold">
          Constituents from {place} who signed ({formatCount(packet.signers.length)}
          {packet.truncated ? '+' : ''})
        </h2>
        {packet.signers.length === 0 ? (
          <p>No verified signers from {place} yet.</p>
        ) : (
          <ol className="columns-1 gap-8 text-sm sm:columns-2 print:columns-3">
            {packet.signers.map((s, i) => (
              <li key={i} className="py-0.5">
                {s.name}
                {s.city && <span className="text-muted">, {s.city}</span>}
              </li>
            ))}
          </ol>
        )}
        {packet.truncated && (
          <p className="mt-4 text-sm">The list stops here; the full list is in the signer export.</p>
        )}
      </section>
    </article>
  );
}
