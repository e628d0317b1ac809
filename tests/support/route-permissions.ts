import type { Permission } from '@/lib/auth/permissions';

// The authorisation table every staff route must appear in. Adding a page, route handler or server
// action without a row here fails tests/unit/authz-matrix.test.ts (static: the file calls
// requireStaff*(<permission>) with the permission below) and tests/e2e/authz-matrix.spec.ts
// (runtime: anonymous → sign-in/401, roles without the permission → 403, roles with it → allowed).

export type RouteRule = {
  /** Repo-relative file, e.g. `app/(staff)/dashboard/team/page.tsx`. */
  file: string;
  permission: Permission;
  /**
   * The URL the e2e test requests. Defaults to the path derived from `file`; required when the path
   * has [dynamic] segments (a placeholder id is fine: see `allowed`).
   */
  path?: string;
  /** Route handlers: the method to exercise (default GET). */
  method?: 'GET' | 'POST';
  /** Statuses meaning "let through" for a permitted role. Default [200]; a placeholder id answers 404. */
  allowed?: number[];
};

export type ActionRule = { file: string; name: string; permission: Permission };

export type PublicRoute = { file: string; reason: string };

// A syntactically valid id that matches nothing: permitted roles pass the check, then get a 404.
export const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';
const NOT_FOUND_OK = [200, 404];

/** Every page.tsx under app/(staff). */
export const staffPages: RouteRule[] = [
  { file: 'app/(staff)/dashboard/page.tsx', permission: 'dashboard:view' },
  { file: 'app/(staff)/dashboard/team/page.tsx', permission: 'staff:manage' },
  { file: 'app/(staff)/dashboard/analytics/page.tsx', permission: 'analytics:view' },
  { file: 'app/(staff)/dashboard/audit/page.tsx', permission: 'audit:view' },
  { file: 'app/(staff)/dashboard/exports/page.tsx', permission: 'exports:run' },
  { file: 'app/(staff)/dashboard/outbox/page.tsx', permission: 'outbox:view' },
  { file: 'app/(staff)/dashboard/letters/page.tsx', permission: 'letters:view' },
  { file: 'app/(staff)/dashboard/letters/senators/page.tsx', permission: 'letters:view' },
  {
    file: 'app/(staff)/dashboard/letters/packet/[campaignId]/[senatorId]/page.tsx',
    permission: 'people:view',
    path: `/dashboard/letters/packet/${PLACEHOLDER_ID}/${PLACEHOLDER_ID}`,
    allowed: NOT_FOUND_OK,
  },
  { file: 'app/(staff)/dashboard/people/page.tsx', permission: 'people:view' },
  {
    file: 'app/(staff)/dashboard/people/[id]/page.tsx',
    permission: 'people:view',
    path: `/dashboard/people/${PLACEHOLDER_ID}`,
    allowed: NOT_FOUND_OK,
  },
  {
    file: 'app/(staff)/dashboard/people/[id]/forget/page.tsx',
    permission: 'people:forget',
    path: `/dashboard/people/${PLACEHOLDER_ID}/forget`,
    allowed: NOT_FOUND_OK,
  },
  { file: 'app/(staff)/dashboard/campaigns/page.tsx', permission: 'campaigns:view' },
  { file: 'app/(staff)/dashboard/campaigns/new/page.tsx', permission: 'campaigns:edit' },
  {
    file: 'app/(staff)/dashboard/campaigns/[id]/page.tsx',
    permission: 'campaigns:edit',
    path: `/dashboard/campaigns/${PLACEHOLDER_ID}`,
    allowed: NOT_FOUND_OK,
  },
  {
    file: 'app/(staff)/dashboard/campaigns/[id]/preview/page.tsx',
    permission: 'campaigns:view',
    path: `/dashboard/campaigns/${PLACEHOLDER_ID}/preview`,
    allowed: NOT_FOUND_OK,
  },
  { file: 'app/(staff)/dashboard/senators/page.tsx', permission: 'campaigns:view' },
  { file: 'app/(staff)/dashboard/senators/calls/page.tsx', permission: 'campaigns:view' },
  {
    file: 'app/(staff)/dashboard/senators/[id]/page.tsx',
    permission: 'campaigns:view',
    path: '/dashboard/senators/Z999999',
    allowed: NOT_FOUND_OK,
  },
  {
    file: 'app/(staff)/dashboard/campaigns/[id]/updates/page.tsx',
    permission: 'updates:send',
    path: `/dashboard/campaigns/${PLACEHOLDER_ID}/updates`,
    allowed: NOT_FOUND_OK,
  },
  { file: 'app/(staff)/dashboard/treaties/page.tsx', permission: 'campaigns:view' },
  { file: 'app/(staff)/dashboard/treaties/new/page.tsx', permission: 'campaigns:edit' },
  {
    file: 'app/(staff)/dashboard/treaties/[id]/page.tsx',
    permission: 'campaigns:edit',
    path: `/dashboard/treaties/${PLACEHOLDER_ID}`,
    allowed: NOT_FOUND_OK,
  },
  { file: 'app/(staff)/dashboard/organisations/page.tsx', permission: 'organisations:manage' },
  { file: 'app/(staff)/dashboard/partner/page.tsx', permission: 'referrals:view' },
  { file: 'app/(staff)/dashboard/partner/people/page.tsx', permission: 'consents:view' },
];

