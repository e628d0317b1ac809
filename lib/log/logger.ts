import pino from 'pino';

// Personal data never goes into logs: these keys are redacted wherever they appear.
const redact = [
  '*.email',
  '*.toAddress',
  '*.to',
  '*.firstName',
  '*.lastName',
  '*.password',
  '*.token',
  '*.authorization',
  '*.cookie',
  'email',
  'token',
];

const g = globalThis as unknown as { __ratifyLogger?: pino.Logger };

export const logger: pino.Logger =
  g.__ratifyLogger ??
  (g.__ratifyLogger = pino({
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    redact: { paths: redact, censor: '[redacted]' },
    base: { app: 'ratify' },
  }));
