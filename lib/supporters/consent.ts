import { and, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { supporters } from '@/db/schema';
import { registerConsentCheck } from '@/lib/email/hooks';

/** The outbox asks before each campaign message whether its recipient unsubscribed. */
export function registerSupporterConsentCheck(): void {
  registerConsentCheck(async (db: DbOrTx, address: string) => {
    const [s] = await db
      .select({ id: supporters.id })
      .from(supporters)
      .where(and(eq(supporters.email, address.trim().toLowerCase()), isNotNull(supporters.unsubscribedAt)));
    return Boolean(s);
  });
}
