import { describe, expect, it } from 'vitest';
import { TemplateError, renderEmail, sanitizeSubject } from '@/lib/email/render';

const letter = {
  subject: 'Please ratify',
  body: 'Dear Senator,\n\n<script>alert("x")</script> & <b>bold</b>\nsecond line\n\nThanks',
  supporterName: 'Maya <img src=x onerror=alert(1)>',
  supporterEmail: 'maya@example.org',
  supporterCity: 'Oakland',
  supporterState: 'CA',
  senatorName: 'Sen. Padilla',
  campaignTitle: 'Ratify the CRC',
  coalitionName: 'Child Rights Coalition',
};

describe('renderEmail', () => {
  it('escapes what supporters typed and keeps their paragraphs', async () => {
    const r = await renderEmail('letter-to-senator', letter);
    expect(r.html).not.toContain('<script>');
    expect(r.html).not.toContain('<img src=x');
    expect(r.html).not.toContain('<b>bold</b>');
    expect(r.html).toContain('&lt;script&gt;');
    expect(r.html).toContain('second line');
    expect(r.html).toMatch(/&lt;b&gt;bold&lt;\/b&gt;\s*(<!-- -->)?\s*<\/span><span><br\/?>/);
    expect(r.text).toContain('<script>alert("x")</script>'); // plain text is not HTML
    expect(r.html).toContain('sent on their behalf via');
    expect(r.replyTo).toBe('maya@example.org');
    expect(r.headers).toEqual({});
  });

  it('cannot put a line break into the subject header', async () => {
    expect(sanitizeSubject('Hello\r\nBcc: victim@example.org\n')).toBe('Hello Bcc: victim@example.org');
    // Props are validated again at render time, so a row written around enqueueEmail cannot inject either.
    await expect(renderEmail('letter-to-senator', { ...letter, subject: 'Hi\r\nBcc: x@example.org' })).rejects.toBeInstanceOf(
      TemplateError,
    );
    const r = await renderEmail('campaign-update', {
      firstName: 'Maya',
      subject: 'Hearing scheduled',
      bodyText: 'News',
      unsubscribeUrl: 'http://localhost:3000/unsubscribe/abc',
      coalitionName: 'CRC',
    });
    expect(r.subject).toBe('Hearing scheduled');
    expect(r.headers).toEqual({
      'List-Unsubscribe': '<http://localhost:3000/api/unsubscribe/abc>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(r.html).toContain('href="http://localhost:3000/unsubscribe/abc"');
  });

  it('refuses unknown templates', async () => {
    await expect(renderEmail('nope', {})).rejects.toBeInstanceOf(TemplateError);
  });
});
