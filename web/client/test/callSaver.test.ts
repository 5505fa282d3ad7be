import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallDto } from '../src/contract/call.js';
import type { CallSavedEvent } from '../src/contract/events.js';
import { CallSaver } from '../src/webPhone/callSaver.js';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

function call(state: CallDto['state'], extra: Partial<CallDto> = {}): CallDto {
  return {
    id: 'call-1',
    pbxCallId: 'abc@pbx',
    conversationId: 'abc@pbx',
    line: '201',
    direction: 'incoming',
    callerNumber: '555',
    calleeNumber: '201',
    state,
    startedAt: '2026-11-28T10:00:00.000Z',
    timeBeforeConnectionSeconds: 0,
    durationSeconds: 0,
    talkSeconds: 0,
    holdSeconds: 0,
    candidates: [],
    muted: false,
    isListening: false,
    operations: {} as CallDto['operations'],
    ...extra,
  };
}

const unreachable = Object.assign(new Error('The server cannot be reached.'), { status: 0 });

afterEach(() => vi.useRealTimers());

describe('CallSaver', () => {
  it('keeps a save in storage until the server confirms it, retrying with growing waits', async () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const sent: string[] = [];
    const saved: CallSavedEvent[] = [];
    let serverUp = false;
    const saver = new CallSaver({
      send: async (pbxCallId, line, body) => {
        sent.push(`${pbxCallId}/${line}/${body.state}`);
        if (!serverUp) throw unreachable;
        return { id: 'row-1' };
      },
      storage,
      storageKey: 'unsaved',
      saved: (event) => saved.push(event),
      refused: () => undefined,
      retryDelaysMs: [1000, 5000],
    });

    saver.save(call('alerting'));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    expect(storage.getItem('unsaved')).toContain('abc@pbx');
    await vi.advanceTimersByTimeAsync(1300);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1300);
    expect(sent).toHaveLength(2); // the second wait is longer: no storm
    serverUp = true;
    saver.save(call('finished', { endReason: 'missed', endedAt: '2026-11-28T10:00:20.000Z' }));
    await vi.advanceTimersByTimeAsync(5300);
    expect(sent.at(-1)).toBe('abc@pbx/201/finished');
    expect(saved).toEqual([{ callId: 'call-1', pbxCallId: 'abc@pbx', line: '201', recordId: 'row-1' }]);
    expect(storage.getItem('unsaved')).toBeNull();
    expect(saver.waiting).toBe(0);
  });

  it('a reload (a new saver on the same storage) sends what the last page left unconfirmed', async () => {
    const storage = new MemoryStorage();
    const first = new CallSaver({ send: () => Promise.reject(unreachable), storage, storageKey: 'unsaved', saved: () => undefined, refused: () => undefined });
    first.save(call('finished', { endReason: 'completed', endedAt: '2026-11-28T10:01:00.000Z', answeredAt: '2026-11-28T10:00:05.000Z' }));
    await Promise.resolve();
    first.stop();

    const bodies: unknown[] = [];
    const second = new CallSaver({
      send: async (_id, _line, body) => {
        bodies.push(body);
        return { id: 'row-9' };
      },
      storage,
      storageKey: 'unsaved',
      saved: () => undefined,
      refused: () => undefined,
    });
    second.resume();
    await vi.waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ state: 'finished', endReason: 'completed', answeredAt: '2026-11-28T10:00:05.000Z' });
    await vi.waitFor(() => expect(storage.getItem('unsaved')).toBeNull());
  });

  it('drops a save the server refuses as it stands (4xx) and says so, instead of retrying forever', async () => {
    const refused: string[] = [];
    let attempts = 0;
    const saver = new CallSaver({
      send: () => {
        attempts++;
        return Promise.reject(Object.assign(new Error('Line 201 is not yours.'), { status: 403 }));
      },
      storage: null,
      storageKey: 'unsaved',
      saved: () => undefined,
      refused: (callId, reason) => refused.push(`${callId}: ${reason}`),
    });
    saver.save(call('alerting'));
    await vi.waitFor(() => expect(refused).toEqual(['call-1: Line 201 is not yours.']));
    expect(attempts).toBe(1);
    expect(saver.waiting).toBe(0);
  });

  it('ignores a damaged stored value', () => {
    const storage = new MemoryStorage();
    storage.setItem('unsaved', '{not json');
    const saver = new CallSaver({ send: () => Promise.reject(unreachable), storage, storageKey: 'unsaved', saved: () => undefined, refused: () => undefined });
    saver.resume();
    expect(saver.waiting).toBe(0);
  });
});
