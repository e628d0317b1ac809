import { expect, test as setup } from '@playwright/test';
import { addPartner, authFile, inviteStaff, OWNER_EMAIL, roles, signInByRequest } from './support/staff';
import { RUN } from './support/unique';

// The `setup` project (playwright.config.ts), before any spec: wait until the server has imported
// the roster, then sign one member of every role in with a magic link and save the session, so specs
// open staff pages without signing in again. The owner is the seeded ADMIN_EMAIL; the others are
// invited through the Team page, as a coalition would. The links are opened and their forms posted
// by request, not in a page: the sign-in pages themselves are staff-auth.spec.ts's subject.

setup('the server has imported the Senate roster', async ({ request }) => {
  // It imports in the background at first boot; /api/health answers (degraded) before that.
  await expect
    .poll(async () => ((await (await request.get('/api/health')).json()) as { roster?: { senators?: number } }).roster?.senators, {
      message: 'senators in /api/health',
      timeout: 120_000,
    })
    .toBe(100);
});

setup('sign in one member of every role', async ({ browser }) => {
  // Six members and a partner organisation, each waiting for its mail: on a loaded 2-core machine
  // this took 56 s of the default 60.
  setup.setTimeout(120_000);
  const owner = await browser.newContext();
  await signInByRequest(owner, OWNER_EMAIL);
  await owner.storageState({ path: authFile('owner') });
  // The partner member belongs to a partner organisation of its own.
  await addPartner(await owner.newPage(), `E2E Partner ${RUN}`, `e2e-partner-${RUN}`);

  // The others side by side: each waits mostly for its mail to be drained, not for the CPU.
  await Promise.all(
    roles
      .filter((r) => r !== 'owner')
      .map(async (role) => {
        const inviter = await owner.newPage();
        const email = await inviteStaff(inviter, role, `${role}.${RUN}@e2e.ratify.test`, role === 'partner' ? `E2E Partner ${RUN}` : undefined);
        await inviter.close();
        const context = await browser.newContext();
        await signInByRequest(context, email);
        await context.storageState({ path: authFile(role) });
        await context.close();
      }),
  );
  await owner.close();
});