/** Every route.ts under app/ that serves staff (the rest are in publicRoutes, with a reason). */
export const staffRoutes: RouteRule[] = [
  { file: 'app/api/exports/signers/route.ts', permission: 'exports:run', path: '/api/exports/signers?preset=crm' },
  // Host staff without a partner named get a 400 (choose an organisation) or, with partners, the first's CSV.
  { file: 'app/api/exports/consents/route.ts', permission: 'consents:export', allowed: [200, 400] },
  { file: 'app/api/exports/partner-breakdown/route.ts', permission: 'analytics:view' },
  { file: 'app/api/exports/senators/route.ts', permission: 'senators:export' },
];

/** Route handlers open to anyone, and why. */
const OSDI_REASON = 'OSDI API: authenticated by an organisation API key (OSDI-API-Token), scoped to that organisation in lib/osdi; tests/integration/osdi-api.test.ts.';

export const publicRoutes: PublicRoute[] = [
  { file: 'app/api/osdi/v1/route.ts', reason: OSDI_REASON },
  { file: 'app/api/osdi/v1/petitions/route.ts', reason: OSDI_REASON },
  { file: 'app/api/osdi/v1/petitions/[id]/route.ts', reason: OSDI_REASON },
  { file: 'app/api/osdi/v1/petitions/[id]/signatures/route.ts', reason: OSDI_REASON },
  { file: 'app/api/osdi/v1/petitions/[id]/signatures/[sid]/route.ts', reason: OSDI_REASON },
  { file: 'app/api/osdi/v1/advocacy_campaigns/route.ts', reason: OSDI_REASON },
  { file: 'app/api/osdi/v1/advocacy_campaigns/[id]/route.ts', reason: OSDI_REASON },
  { file: 'app/api/osdi/v1/advocacy_campaigns/[id]/outreaches/route.ts', reason: OSDI_REASON },
  { file: 'app/api/osdi/v1/advocacy_campaigns/[id]/outreaches/[oid]/route.ts', reason: OSDI_REASON },
  { file: 'app/api/osdi/v1/people/route.ts', reason: OSDI_REASON },
  { file: 'app/api/osdi/v1/people/[id]/route.ts', reason: OSDI_REASON },
  { file: 'app/api/auth/[...nextauth]/route.ts', reason: 'Auth.js itself: sign-in, callback, session, sign-out.' },
  { file: 'app/api/health/route.ts', reason: 'Readiness probe for load balancers; reports no personal data.' },
  { file: 'app/api/ping/route.ts', reason: 'Liveness probe; touches nothing.' },
  { file: 'app/api/campaigns/[slug]/count/route.ts', reason: 'Public signature count shown on the campaign page.' },
  { file: 'app/api/campaigns/[slug]/signatures/route.ts', reason: 'Supporters sign the petition (rate limited, bot-checked).' },
  { file: 'app/api/campaigns/[slug]/views/route.ts', reason: 'Anonymous page-view beacon; stores counts only.' },
  { file: 'app/api/senators/route.ts', reason: 'Supporters look up their senators by ZIP or state.' },
  { file: 'app/api/unsubscribe/[token]/route.ts', reason: 'RFC 8058 one-click unsubscribe, authorised by its 256-bit token.' },
  { file: 'app/api/webhooks/resend/route.ts', reason: 'Resend delivery events; authorised by the Svix signature (RESEND_WEBHOOK_SECRET), replays refused.' },
  { file: 'app/dev/mailbox.json/route.ts', reason: 'Dev/e2e mailbox: 404 in production unless MAILBOX_ENABLED=1.' },
];

