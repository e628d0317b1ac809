import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cwcConfig, cwcEnabled, env, normaliseUsPhone, resetEnvCache } from '@/lib/env';

const saved = { ...process.env };
const CWC_VARS = [
  'CWC_API_KEY', 'CWC_BASE_URL', 'CWC_DELIVERY_AGENT', 'CWC_DELIVERY_AGENT_EMAIL',
  'CWC_DELIVERY_AGENT_CONTACT_NAME', 'CWC_DELIVERY_AGENT_CONTACT_EMAIL', 'CWC_DELIVERY_AGENT_CONTACT_PHONE',
];
const VALID = {
  CWC_API_KEY: 'abc123DEF',
  CWC_BASE_URL: 'https://soapbox.senate.gov/api/testing-messages/',
  CWC_DELIVERY_AGENT: 'Coalition for Child Rights',
  CWC_DELIVERY_AGENT_EMAIL: 'cwc-acks@coalition.example.org',
  CWC_DELIVERY_AGENT_CONTACT_NAME: 'Dana Whitfield',
  CWC_DELIVERY_AGENT_CONTACT_EMAIL: 'tech@coalition.example.org',
  CWC_DELIVERY_AGENT_CONTACT_PHONE: '(202) 555-0143',
};

function startWith(vars: Record<string, string>) {
  Object.assign(process.env, vars);
  resetEnvCache();
}

function startupError(vars: Record<string, string>): string {
  startWith(vars);
  try {
    env();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

beforeEach(() => {
  for (const v of CWC_VARS) delete process.env[v];
  resetEnvCache();
});
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

describe('CWC configuration', () => {
  it('is off without a key, whatever else is set (an empty key counts as none)', () => {
    startWith({ CWC_BASE_URL: 'not even a url', CWC_DELIVERY_AGENT_CONTACT_PHONE: '12' });
    expect(cwcConfig()).toBeNull();
    expect(cwcEnabled()).toBe(false);
    startWith({ ...VALID, CWC_API_KEY: '  ' });
    expect(cwcEnabled()).toBe(false);
  });

  it('with a key, needs every other variable and names each one missing', () => {
    const message = startupError({ CWC_API_KEY: 'abc123' });
    for (const v of CWC_VARS.slice(1)) expect(message).toMatch(new RegExp(`${v}: is required when CWC_API_KEY is set`));
    expect(message).toMatch(/See \.env\.example/);
  });

  it('gives the channel its settings, the phone written as CWC wants it', () => {
    startWith(VALID);
    expect(cwcEnabled()).toBe(true);
    expect(cwcConfig()).toEqual({
      apiKey: 'abc123DEF',
      baseUrl: 'https://soapbox.senate.gov/api/testing-messages/',
      deliveryAgent: 'Coalition for Child Rights',
      deliveryAgentAckEmail: 'cwc-acks@coalition.example.org',
      contactName: 'Dana Whitfield',
      contactEmail: 'tech@coalition.example.org',
      contactPhone: '202-555-0143',
    });
    // A test server on this machine may be plain http.
    startWith({ ...VALID, CWC_BASE_URL: 'http://127.0.0.1:4010/api/testing-messages/' });
    expect(cwcConfig()?.baseUrl).toBe('http://127.0.0.1:4010/api/testing-messages/');
  });

  it('refuses values the Senate would refuse, by name', () => {
    const message = startupError({
      ...VALID,
      CWC_API_KEY: 'abc 123',
      CWC_BASE_URL: 'http://soapbox.senate.gov/api/testing-messages/?apikey=abc',
      CWC_DELIVERY_AGENT_EMAIL: 'acks@localhost',
      CWC_DELIVERY_AGENT_CONTACT_EMAIL: 'not-an-email',
      CWC_DELIVERY_AGENT_CONTACT_NAME: 'Al Li',
      CWC_DELIVERY_AGENT_CONTACT_PHONE: '555-0143',
    });
    expect(message).toMatch(/CWC_API_KEY: must not contain spaces/);
    expect(message).toMatch(/CWC_BASE_URL: must be an https:\/\/ URL/);
    expect(message).toMatch(/CWC_BASE_URL: must not contain a query/);
    expect(message).toMatch(/CWC_DELIVERY_AGENT_EMAIL: must be an email address/);
    expect(message).toMatch(/CWC_DELIVERY_AGENT_CONTACT_EMAIL: must be an email address/);
    expect(message).toMatch(/CWC_DELIVERY_AGENT_CONTACT_NAME: must be at least 6 characters/);
    expect(message).toMatch(/CWC_DELIVERY_AGENT_CONTACT_PHONE: must be a 10-digit US phone number/);
    expect(startupError({ ...VALID, CWC_BASE_URL: 'soapbox.senate.gov' })).toMatch(/CWC_BASE_URL: must be an absolute URL/);
  });
});

describe('normaliseUsPhone', () => {
  it('writes ten digits as xxx-xxx-xxxx and refuses anything else', () => {
    expect(normaliseUsPhone('202-555-0143')).toBe('202-555-0143');
    expect(normaliseUsPhone('+1 (202) 555.0143')).toBe('202-555-0143');
    expect(normaliseUsPhone('2025550143')).toBe('202-555-0143');
    expect(normaliseUsPhone('555-0143')).toBeNull();
    expect(normaliseUsPhone('+44 20 7946 0958')).toBeNull();
    expect(normaliseUsPhone('202-555-0143 ext 4')).toBeNull();
  });
});
