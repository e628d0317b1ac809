import { defineConfig } from 'drizzle-kit';

// Only generates SQL from the schema; migrations are applied by db/migrate.ts on both drivers.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  strict: true,
});
