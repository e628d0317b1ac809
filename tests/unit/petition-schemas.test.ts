import { describe, expect, it } from 'vitest';
import { readActionSource } from '@/lib/campaigns/read-action-source';
import { SignPetitionInput } from '@/lib/petitions/schemas';
import { EmailField, FirstNameField, ZipField } from '@/lib/supporters/schemas';

const base = { campaignSlug: 'c', firstName: 'A', lastName: 'B', email: 'a@b.org', zip: '20002' };

describe('petition schemas', () => {
  it('normalises email, ZIP+4 and the opt-in checkbox', () => {
    const out = SignPetitionInput.parse({ ...base, email: ' A@B.Org ', zip: '200021234', optIn: 'on' });
    expect(out).toMatchObject({ email: 'a@b.org', zip: '20002-1234', optIn: true });
    expect(out.comment).toBeUndefined();
    expect(SignPetitionInput.parse(base).optIn).toBe(false);
  });

  it('counts emoji as one character each', () => {
    expect(FirstNameField.safeParse('😀'.repeat(80)).success).toBe(true);
    expect(FirstNameField.safeParse('😀'.repeat(81)).success).toBe(false);
  });

  it('gives plain-English messages', () => {
    expect(EmailField.safeParse('').error?.issues[0].message).toBe('Enter your email address.');
    expect(ZipField.safeParse('2000').error?.issues[0].message).toMatch(/5-digit ZIP/);
    expect(FirstNameField.safeParse('a\nb').error?.issues[0].message).toMatch(/line breaks/);
  });

  it('treats a blank comment as none and keeps line breaks in a real one', () => {
    expect(SignPetitionInput.parse({ ...base, comment: '   ' }).comment).toBeUndefined();
    expect(SignPetitionInput.parse({ ...base, comment: 'a\r\nb' }).comment).toBe('a\nb');
  });

  it('reads ?source= from the form, else from a same-page Referer', () => {
    expect(readActionSource('Email', null)).toBe('email');
    expect(readActionSource('', 'http://localhost:3000/c/x?source=bluesky')).toBe('bluesky');
    expect(readActionSource(undefined, 'http://localhost:3000/c/x?source=%3Cscript%3E')).toBeUndefined();
    expect(readActionSource(undefined, 'not a url')).toBeUndefined();
  });
});
