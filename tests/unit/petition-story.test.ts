import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CampaignStory } from '@/components/campaign/campaign-story';
import { shareUrl } from '@/components/campaign/share-links';
import { STAGE_COPY, formatDay, safeHttpUrl, senateVoteContext } from '@/components/campaign/stage-copy';

const render = (markdown: string) => renderToStaticMarkup(createElement(CampaignStory, { markdown }));

describe('campaign story markdown', () => {
  it('renders Markdown and GFM but never raw HTML', () => {
    const html = render('## Why\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n**bold**');
    expect(html).toContain('<h2>Why</h2>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<table>');
    expect(html).not.toMatch(/<script|<img|onerror/);
  });

  it('keeps only safe links, marks external ones, and shows no images', () => {
    const html = render(
      '[ok](https://example.org/x) [bad](javascript:alert(1)) [data](data:text/html,hi) [proto](//evil.example) [local](/c/x) [mail](mailto:a@b.org) ![pic](https://tracker.example/p.gif)',
    );
    expect(html).toContain('<a href="https://example.org/x" rel="noopener noreferrer nofollow">ok</a>');
    expect(html).toContain('<a href="/c/x">local</a>');
    expect(html).toContain('<a href="mailto:a@b.org">mail</a>');
    expect(html).not.toMatch(/javascript:|data:text|evil\.example|tracker\.example|<img/);
  });

  it('demotes a Markdown h1 below the page title', () => {
    expect(render('# Title')).toBe('<div class="prose-story"><h2>Title</h2></div>');
  });
});

describe('treaty stage copy', () => {
  it('describes every stored stage, and the 67-vote rule only where it still applies', () => {
    for (const stage of Object.keys(STAGE_COPY) as (keyof typeof STAGE_COPY)[]) {
      expect(STAGE_COPY[stage].now.length).toBeGreaterThan(10);
    }
    expect(STAGE_COPY.ratified.now).toBe('The United States has ratified the treaty.');
    expect(senateVoteContext('in_committee')).toMatch(/two-thirds vote of the senators present\.$/);
    expect(senateVoteContext('in_committee', { seats: 100, vacant: 1, absent: 1, present: 98, needed: 66 })).toMatch(
      /today 98 senators present: 66 votes needed\.$/,
    );
    expect(senateVoteContext('ratified')).not.toMatch(/needs/);
    expect(senateVoteContext('withdrawn')).toBeNull();
  });

  it('formats days without a time-zone shift and only links http(s) sources', () => {
    expect(formatDay('2000-07-05')).toBe('July 5, 2000');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('https://undocs.org/A/RES/54/263')).toBe('https://undocs.org/A/RES/54/263');
  });

  it('tags share links with their channel', () => {
    expect(shareUrl('https://act.example.org/c/x', 'bluesky')).toBe('https://act.example.org/c/x?source=bluesky');
  });
});