/** Every exported function of every actions.ts under app/(staff). */
export const staffActions: ActionRule[] = [
  { file: 'app/(staff)/dashboard/team/actions.ts', name: 'inviteStaffAction', permission: 'staff:manage' },
  { file: 'app/(staff)/dashboard/team/actions.ts', name: 'updateStaffRoleAction', permission: 'staff:manage' },
  { file: 'app/(staff)/dashboard/team/actions.ts', name: 'revokeStaffAction', permission: 'staff:manage' },
  { file: 'app/(staff)/dashboard/team/actions.ts', name: 'restoreStaffAction', permission: 'staff:manage' },
  { file: 'app/(staff)/dashboard/letters/actions.ts', name: 'retryLetterAction', permission: 'letters:retry' },
  { file: 'app/(staff)/dashboard/outbox/actions.ts', name: 'retryOutboxAction', permission: 'outbox:view' },
  { file: 'app/(staff)/dashboard/people/actions.ts', name: 'moderateCommentAction', permission: 'people:moderate' },
  { file: 'app/(staff)/dashboard/people/actions.ts', name: 'forgetPersonAction', permission: 'people:forget' },
  { file: 'app/(staff)/dashboard/campaigns/actions.ts', name: 'createCampaignAction', permission: 'campaigns:edit' },
  { file: 'app/(staff)/dashboard/campaigns/[id]/actions.ts', name: 'updateCampaignAction', permission: 'campaigns:edit' },
  { file: 'app/(staff)/dashboard/campaigns/[id]/actions.ts', name: 'publishCampaignAction', permission: 'campaigns:edit' },
  { file: 'app/(staff)/dashboard/campaigns/[id]/actions.ts', name: 'setCampaignSponsorsAction', permission: 'campaigns:edit' },
  { file: 'app/(staff)/dashboard/campaigns/[id]/actions.ts', name: 'unpublishCampaignAction', permission: 'campaigns:edit' },
  { file: 'app/(staff)/dashboard/campaigns/[id]/actions.ts', name: 'closeCampaignAction', permission: 'campaigns:edit' },
  { file: 'app/(staff)/dashboard/campaigns/[id]/actions.ts', name: 'archiveCampaignAction', permission: 'campaigns:edit' },
  { file: 'app/(staff)/dashboard/campaigns/[id]/actions.ts', name: 'duplicateCampaignAction', permission: 'campaigns:edit' },
  { file: 'app/(staff)/dashboard/campaigns/[id]/actions.ts', name: 'updateSenatePageAction', permission: 'campaigns:edit' },
  { file: 'app/(staff)/dashboard/campaigns/[id]/actions.ts', name: 'updateLetterVariantsAction', permission: 'campaigns:edit' },
  { file: 'app/(staff)/dashboard/senators/actions.ts', name: 'setDeliveryEmailAction', permission: 'senators:edit' },
  { file: 'app/(staff)/dashboard/senators/actions.ts', name: 'setSenatorPositionAction', permission: 'senators:edit' },
  { file: 'app/(staff)/dashboard/senators/actions.ts', name: 'setStancesBulkAction', permission: 'senators:edit' },
  { file: 'app/(staff)/dashboard/senators/actions.ts', name: 'setExpectedAbsentAction', permission: 'senators:edit' },
  { file: 'app/(staff)/dashboard/senators/actions.ts', name: 'reviewCallReportAction', permission: 'senators:edit' },
  { file: 'app/(staff)/dashboard/senators/actions.ts', name: 'reimportRosterAction', permission: 'senators:edit' },
  { file: 'app/(staff)/dashboard/senators/actions.ts', name: 'setCwcOfficeAction', permission: 'senators:edit' },
  { file: 'app/(staff)/dashboard/campaigns/[id]/updates/actions.ts', name: 'createUpdateAction', permission: 'updates:send' },
  { file: 'app/(staff)/dashboard/campaigns/[id]/updates/actions.ts', name: 'sendTestUpdateAction', permission: 'updates:send' },
  { file: 'app/(staff)/dashboard/campaigns/[id]/updates/actions.ts', name: 'sendUpdateAction', permission: 'updates:send' },
  { file: 'app/(staff)/dashboard/campaigns/[id]/updates/actions.ts', name: 'cancelUpdateAction', permission: 'updates:send' },
  { file: 'app/(staff)/dashboard/treaties/actions.ts', name: 'updateTreatyAction', permission: 'campaigns:edit' },
  { file: 'app/(staff)/dashboard/treaties/actions.ts', name: 'addTreatyStageEventAction', permission: 'campaigns:edit' },
  { file: 'app/(staff)/dashboard/treaties/actions.ts', name: 'createTreatyAction', permission: 'campaigns:edit' },
  { file: 'app/(staff)/dashboard/treaties/actions.ts', name: 'importTreatyPartiesAction', permission: 'campaigns:edit' },
  { file: 'app/(staff)/dashboard/organisations/actions.ts', name: 'updateCoalitionAction', permission: 'staff:manage' },
  { file: 'app/(staff)/dashboard/organisations/actions.ts', name: 'updateEmbedFrameAncestorsAction', permission: 'organisations:manage' },
  { file: 'app/(staff)/dashboard/organisations/actions.ts', name: 'createPartnerAction', permission: 'organisations:manage' },
  { file: 'app/(staff)/dashboard/organisations/actions.ts', name: 'updatePartnerAction', permission: 'organisations:manage' },
  { file: 'app/(staff)/dashboard/organisations/actions.ts', name: 'retirePartnerAction', permission: 'organisations:manage' },
  { file: 'app/(staff)/dashboard/organisations/actions.ts', name: 'createApiKeyAction', permission: 'organisations:manage' },
  { file: 'app/(staff)/dashboard/organisations/actions.ts', name: 'revokeApiKeyAction', permission: 'organisations:manage' },
];

/** The URL path a page.tsx or route.ts serves: route groups dropped, e.g. `/dashboard/team`. */
export function urlPathOf(file: string): string {
  const segments = file
    .replace(/^app\//, '')
    .replace(/\/?(page\.tsx|route\.ts)$/, '')
    .split('/')
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join('/')}`;
}

export function requestPathOf(rule: RouteRule): string {
  const path = rule.path ?? urlPathOf(rule.file);
  if (/\[/.test(path)) throw new Error(`${rule.file} has dynamic segments: give its rule a concrete \`path\``);
  return path;
}
