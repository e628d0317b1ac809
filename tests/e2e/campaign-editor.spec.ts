import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/staff';
import { RUN, uniqueEmail } from './support/unique';

// The campaign editor end to end: an editor (invited through the Team page by tests/e2e/auth.setup.ts)
// drafts a campaign, previews it (the public address stays 404), publishes it, and sees an edit on
// the public page at once.

test.describe.configure({ mode: 'serial' });

const slug = `e2e-campaign-${RUN}`;
const title = `Ratify the protocol now ${RUN}`;

let editorUrl: string;

test('an editor drafts, previews, publishes and edits a campaign; the public page follows at once', async ({ staffPage }) => {
  test.setTimeout(120_000);
  const page = await staffPage('editor');

  await page.goto('/dashboard/campaigns');
  await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'New campaign' }).click();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Web address (optional)').fill(slug);
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page).toHaveURL(/\/dashboard\/campaigns\/[0-9a-f-]{36}\?notice=created$/);
  await expect(page.getByText('Draft created.')).toBeVisible();
  editorUrl = page.url().split('?')[0];

  // The story's live preview renders Markdown as it is typed, without raw HTML.
  await page.getByLabel('Summary').fill('Two sentences on why the Senate should act.');
  await page.getByLabel('Story (Markdown)').fill('## Why now\n\nBecause **children** cannot wait.\n\n<script>alert(1)</script>');
  const storyPreview = page.getByRole('region', { name: 'Story preview' });
  await expect(storyPreview.getByRole('heading', { name: 'Why now' })).toBeVisible();
  await expect(storyPreview.locator('strong')).toHaveText('children');
  await expect(storyPreview.locator('script')).toHaveCount(0);

  // The letter preview merges for a sample senator (the Foreign Relations chair); an unknown field is refused on save.
  const letterPreview = page.getByRole('region', { name: 'Letter preview' });
  await expect(letterPreview).toContainText(/Dear Senator \S+,/);
  await page.getByLabel('Letter subject template').fill('Support the {{treaty_short_name}}, {{senator_nmae}}');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Unknown merge field: {{senator_nmae}}.')).toBeVisible();
  await expect(page.getByLabel('Letter subject template')).toBeFocused();
  await expect(page.getByLabel('Story (Markdown)')).toHaveValue(/## Why now/);
  await page.getByLabel('Letter subject template').fill('Support the {{treaty_short_name}}, Senator {{senator_last_name}}');
  await expect(letterPreview).toContainText(/Subject: Support the .+, Senator \S+/);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Draft: the staff preview shows it with a banner; the public address is still "not found".
  await page.getByRole('link', { name: 'Preview the draft' }).click();
  await expect(page.getByRole('heading', { name: 'Draft preview' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Why now' })).toBeVisible();
  expect((await page.request.get(`/c/${slug}`)).status()).toBe(404);

  // Publish from the preview: the public page appears at once.
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Staff preview of a live campaign' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Staff preview' })).toBeVisible();
  const visitor = await page.context().browser()!.newContext();
  const publicPage = await visitor.newPage();
  await publicPage.goto(`/c/${slug}`);
  await expect(publicPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(publicPage.getByRole('heading', { name: 'Why now' })).toBeVisible();

  // An edit shows on the public page on the next request, not after a cache interval.
  await page.goto(editorUrl);
  await page.getByLabel('Title', { exact: true }).fill(`${title} today`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  await publicPage.goto(`/c/${slug}`);
  await expect(publicPage.getByRole('heading', { level: 1, name: `${title} today` })).toBeVisible();
  await visitor.close();

  // Editors shape campaigns; they never see people or exports.
  for (const path of ['/dashboard/people', '/dashboard/exports']) {
    expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
  }
});

test('a stale save is refused instead of overwriting a colleague’s edit', async ({ staffPage }) => {
  const first = await staffPage('owner');
  const second = await staffPage('editor');
  await first.goto('/dashboard/campaigns');
  await first.getByRole('link', { name: `${title} today`, exact: true }).click();
  await expect(first).toHaveURL(editorUrl);
  await second.goto(editorUrl);

  await first.getByLabel('Summary').fill('The owner’s summary.');
  await first.getByRole('button', { name: 'Save changes' }).click();
  await expect(first.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();

  await second.getByLabel('Summary').fill('The editor’s summary.');
  await second.getByRole('button', { name: 'Save changes' }).click();
  await expect(second.getByRole('alert').filter({ hasText: 'Someone else saved this campaign' })).toBeVisible();
  await expect(second.getByLabel('Summary')).toHaveValue('The editor’s summary.');
  await second.reload();
  await expect(second.getByLabel('Summary')).toHaveValue('The owner’s summary.');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the Preview button renders the typed story on the server without saving it', async ({ staffPage }) => {
    const page = await staffPage('owner');
    await page.goto('/dashboard/campaigns');
    await page.getByRole('link', { name: `${title} today`, exact: true }).click();
    await expect(page).toHaveURL(editorUrl);
    const saved = await page.getByLabel('Story (Markdown)').inputValue();
    await page.getByLabel('Story (Markdown)').fill('## Only a preview\n\n- one\n- two');
    await page.getByRole('button', { name: 'Preview story' }).click();
    const storyPreview = page.getByRole('region', { name: 'Story preview' });
    await expect(storyPreview.getByRole('heading', { name: 'Only a preview' })).toBeVisible();
    await expect(storyPreview.getByRole('listitem')).toHaveCount(2);
    await expect(page.getByText('Preview only: nothing was saved.')).toBeVisible();
    await page.goto(page.url());
    await expect(page.getByLabel('Story (Markdown)')).toHaveValue(saved);
  });
});

