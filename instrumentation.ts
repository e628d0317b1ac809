// Runs once when a server process starts (never during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { bootApp } = await import('./lib/boot/boot');
  await bootApp();
}
