import { describe, expect, it } from 'vitest';
import { embedColours, embedSecurityHeaders, embedSource } from '@/lib/embeds/embed-headers';

describe('embed headers', () => {
  it('keeps the site policy but with frame-ancestors from the allowlist and no X-Frame-Options', () => {
    const h = embedSecurityHeaders('https://partner.example', false);
    expect(h['Content-Security-Policy']).toContain('frame-ancestors https://partner.example');
    expect(h['Content-Security-Policy']).toContain("default-src 'self'");
    expect(h['Content-Security-Policy']).not.toContain('unsafe-eval');
    expect(h).not.toHaveProperty('X-Frame-Options');
  });

  it('names the embedding host as the source, and validates colours', () => {
    expect(embedSource('https://www.Partner.example/page?x=1', 'https://act.example')).toBe('embed:www.partner.example');
    expect(embedSource('https://act.example/c/x', 'https://act.example')).toBe('embed');
    expect(embedSource(null, 'https://act.example')).toBe('embed');
    expect(embedColours({ accent: '#1D4ED8', bg: 'fff', text: 'red;}body{display:none' })).toEqual({ '--embed-accent': '#1d4ed8', '--embed-bg': '#fff' });
  });
});
