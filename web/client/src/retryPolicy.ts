/**
 * An agent's panel never gives up on the server: the delays are used in turn and the last one
 * repeats forever, each with a little jitter so that a restarted server is not hit by every
 * panel in the same millisecond. Mirrors Switchboard.Client's ForeverRetryPolicy.
 */
export class ForeverRetryPolicy {
  static readonly defaultDelaysMs: readonly number[] = [0, 1000, 2000, 5000, 10000];

  constructor(
    private readonly delaysMs: readonly number[] = ForeverRetryPolicy.defaultDelaysMs,
    private readonly jitterMs = 250,
    private readonly random: () => number = Math.random,
  ) {
    if (delaysMs.length === 0) throw new RangeError('ForeverRetryPolicy needs at least one delay.');
  }

  /** The wait before attempt number `previousRetryCount + 1`; never null, so retries never stop. */
  nextRetryDelayInMilliseconds(context: { previousRetryCount: number }): number {
    const index = Math.min(context.previousRetryCount, this.delaysMs.length - 1);
    return this.delaysMs[index]! + Math.floor(this.random() * this.jitterMs);
  }
}
