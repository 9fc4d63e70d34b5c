import { describe, expect, it } from 'vitest';
import { closeAt, isLate, oneWayMs, responseTimeMs } from '../../server/game/timing.js';

describe('fair timing', () => {
  it('takes half the round trip off the measured response time, never below zero', () => {
    expect(responseTimeMs(1_000, 3_000, 400)).toBe(1_800);
    expect(responseTimeMs(1_000, 1_100, 400)).toBe(0);
  });

  it('caps the forgiven one-way latency at 500 ms', () => {
    expect(oneWayMs(3_000)).toBe(500);
    expect(responseTimeMs(0, 5_000, 3_000)).toBe(4_500);
  });

  it('accepts an answer up to the deadline plus the player own one-way latency', () => {
    expect(isLate(10_200, 10_000, 400)).toBe(false);
    expect(isLate(10_201, 10_000, 400)).toBe(true);
    expect(isLate(10_001, 10_000, 0)).toBe(true);
    expect(isLate(10_600, 10_000, 5_000)).toBe(true);
  });

  it('closes the question only after the largest grace has passed', () => {
    expect(closeAt(10_000)).toBe(10_500);
  });
});
