import { afterEach, describe, expect, it } from 'vitest';
import { CtiModel } from '../src/ctiModel.js';
import type { CtiEventName } from '../src/contract/names.js';
import type { LockManagerLike } from '../src/webPhone/tabLeadership.js';
import { WebPhoneTransport } from '../src/webPhone/webPhoneTransport.js';
import { fakeUaFactory, settle } from './fakeJsSip.js';

/** The Web Locks API as one browser profile has it: one holder per name, waiters served in turn. */
class MemoryLocks implements LockManagerLike {
  private readonly holders = new Set<string>();
  private readonly waiters = new Map<string, (() => void)[]>();

  async request(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => Promise<unknown>): Promise<unknown> {
    if (this.holders.has(name)) {
      if (options.ifAvailable) return callback(null);
      await new Promise<void>((resolve, reject) => {
        const queue = this.waiters.get(name) ?? [];
        queue.push(resolve);
        this.waiters.set(name, queue);
        options.signal?.addEventListener('abort', () => reject(new Error('AbortError')));
      });
    }

    this.holders.add(name);
    try {
      return await callback({ name });
    } finally {
      this.holders.delete(name);
      const next = this.waiters.get(name)?.shift();
      if (next) {
        this.holders.add(name);
        next();
      }
    }
  }
}

const user = { id: 'u1', login: 'ann', displayName: 'Ann', role: 'agent' as const };
const account = { address: 'sip:201@pbx.test', authUser: '201', password: 'secret', webSocketUrl: 'wss://pbx.test/ws' };
const open: WebPhoneTransport[] = [];

function tab(locks: LockManagerLike, uas: ReturnType<typeof fakeUaFactory>, name: string) {
  const heard: { name: CtiEventName; payload: any }[] = [];
  const leadership: boolean[] = [];
  const transport = new WebPhoneTransport({
    user,
    account: async () => account,
    locks,
    createUa: uas.create,
    page: null,
    storage: null,
    tabId: name,
    onLeadershipChanged: (holds) => leadership.push(holds),
  });
  open.push(transport);
  const model = new CtiModel(transport);
  for (const event of ['initialized', 'activeCallSnapshot', 'callStarted', 'callFinished', 'commutationStarted'] as const) {
    model.on(event, (payload) => heard.push({ name: event, payload }));
  }

  return { transport, model, heard, leadership, names: () => heard.map((e) => e.name) };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }

  throw new Error(`Timed out waiting for ${what}`);
}

afterEach(async () => {
  for (const transport of open.splice(0)) await transport.stop();
});

describe('one phone per user, however many tabs', () => {
  it('registers in the first tab only; the second shows its calls, controls them through it, and takes over when it closes', async () => {
    const locks = new MemoryLocks();
    const uas = fakeUaFactory();
    const first = tab(locks, uas, 'tab-1');
    const firstStarted = first.model.start();
    await until(() => uas.made.length === 1, 'the first registration');
    uas.last.registered();
    await firstStarted;
    expect(first.transport.holdsPhone).toBe(true);

    const second = tab(locks, uas, 'tab-2');
    await second.model.start();
    await until(() => second.names().includes('activeCallSnapshot'), 'the second tab to learn the state');
    expect(second.transport.holdsPhone).toBe(false);
    expect(second.leadership).toEqual([false]);
    expect(second.model.connectionState).toBe('connected');
    expect(uas.made).toHaveLength(1); // one registration, so one ring

    const session = uas.last.ring('555', { callId: 'x@pbx' });
    await until(() => second.names().includes('callStarted'), 'the call in the second tab');
    expect(first.names()).toContain('callStarted');
    const callId = second.heard.find((e) => e.name === 'callStarted')?.payload.id as string;

    await second.model.answerCall(callId);
    expect(session.answeredWith).toBeDefined();
    await expect(second.model.holdCall(callId)).rejects.toThrow('cannot be held now');

    // The first tab closes: its call ends with it (a BYE), the second tab hears that, then holds the phone.
    await first.transport.stop();
    await until(() => second.names().includes('callFinished'), 'the call to end in the second tab');
    await until(() => uas.made.length === 2, 'the second tab to register');
    expect(second.transport.holdsPhone).toBe(true);
    uas.last.registered();
    await until(() => second.names().filter((n) => n === 'initialized').length === 2, 'initialized from the new phone');
    const snapshots = second.heard.filter((e) => e.name === 'activeCallSnapshot');
    expect(snapshots.at(-1)?.payload.calls).toEqual([]);
    expect(second.leadership).toEqual([false, true]);
  });

  it('a command the phone tab refuses is refused in the other tab with the same reason', async () => {
    const locks = new MemoryLocks();
    const uas = fakeUaFactory();
    const first = tab(locks, uas, 'tab-1');
    const started = first.model.start();
    await until(() => uas.made.length === 1, 'registration');
    uas.last.registered();
    await started;
    const second = new WebPhoneTransport({ user, account, locks, createUa: uas.create, page: null, storage: null, tabId: 'tab-2', commandTimeoutMs: 50 });
    open.push(second);
    const model = new CtiModel(second);
    await model.start();
    await until(() => second.state === 'connected', 'the second tab to connect');
    await expect(model.dropCall('no-such-call')).rejects.toThrow('no such call');
    await settle();
  });
});
