import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

// Import boundaries that keep the layers honest (house style): services never reach into the UI or
// the routes, and only lib/auth talks to Auth.js.
const noUiInLib = {
  patterns: [
    { group: ['@/components/*', '@/app/*', '**/components/*', '**/app/*'], message: 'lib/ is server logic: it must not import from components/ or app/.' },
  ],
};
const authOnlyInLibAuth = {
  paths: [
    { name: 'next-auth', message: 'Only lib/auth imports next-auth.' },
    { name: '@auth/core', message: 'Only lib/auth imports Auth.js.' },
    { name: '@auth/drizzle-adapter', message: 'Only lib/auth imports Auth.js.' },
  ],
  patterns: [{ group: ['next-auth/*', '@auth/*'], message: 'Only lib/auth imports Auth.js.' }],
};

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', '.next-*/**', 'node_modules/**', '.data/**', '.test-data/**', 'db/migrations/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'] },
  {
    files: ['lib/**/*.{ts,tsx,mjs}'],
    ignores: ['lib/auth/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: authOnlyInLibAuth.paths, patterns: [...noUiInLib.patterns, ...authOnlyInLibAuth.patterns] }],
    },
  },
  { files: ['lib/auth/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', noUiInLib] } },
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'db/**/*.ts', 'emails/**/*.tsx', 'proxy.ts', 'instrumentation.ts'],
    rules: { 'no-restricted-imports': ['error', authOnlyInLibAuth] },
  },
  {
    // Drizzle: a delete or update without a where clause touches every row — never what we mean.
    files: ['lib/**/*.ts', 'db/**/*.ts'],
    plugins: { drizzle },
    rules: {
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx', 'getDb()', 'handle.db'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx', 'getDb()', 'handle.db'] }],
    },
  },
];

export default config;
