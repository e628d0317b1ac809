import proxyaddr from 'proxy-addr';
import { z } from 'zod';

const bool = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

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

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
    .optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  PGLITE_DATA_DIR: z.string().min(1).default('.data/pglite'),
  APP_URL: z.url({ message: 'must be the absolute public URL of the app, e.g. https://act.example.org' }).default('http://localhost:3000'),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').optional(),
  HASH_SALT: z.string().min(16, 'must be at least 16 characters').optional(),
  ADMIN_EMAIL: z.email('must be an email address').default('admin@example.org'),
  EMAIL_FROM: z.string().min(3).default('Ratify <campaigns@ratify.example.org>'),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.url().optional(),
  MAILBOX_ENABLED: bool,
  OUTBOX_DRAIN_INTERVAL_MS: z.coerce.number().int().min(100).default(2000),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  OUTBOX_BACKOFF_BASE_MS: z.coerce.number().int().min(1).default(30_000),
  OUTBOX_IN_APP: z.enum(['0', '1']).default('1'),
  SENATORS_SOURCE: z.string().min(1).default('https://unitedstates.github.io/congress-legislators'),
  SEED_ON_START: z.enum(['0', '1']).default('1'),
  TRUST_PROXY: TrustProxy,
  RATE_LIMIT_DISABLED: bool,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** Parse the environment once; a bad value stops the process with a message naming the variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
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
