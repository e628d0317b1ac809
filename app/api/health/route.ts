import { connection } from 'next/server';
import { getHealth } from '@/lib/health/get-health';
import { logger } from '@/lib/log/logger';

export async function GET() {
  await connection();
  const health = await getHealth();
  if (health.status === 'down') logger.error('health check: database unreachable');
  // A missing roster is degraded, not down: the petition still works without it.
  return Response.json(health, {
    status: health.status === 'down' ? 503 : 200,
    headers: { 'Cache-Control': 'no-store' },
  });
}
