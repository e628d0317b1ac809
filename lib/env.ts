import { z } from 'zod';

const bool = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

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
  // Unset: on only for a local trial (embedded database, no Resend, APP_URL on localhost).
  MAILBOX_ENABLED: z.enum(['0', '1', 'true', 'false', '']).optional(),
  OUTBOX_DRAIN_INTERVAL_MS: z.coerce.number().int().min(100).default(2000),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  OUTBOX_BACKOFF_BASE_MS: z.coerce.number().int().min(1).default(30_000),
  OUTBOX_IN_APP: z.enum(['0', '1']).default('1'),
  SENATORS_SOURCE: z.string().min(1).default('https://unitedstates.github.io/congress-legislators'),
  SEED_ON_START: z.enum(['0', '1']).default('1'),
  TRUST_PROXY: bool,
  RATE_LIMIT_DISABLED: bool,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Read by Next itself; validated here so a bad value stops every instance with a clear message.
  // Unset with DATABASE_URL: one key generated once and kept in the database (lib/settings).
  // Next sets NEXT_DEPLOYMENT_ID to '' itself when none is configured: empty means unset.
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: unsetIfEmpty(
    z.string().refine(isActionsKey, 'must be a base64 AES key of 16, 24 or 32 bytes (openssl rand -base64 32), the same on every instance'),
  ),
  NEXT_DEPLOYMENT_ID: unsetIfEmpty(
    z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1-64 letters, digits, dots, dashes or underscores (e.g. the release\'s commit)'),
  ),
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

let cached: Env | undefined;

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
