import proxyaddr from 'proxy-addr';
import { z } from 'zod';
import { parseFrameAncestors } from '@/lib/embeds/frame-ancestors';
import { CWC_EMAIL, CWC_LIMITS } from '@/lib/letters/cwc/schemas';

const bool = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

// `NAME=` in a .env file means "not set".
const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().optional());

/**
 * Which hops in front of the app are proxies we trust to report the client's address: a hop count
 * (`1` = the peer that connects to us, e.g. one load balancer) or a comma list of addresses, CIDRs and
 * the names `loopback`, `linklocal`, `uniquelocal` (validated by proxy-addr). Unset/0/false: none, the
 * TCP peer is the client. `true` (trust every hop) is refused: the client would pick its own address.
 */
const TrustProxy = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx): { hops: number } | { addresses: string[] } => {
    if (!v || v === '0' || v === 'false') return { hops: 0 };
    if (/^\d+$/.test(v)) return { hops: Number(v) };
    const addresses = v.split(',').map((a) => a.trim()).filter(Boolean);
    try {
      if (v === 'true' || addresses.length === 0) throw new Error('no list');
      proxyaddr.compile(addresses);
    } catch {
      ctx.addIssue({
        code: 'custom',
        message:
          'must be a hop count (e.g. 1) or a comma list of proxy addresses/CIDRs or loopback, linklocal, uniquelocal (never "true": every client could then pick its own address)',
      });
      return z.NEVER;
    }
    return { addresses };
  });

/**
 * The sites that may frame /embed/* when the coalition has not set its own list (Organisations page):
 * `*` or space-separated http(s) origins, normalised; unset/empty: `*`. A bad entry stops the start
 * rather than being dropped, so a typo cannot silently block (or open) every partner's embed.
 */
const EmbedFrameAncestors = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const parsed = parseFrameAncestors(v ?? '');
    if (parsed.ok) return parsed.value ?? '*';
    ctx.addIssue({ code: 'custom', message: `${parsed.message} (space-separated)` });
    return z.NEVER;
  });

/** Next's server-actions key: standard base64 of an AES key (16, 24 or 32 bytes). */
function isActionsKey(value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  return [16, 24, 32].includes(Buffer.from(value, 'base64').length);
}

const unsetIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
    .optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  PGLITE_DATA_DIR: z.string().min(1).default('.data/pglite'),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  // Unset: http://localhost:<PORT>, so `PORT=4000 npm start` mails links that work.
  APP_URL: z.url({ message: 'must be the absolute public URL of the app, e.g. https://act.example.org' }).optional(),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').optional(),
  HASH_SALT: z.string().min(16, 'must be at least 16 characters').optional(),
  ADMIN_EMAIL: z.email('must be an email address').default('admin@example.org'),
  EMAIL_FROM: z.string().min(3).default('Ratify <campaigns@ratify.example.org>'),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.url().optional(),
  // A send that has not answered by then is abandoned and retried (the provider may hang).
  RESEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(20_000),
  // Resend's signing secret for /api/webhooks/resend (whsec_…); without it the endpoint answers 404.
  RESEND_WEBHOOK_SECRET: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().regex(/^whsec_[A-Za-z0-9+/=]+$/, 'must be the whsec_… signing secret from Resend').optional(),
  ),
  // Unset: on only for a local trial (embedded database, no Resend, APP_URL on localhost).
  MAILBOX_ENABLED: z.enum(['0', '1', 'true', 'false', '']).optional(),
  OUTBOX_DRAIN_INTERVAL_MS: z.coerce.number().int().min(100).default(2000),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  OUTBOX_BACKOFF_BASE_MS: z.coerce.number().int().min(1).default(30_000),
  // Updates to supporters: rows enqueued per batch, and the send rate they are paced to (Resend's
  // default limit is 2 requests a second, shared with all other mail).
  UPDATE_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  UPDATE_SEND_RATE_PER_SECOND: z.coerce.number().min(0.1).max(1000).default(1.5),
  OUTBOX_IN_APP: z.enum(['0', '1']).default('1'),
  // How long a drainer's claim on a row lasts: a drainer that dies mid-batch holds its rows this long.
  OUTBOX_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(120_000),
  SENATORS_SOURCE: z.string().min(1).default('https://unitedstates.github.io/congress-legislators'),
  // Re-import the roster this often (hours; 0 = never on a schedule), in every app instance unless
  // ROSTER_IMPORT_IN_APP=0 and in `npm run worker`; one import per interval under an advisory lock.
  SENATORS_IMPORT_INTERVAL_HOURS: z.coerce.number().min(0).max(24 * 30).default(24),
  ROSTER_IMPORT_IN_APP: z.enum(['0', '1']).default('1'),
  SEED_ON_START: z.enum(['0', '1']).default('1'),
  // Fictional demo activity for the embedded trial: on by default there, never with DATABASE_URL.
  DEMO_DATA: z.enum(['0', '1']).optional(),
  TRUST_PROXY: TrustProxy,
  EMBED_FRAME_ANCESTORS: EmbedFrameAncestors,
  RATE_LIMIT_DISABLED: bool,
  // Signatures (and letter submissions) one connection may make per 10 minutes: a crowd behind one
  // address (a campus, a rally on one Wi-Fi) needs room; lib/security/public-limits.ts explains 300.
  RATE_LIMIT_ACTIONS_PER_IP: z.coerce.number().int().min(1).max(100_000).default(300),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // The Senate's Communicating with Congress channel: off without a key; with one, the rest is
  // required and checked by checkCwcSettings.
  CWC_API_KEY: optionalText,
  CWC_BASE_URL: optionalText,
  CWC_DELIVERY_AGENT: optionalText,
  CWC_DELIVERY_AGENT_EMAIL: optionalText,
  CWC_DELIVERY_AGENT_CONTACT_NAME: optionalText,
  CWC_DELIVERY_AGENT_CONTACT_EMAIL: optionalText,
  CWC_DELIVERY_AGENT_CONTACT_PHONE: optionalText,
  // Read by Next itself; validated here so a bad value stops every instance with a clear message.
  // Unset with DATABASE_URL: one key generated once and kept in the database (lib/security/server-actions-key.ts).
  // Next sets NEXT_DEPLOYMENT_ID to '' itself when none is configured: empty means unset.
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: unsetIfEmpty(
    z.string().refine(isActionsKey, 'must be a base64 AES key of 16, 24 or 32 bytes (openssl rand -base64 32), the same on every instance'),
  ),
  NEXT_DEPLOYMENT_ID: unsetIfEmpty(
    z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1-64 letters, digits, dots, dashes or underscores (e.g. the release\'s commit)'),
  ),
}).superRefine(checkCwcSettings).superRefine((e, ctx) => {
  // A send must end well inside the lease, or another drainer could re-claim a row still in flight.
  if (e.OUTBOX_LEASE_MS < 3 * e.RESEND_TIMEOUT_MS) {
    ctx.addIssue({ code: 'custom', path: ['OUTBOX_LEASE_MS'], message: `must be at least three times RESEND_TIMEOUT_MS (${e.RESEND_TIMEOUT_MS} ms)` });
  }
});

const isLocalUrl = (url: string) => ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);

const Schema = EnvSchema.transform((e) => {
  const APP_URL = e.APP_URL ?? `http://localhost:${e.PORT}`;
  const mailbox = e.MAILBOX_ENABLED;
  const localTrial = !e.DATABASE_URL && !e.RESEND_API_KEY && isLocalUrl(APP_URL);
  return {
    ...e,
    APP_URL,
    MAILBOX_ENABLED: mailbox === undefined || mailbox === '' ? localTrial : mailbox === '1' || mailbox === 'true',
  };
});

export type Env = z.infer<typeof Schema>;

export type CwcConfig = {
  apiKey: string;
  /** The SOAPBox messages endpoint messages are POSTed to (the key is added as `?apikey=`). */
  baseUrl: string;
  deliveryAgent: string;
  deliveryAgentAckEmail: string;
  contactName: string;
  contactEmail: string;
  /** Normalised to xxx-xxx-xxxx. */
  contactPhone: string;
};

/** The CWC settings as the channel uses them, or null when the channel is off (no CWC_API_KEY). */
export function cwcConfig(e: Env = env()): CwcConfig | null {
  if (!e.CWC_API_KEY) return null;
  // checkCwcSettings has refused a start without these, so they are present here.
  return {
    apiKey: e.CWC_API_KEY,
    baseUrl: e.CWC_BASE_URL!,
    deliveryAgent: e.CWC_DELIVERY_AGENT!,
    deliveryAgentAckEmail: e.CWC_DELIVERY_AGENT_EMAIL!,
    contactName: e.CWC_DELIVERY_AGENT_CONTACT_NAME!,
    contactEmail: e.CWC_DELIVERY_AGENT_CONTACT_EMAIL!,
    contactPhone: normaliseUsPhone(e.CWC_DELIVERY_AGENT_CONTACT_PHONE!)!,
  };
}

