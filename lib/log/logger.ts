import pino from 'pino';
import { serializeError } from './safe-error';

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

/** Every logger's options; tests build one on their own stream to read what would be written. */
export const loggerOptions: pino.LoggerOptions = {
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  redact: { paths: redact, censor: '[redacted]' },
  // Database errors carry bound parameter values (names, emails): see safe-error.ts.
  serializers: { err: serializeError, error: serializeError, cause: serializeError },
  base: { app: 'ratify' },
};

const g = globalThis as unknown as { __ratifyLogger?: pino.Logger };

export const logger: pino.Logger = g.__ratifyLogger ?? (g.__ratifyLogger = pino(loggerOptions));
