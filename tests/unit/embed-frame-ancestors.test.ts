import { describe, expect, it } from 'vitest';
import { FRAME_ANCESTORS_MAX, FrameAncestorsField, parseFrameAncestors } from '@/lib/embeds/frame-ancestors';

const ok = (raw: string) => {
  const r = parseFrameAncestors(raw);
  if (!r.ok) throw new Error(`refused ${raw}: ${r.message}`);
  return r.value;
};
const refusal = (raw: string) => {
  const r = parseFrameAncestors(raw);
  if (r.ok) throw new Error(`accepted ${raw} as ${r.value}`);
  return r.message;
};

describe('the embed allowlist parser', () => {
  it('takes * alone, or http(s) origins normalised, and nothing for unset', () => {
    expect(ok('')).toBeNull();
    expect(ok('  \n ')).toBeNull();
    expect(ok(' * ')).toBe('*');
    expect(ok('https://Partner.Example/\nhttp://localhost:8080, https://x.example:443 https://partner.example')).toBe(
      'https://partner.example http://localhost:8080 https://x.example',
    );
    expect(ok('https://bücher.example http://127.0.0.1:3100')).toBe('https://xn--bcher-kva.example http://127.0.0.1:3100');
  });

  it('refuses anything that is not an origin, naming the entry', () => {
    for (const bad of [
      'partner.example',
      'ftp://partner.example',
      'https://partner.example/page',
      'https://partner.example?x=1',
      'https://partner.example#top',
      'https://user@partner.example',
      "'self'",
      "'none'",
      'https://ok.example;script-src',
      'javascript:alert(1)',
      'https://*.partner.example',
      'https://[::1]',
    ]) {
      expect(refusal(`https://ok.example ${bad}`), bad).toContain(`“${bad.split(/[\s,]+/)[0]}”`);
    }
    expect(refusal('* https://ok.example')).toMatch(/\* on its own/);
    expect(refusal(Array.from({ length: FRAME_ANCESTORS_MAX + 1 }, (_, i) => `https://s${i}.example`).join(' '))).toMatch(/at most/);
  });

  it('as a zod field: the normalised value, or a field error', () => {
    expect(FrameAncestorsField.parse('https://A.example/')).toBe('https://a.example');
    expect(FrameAncestorsField.parse(undefined)).toBeNull();
    const r = FrameAncestorsField.safeParse('https://a.example/x');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toContain('“https://a.example/x” is not a site’s origin');
  });
});
