import { describe, expect, it } from 'vitest';
import { MAILTO_MAX, WEB_COMPOSE_MAX, buildSelfSendLinks, safeWebUrl } from '@/lib/letters/self-send-links';

const subject = 'Please support the OPSC & ratify';
const body = 'Dear Senator Durbin,\n\nPlease act: 100% of us care. <b>#1</b>?\n\nAda';

describe('self-send links', () => {
  it('builds mailto, Gmail and Outlook links with subject and body URL-encoded, no recipient', () => {
    const l = buildSelfSendLinks({ subject, body, contactForm: 'https://www.durbin.senate.gov/contact/' });
    expect(l.mailto).toBe(
      `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\n/g, '\r\n'))}`,
    );
    expect(l.mailto).toContain('%0D%0A%0D%0APlease');
    expect(l.mailto).not.toMatch(/[ <>#\r\n]/);
    const gmail = new URL(l.gmail);
    expect(gmail.origin + gmail.pathname).toBe('https://mail.google.com/mail/');
    expect(gmail.searchParams.get('view')).toBe('cm');
    expect(gmail.searchParams.get('su')).toBe(subject);
    expect(gmail.searchParams.get('body')).toBe(body);
    expect(gmail.searchParams.has('to')).toBe(false);
    const outlook = new URL(l.outlook);
    expect(outlook.origin + outlook.pathname).toBe('https://outlook.office.com/mail/deeplink/compose');
    expect(outlook.searchParams.get('subject')).toBe(subject);
    expect(outlook.searchParams.get('body')).toBe(body);
    expect(l.contactForm).toBe('https://www.durbin.senate.gov/contact/');
    expect(l).toMatchObject({ mailtoHasBody: true, webHasBody: true });
  });

  it('round-trips through URL parsing for mailto', () => {
    const l = buildSelfSendLinks({ subject, body });
    const u = new URL(l.mailto);
    expect(u.protocol).toBe('mailto:');
    expect(u.pathname).toBe('');
    expect(new URLSearchParams(u.search).get('subject')).toBe(subject);
    expect(new URLSearchParams(u.search).get('body')).toBe(body.replace(/\n/g, '\r\n'));
  });

  it('drops the body from a link that would be too long, keeping the subject', () => {
    const long = 'word '.repeat(700); // ~3,500 characters: too long for mailto, fine for web compose
    const l = buildSelfSendLinks({ subject, body: long });
    expect(l.mailto.length).toBeLessThanOrEqual(MAILTO_MAX);
    expect(l.mailto).toBe(`mailto:?subject=${encodeURIComponent(subject)}`);
    expect(l.mailtoHasBody).toBe(false);
    expect(l.webHasBody).toBe(true);
    const huge = buildSelfSendLinks({ subject, body: 'é'.repeat(5000) });
    expect(huge.gmail.length).toBeLessThanOrEqual(WEB_COMPOSE_MAX);
    expect(huge.webHasBody).toBe(false);
  });

  it('keeps line breaks out of the subject', () => {
    const l = buildSelfSendLinks({ subject: 'a\r\nBcc: x@y', body: 'b' });
    expect(new URL(l.gmail).searchParams.get('su')).toBe('a Bcc: x@y');
  });

  it('only links http(s) contact forms', () => {
    expect(safeWebUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeWebUrl('not a url')).toBeUndefined();
    expect(buildSelfSendLinks({ subject, body, contactForm: 'javascript:alert(1)' }).contactForm).toBeUndefined();
    expect(safeWebUrl('https://example.senate.gov/contact')).toBe('https://example.senate.gov/contact');
  });
});
