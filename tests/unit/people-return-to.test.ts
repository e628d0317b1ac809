import { describe, expect, it } from 'vitest';
import { peopleReturnPath } from '@/lib/people/return-to';

describe('peopleReturnPath', () => {
  it('keeps people pages and their query, and refuses anything else', () => {
    expect(peopleReturnPath('/dashboard/people?q=ada&state=NY', { moderated: 'approve' })).toBe(
      '/dashboard/people?q=ada&state=NY&moderated=approve',
    );
    expect(peopleReturnPath('/dashboard/people/0b6b3c1e-6d1f-4f57-9a57-3c8b2f1d9e10')).toBe(
      '/dashboard/people/0b6b3c1e-6d1f-4f57-9a57-3c8b2f1d9e10',
    );
    for (const bad of ['https://evil.example/dashboard/people', '//evil.example/dashboard/people', '/dashboard/team', '/dashboard/people/../team', null, 42]) {
      expect(peopleReturnPath(bad)).toBe('/dashboard/people');
    }
  });
});
