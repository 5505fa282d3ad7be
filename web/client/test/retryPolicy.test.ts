import { describe, expect, it } from 'vitest';
import { ForeverRetryPolicy } from '../src/index.js';

describe('ForeverRetryPolicy', () => {
  it('uses the delays in turn and repeats the last one forever, with jitter', () => {
    const policy = new ForeverRetryPolicy([0, 1000, 5000], 250, () => 0.5);
    const delays = [0, 1, 2, 3, 1000].map((count) => policy.nextRetryDelayInMilliseconds({ previousRetryCount: count }));
    expect(delays).toEqual([125, 1125, 5125, 5125, 5125]);
  });

  it('needs at least one delay', () => {
    expect(() => new ForeverRetryPolicy([])).toThrow(RangeError);
  });
});
