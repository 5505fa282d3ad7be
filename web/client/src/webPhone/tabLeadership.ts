/** The part of the Web Locks API (navigator.locks) used here; tests pass a fake. */
export interface LockManagerLike {
  request(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => Promise<unknown>): Promise<unknown>;
}

/**
 * One tab per user holds the phone: the holder of a Web Lock, which the browser releases by
 * itself when that tab closes or crashes, so the next tab waiting for it takes over. Without
 * the Web Locks API (old browsers) every tab is its own leader.
 */
export class TabLeadership {
  private release: (() => void) | undefined;
  private readonly abort = new AbortController();
  private leader = false;

  constructor(
    private readonly name: string,
    private readonly locks: LockManagerLike | null = defaultLocks(),
  ) {}

  get isLeader(): boolean {
    return this.leader;
  }

  /** 'leader' at once if no tab holds the phone; otherwise 'follower', and `takeOver` runs when this tab's turn comes. */
  claim(takeOver: () => void): Promise<'leader' | 'follower'> {
    const locks = this.locks;
    if (!locks) {
      this.leader = true;
      return Promise.resolve('leader');
    }

    return new Promise((resolve, reject) => {
      locks
        .request(this.name, { ifAvailable: true }, (lock) => {
          if (!lock) {
            resolve('follower');
            this.wait(locks, takeOver);
            return Promise.resolve();
          }

          this.leader = true;
          resolve('leader');
          return this.holdUntilReleased();
        })
        .catch(reject);
    });
  }

  /** Gives the phone up (sign-out, the page closing) or stops waiting for it. */
  resign(): void {
    this.leader = false;
    this.abort.abort();
    this.release?.();
    this.release = undefined;
  }

  private wait(locks: LockManagerLike, takeOver: () => void): void {
    locks
      .request(this.name, { signal: this.abort.signal }, () => {
        this.leader = true;
        takeOver();
        return this.holdUntilReleased();
      })
      .catch(() => undefined); // aborted by resign()
  }

  private holdUntilReleased(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.release = resolve;
    });
  }
}

function defaultLocks(): LockManagerLike | null {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  return locks ?? null;
}
