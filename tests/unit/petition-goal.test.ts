import { describe, expect, it } from 'vitest';
import { displayGoal, niceCeil } from '@/lib/petitions/display-goal';

describe('displayGoal', () => {
  it('shows the stored goal until it is reached', () => {
    expect(displayGoal(0, 5000, true)).toBe(5000);
    expect(displayGoal(4999, 5000, true)).toBe(5000);
  });

  it('steps up to the next nice number at least 1.5× once reached', () => {
    expect(displayGoal(5000, 5000, true)).toBe(7500);
    expect(displayGoal(7600, 5000, true)).toBe(15000);
    expect(displayGoal(1000, 1000, true)).toBe(1500);
    expect(displayGoal(1500, 1000, true)).toBe(2500);
    expect(displayGoal(123_456, 100, true)).toBeGreaterThan(123_456);
  });

  it('never steps when auto-step is off, and survives odd goals', () => {
    expect(displayGoal(9000, 5000, false)).toBe(5000);
    expect(displayGoal(5, 0, true)).toBeGreaterThan(5);
    expect(displayGoal(1234, 1234, true)).toBe(2000);
  });

  it('rounds to nice numbers', () => {
    expect([1, 7, 12, 26, 333, 4100, 9001].map(niceCeil)).toEqual([1, 10, 15, 30, 400, 5000, 10000]);
  });
});