test('settings: routing letters to the coalition inbox needs the inbox set first', async ({ staffPage }) => {
  const page = await staffPage('owner');
  await page.goto(editorUrl);
  const routedBefore = await page.getByLabel('Where letters go').inputValue();
  await page.getByLabel('Where letters go').selectOption({ label: 'The coalition’s delivery inbox (for hand delivery)' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Set the coalition’s delivery inbox under Organisations before routing letters to it.')).toBeVisible();

  await page.goto('/dashboard/organisations');
  await page.getByLabel('Delivery inbox email').fill(uniqueEmail('coalition-inbox'));
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(editorUrl);
  await page.getByLabel('Where letters go').selectOption({ label: 'The coalition’s delivery inbox (for hand delivery)' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();

  // Put things back: with an inbox on file, every campaign's letters to offices without an address
  // go there (the routing's fallback), and letters.spec expects the supporter to send them.
  await page.getByLabel('Where letters go').selectOption(routedBefore);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();
  await page.goto('/dashboard/organisations');
  await page.getByLabel('Delivery inbox email').fill('');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
});

test('treaties: a new treaty, chosen for a campaign, and its recorded consent show on the public page at once', async ({ staffPage }) => {
  // A treaty of its own, so the demo treaty (which other specs read) keeps its stage.
  const shortName = `Test Treaty ${RUN}`;
  const page = await staffPage('owner');
  await page.goto('/dashboard/treaties');
  await page.getByRole('link', { name: 'Add a treaty' }).click();
  await page.getByLabel('Full name').fill(`Convention for end-to-end testing ${RUN}`);
  await page.getByLabel('Short name').fill(shortName);
  await page.getByLabel('Stage reached').selectOption({ label: 'Before the Foreign Relations Committee' });
  await page.getByRole('button', { name: 'Add treaty' }).click();
  await expect(page.getByText('Enter the date it reached that stage, as YYYY-MM-DD.')).toBeVisible();
  await expect(page.getByLabel('Short name')).toHaveValue(shortName);
  await page.getByLabel('Reached on').fill('2026-01-12');
  await page.getByRole('button', { name: 'Add treaty' }).click();
  await expect(page.getByRole('heading', { level: 1, name: shortName })).toBeVisible();
  await expect(page.getByText('Current stage: Before the Foreign Relations Committee')).toBeVisible();

  await page.goto(editorUrl);
  await page.getByLabel('Treaty', { exact: true }).selectOption({ label: shortName });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changes saved.' })).toBeVisible();

  await page.goto('/dashboard/treaties');
  await page.getByRole('table').getByRole('link', { name: shortName }).click();
  await expect(page.getByRole('heading', { name: 'Record a step' })).toBeVisible();
  await page.getByLabel('Stage').selectOption({ label: 'Senate consent given' });
  await page.getByLabel('Date').fill('2026-06-18');
  await page.getByLabel('Note').fill('Consent given by 71 votes to 28.');
  await page.getByLabel('Source title').fill('Congressional Record');
  await page.getByLabel('Source link').fill('https://www.congress.gov/congressional-record');
  await page.getByRole('button', { name: 'Record this step' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Step recorded.' })).toBeVisible();
  await expect(page.getByText('Current stage: Senate consent given')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.context().clearCookies();
  await page.goto(`/c/${slug}`);
  await expect(page.getByText(shortName).first()).toBeVisible();
  await expect(page.getByText('Current stage: Senate consent given')).toBeVisible();
  await expect(page.getByText('Consent given by 71 votes to 28.')).toBeVisible();
});
