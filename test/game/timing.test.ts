import { describe, expect, it } from 'vitest';
import { closeAt, isLate, MAX_GRACE_MS, oneWayMs, responseTimeMs, RTT_SAMPLES, trustedRtt, withRtt } from '../../server/game/timing.js';

describe('fair timing', () => {
  it('takes half the round trip off the measured response time, never below zero', () => {
    expect(responseTimeMs(1_000, 3_000, 400)).toBe(1_800);
    expect(responseTimeMs(1_000, 1_100, 400)).toBe(0);
  });

  it('caps the forgiven one-way latency at 250 ms, all of a 500 ms round trip', () => {
    expect(MAX_GRACE_MS).toBe(250);
    expect(oneWayMs(500)).toBe(250);
    expect(oneWayMs(3_000)).toBe(250);
    expect(responseTimeMs(0, 5_000, 3_000)).toBe(4_750);
  });

  it('accepts an answer up to the deadline plus the player own one-way latency', () => {
    expect(isLate(10_200, 10_000, 400)).toBe(false);
    expect(isLate(10_201, 10_000, 400)).toBe(true);
    expect(isLate(10_001, 10_000, 0)).toBe(true);
    expect(isLate(10_251, 10_000, 5_000)).toBe(true);
  });

  it('closes the question only after the largest grace has passed', () => {
    expect(closeAt(10_000)).toBe(10_250);
  });
});

describe('the round trip we credit', () => {
  const measure = (rtts: number[]) => rtts.reduce<number[]>((kept, rtt) => withRtt(kept, rtt), []);

  it('is nothing before any heartbeat, and the smallest recent round trip after', () => {
    expect(trustedRtt([])).toBe(0);
    expect(trustedRtt(measure([420, 380, 510]))).toBe(380);
  });

  it('does not credit a sudden jump until it has repeated through every kept sample', () => {
    const steady = [40, 40, 40, 40];
    expect(trustedRtt(measure([...steady, 1_500]))).toBe(40);
    expect(trustedRtt(measure([...steady, 1_500, 1_500]))).toBe(40);
    expect(RTT_SAMPLES).toBe(3);
    expect(trustedRtt(measure([...steady, 1_500, 1_500, 1_500]))).toBe(1_500);
  });

  it('credits a steadily slow link in full', () => {
    expect(trustedRtt(measure([505, 498, 512, 501]))).toBe(498);
  });
});