/** Whether letters can go through the Senate's CWC service (and so need a street address). */
export const cwcEnabled = () => cwcConfig() !== null;

let cached: Env | undefined;

/** 10 digits (a leading US 1 allowed, any punctuation) → xxx-xxx-xxxx, the form CWC wants; else null. */
export function normaliseUsPhone(raw: string): string | null {
  const digits = raw.replace(/\D/g, '');
  const ten = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  if (!/^\d{10}$/.test(ten) || /[^\d\s().+-]/.test(raw)) return null;
  return `${ten.slice(0, 3)}-${ten.slice(3, 6)}-${ten.slice(6)}`;
}

// The schema's own email pattern plus zod's check, so an address the Senate would refuse stops the
// start instead of every message.
const isCwcEmail = (v: string) => CWC_EMAIL.test(v) && z.email().safeParse(v).success;

type CwcSettings = Partial<Record<
  | 'CWC_API_KEY' | 'CWC_BASE_URL' | 'CWC_DELIVERY_AGENT' | 'CWC_DELIVERY_AGENT_EMAIL'
  | 'CWC_DELIVERY_AGENT_CONTACT_NAME' | 'CWC_DELIVERY_AGENT_CONTACT_EMAIL' | 'CWC_DELIVERY_AGENT_CONTACT_PHONE',
  string
>>;

/**
 * With CWC_API_KEY set, every other CWC_ variable must be present and well formed, so a half-configured
 * channel stops the start with a message per variable rather than failing on every letter later.
 */
function checkCwcSettings(e: CwcSettings, ctx: z.RefinementCtx) {
  if (!e.CWC_API_KEY) return;
  const issue = (name: keyof CwcSettings, message: string) => ctx.addIssue({ code: 'custom', path: [name], message });
  const required = (name: keyof CwcSettings, what: string) => {
    if (e[name]) return e[name];
    issue(name, `is required when CWC_API_KEY is set (${what})`);
    return undefined;
  };

  if (/\s/.test(e.CWC_API_KEY)) issue('CWC_API_KEY', 'must not contain spaces (copy the key from SOAPBox exactly)');
  const base = required('CWC_BASE_URL', 'the SOAPBox messages endpoint, e.g. https://soapbox.senate.gov/api/testing-messages/');
  if (base) {
    let url: URL | undefined;
    try {
      url = new URL(base);
    } catch {
      issue('CWC_BASE_URL', 'must be an absolute URL, e.g. https://soapbox.senate.gov/api/testing-messages/');
    }
    // The key travels in the query string: only TLS, except to a test server on this machine.
    const local = url && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (url && url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
      issue('CWC_BASE_URL', 'must be an https:// URL (the API key is sent with every request)');
    }
    if (url && (url.search || url.hash)) issue('CWC_BASE_URL', 'must not contain a query or fragment (the API key is added by Ratify)');
  }
  required('CWC_DELIVERY_AGENT', 'your organisation’s name exactly as approved for SOAPBox');
  for (const name of ['CWC_DELIVERY_AGENT_EMAIL', 'CWC_DELIVERY_AGENT_CONTACT_EMAIL'] as const) {
    const v = required(name, name === 'CWC_DELIVERY_AGENT_EMAIL' ? 'where the Senate sends acknowledgements' : 'the technical contact’s email');
    if (v && !isCwcEmail(v)) issue(name, 'must be an email address, like cwc@coalition.example.org');
  }
  const contact = required('CWC_DELIVERY_AGENT_CONTACT_NAME', 'the technical contact’s name');
  if (contact && [...contact].length < CWC_LIMITS.deliveryAgentContactNameMin) {
    issue('CWC_DELIVERY_AGENT_CONTACT_NAME', `must be at least ${CWC_LIMITS.deliveryAgentContactNameMin} characters (the CWC schema’s minimum)`);
  }
  const phone = required('CWC_DELIVERY_AGENT_CONTACT_PHONE', 'the technical contact’s phone');
  if (phone && !normaliseUsPhone(phone)) {
    issue('CWC_DELIVERY_AGENT_CONTACT_PHONE', 'must be a 10-digit US phone number, like 202-555-0123');
  }
}

/** Parse the environment once; a bad value stops the process with a message naming the variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = Schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    const message = `Invalid environment configuration:\n${lines.join('\n')}\nSee .env.example for every variable.`;
    throw new Error(message);
  }
  cached = parsed.data;
  return cached;
}

/** For tests that change variables between cases. */
export function resetEnvCache() {
  cached = undefined;
}
