// Liveness: answers without touching the database (readiness, with the database, is /api/health).
// Also the benchmark's baseline for "a bare route handler".
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
}
