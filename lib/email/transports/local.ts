import { randomUUID } from 'node:crypto';
import type { EmailTransport } from './types';

/**
 * Delivers nowhere: the drainer keeps the rendered copy on the outbox row, which the dev mailbox
 * (/dev/mailbox) and e2e tests read.
 */
export function createLocalTransport(): EmailTransport {
  return {
    name: 'local',
    async send() {
      return { id: `local-${randomUUID()}` };
    },
  };
}
