// The e2e servers' per-connection limit on signatures and letter submissions
// (RATE_LIMIT_ACTIONS_PER_IP, 300 by default): the specs that prove the limit holds sign until it
// refuses, and 300 real signatures each (with their confirmation mail) were minutes of CPU.
// The default itself is proven in tests/integration/security-limits.test.ts.
export const E2E_ACTIONS_PER_IP = 20;
