import { randomUUID } from 'node:crypto';
import type { CwcLetterInput } from '@/lib/letters/cwc/build-cwc-message';
import type { CwcConfig } from '@/lib/env';

// A letter as the CWC builder receives it: a Minnesota constituent writing to Amy Klobuchar's seat
// (class 1 → SMN01). Override any part per test.

export const CWC_TEST_CONFIG: CwcConfig = {
  apiKey: 'test-key-7f3a9c',
  baseUrl: 'http://127.0.0.1:9/api/testing-messages/',
  deliveryAgent: 'Ratify Test Coalition',
  deliveryAgentAckEmail: 'cwc-acks@coalition.example.org',
  contactName: 'Dana Whitfield',
  contactEmail: 'tech@coalition.example.org',
  contactPhone: '202-555-0143',
};

type Overrides = {
  letter?: Partial<CwcLetterInput['letter']>;
  constituent?: Partial<CwcLetterInput['constituent']>;
  senator?: Partial<CwcLetterInput['senator']>;
  campaign?: Partial<CwcLetterInput['campaign']>;
  delivery?: Partial<CwcLetterInput['delivery']>;
  generation?: number;
  now?: Date;
};

export function cwcLetter(o: Overrides = {}): CwcLetterInput {
  return {
    letter: {
      id: randomUUID(),
      subject: 'Please support ratification of the OPSC',
      body: 'Dear Senator Klobuchar,\n\nI urge you to vote for ratification.\n\nThank you.',
      ...o.letter,
    },
    constituent: {
      prefix: 'Ms.',
      firstName: 'Jordan',
      lastName: 'Lee',
      street: '1200 Hennepin Ave',
      city: 'Minneapolis',
      state: 'MN',
      zip: '55403',
      email: 'jordan.lee@example.org',
      emailVerified: true,
      ...o.constituent,
    },
    senator: { state: 'MN', senateClass: 1, cwcOfficeCode: null, cwcEnabled: true, ...o.senator },
    campaign: {
      id: randomUUID(),
      topic: 'International Affairs',
      proOrCon: 'pro',
      organisation: { name: 'Coalition for Child Rights', contactEmail: 'info@coalition.example.org', about: null },
      ...o.campaign,
    },
    delivery: { ...CWC_TEST_CONFIG, ...o.delivery },
    generation: o.generation,
    now: o.now,
  };
}
