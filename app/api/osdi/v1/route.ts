import { osdiBase, osdiRoute } from '@/lib/osdi/handle';
import { halJson } from '@/lib/osdi/query';

export const dynamic = 'force-dynamic';

/** The OSDI API entry point (AEP): the resources this key may use, with their `osdi:` link relations. */
export const GET = osdiRoute(async () => {
  const base = osdiBase();
  return halJson({
    motd: 'Ratify OSDI API',
    vendor_name: 'Ratify',
    product_name: 'Ratify',
    osdi_version: '1.1',
    max_pagesize: 100,
    namespace: 'ratify',
    _links: {
      self: { href: base },
      curies: [{ name: 'osdi', href: 'https://opensupporter.github.io/osdi-docs/{rel}', templated: true }],
      'osdi:petitions': { href: `${base}/petitions` },
      'osdi:advocacy_campaigns': { href: `${base}/advocacy_campaigns` },
      'osdi:people': { href: `${base}/people` },
    },
  });
});
