import { request } from '@playwright/test';

// The server imports the Senate roster in the background at first boot: wait until it is there.
export default async function globalSetup() {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const ctx = await request.newContext({ baseURL: `http://localhost:${port}` });
  const deadline = Date.now() + 120_000;
  for (;;) {
    const res = await ctx.get('/api/health');
    const body = res.ok() ? await res.json() : null;
    if (body?.roster?.senators >= 100) break;
    if (Date.now() > deadline) throw new Error(`Server never reported a full roster: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  await ctx.dispose();
}
