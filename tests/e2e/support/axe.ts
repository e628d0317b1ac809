import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

// WCAG 2.2 AA, the bar the project holds every page to.
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

/**
 * Run axe on the page as it is now; fails listing each violation with the elements it found.
 * Legacy mode runs axe once in the page itself. The default runs it per frame and then opens a new
 * blank page (a renderer process) to merge the frames' results, which only cross-origin frames need:
 * none of our pages has one (they may not frame other sites), and the merge cost about a second a
 * call on the 2-core runner (26 calls: 60 s of axe in legacy mode 38 s, the same violations found).
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
