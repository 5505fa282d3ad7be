import type { CallDto, Guid } from '../contract/call.js';
import type { CallSavedEvent } from '../contract/events.js';
import { ForeverRetryPolicy } from '../retryPolicy.js';
import { saveRequestOf, type CallSaveRequest, type SendCallSave } from './callSave.js';

/** One call's latest state waiting for the server; `version` tells a newer state from the one in flight. */
interface PendingSave {
  callId: Guid;
  pbxCallId: string;
  line: string;
  body: CallSaveRequest;
  version: number;
}

export interface CallSaverOptions {
  send: SendCallSave;
  /** Where unconfirmed saves wait, so a reload or a closed tab loses none; null keeps them in memory only. */
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  storageKey: string;
  saved(event: CallSavedEvent): void;
  /** The server refused the save as it stands (4xx): retrying cannot help, so it is dropped and told. */
  refused(callId: Guid, reason: string): void;
  retryDelaysMs?: readonly number[];
}

// HTTP statuses that mean "this save will never be accepted": bad body, not your line, no such user.
const permanentStatuses = new Set([400, 403, 404, 409, 422]);

/**
 * Saves each call of the web phone to the call log, at its start, answer and end: the latest
 * state of each call is kept in the browser's storage until the server confirms it, sent one at
 * a time per call, and retried with growing delays while the server is unreachable.
 */
export class CallSaver {
  private readonly pending = new Map<string, PendingSave>();
  private readonly inFlight = new Set<string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly attempts = new Map<string, number>();
  private readonly policy: ForeverRetryPolicy;
  private stopped = false;

  constructor(private readonly options: CallSaverOptions) {
    this.policy = new ForeverRetryPolicy(options.retryDelaysMs ?? [1000, 2000, 5000, 10000, 30000]);
  }

  /** Picks up the saves an earlier page (or the tab that held the phone before) left unconfirmed. */
  resume(): void {
    for (const save of this.read()) {
      const key = keyOf(save.pbxCallId, save.line);
      const mine = this.pending.get(key);
      if (!mine || mine.version < save.version) this.pending.set(key, save);
    }

    this.write();
    for (const key of this.pending.keys()) this.flush(key);
  }

  save(call: CallDto): void {
    const key = keyOf(call.pbxCallId, call.line);
    const previous = this.pending.get(key)?.version ?? 0;
    this.pending.set(key, { callId: call.id, pbxCallId: call.pbxCallId, line: call.line, body: saveRequestOf(call), version: Math.max(previous, Date.now()) + 1 });
    this.write();
    this.flush(key);
  }

  get waiting(): number {
    return this.pending.size;
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private flush(key: string): void {
    if (this.stopped || this.inFlight.has(key) || this.timers.has(key)) return;
    const save = this.pending.get(key);
    if (!save) return;
    this.inFlight.add(key);
    this.options.send(save.pbxCallId, save.line, save.body).then(
      (answer) => {
        this.inFlight.delete(key);
        this.attempts.delete(key);
        if (this.pending.get(key)?.version === save.version) {
          this.pending.delete(key);
          this.write();
        }

        this.options.saved({ callId: save.callId, pbxCallId: save.pbxCallId, line: save.line, recordId: answer.id });
        this.flush(key);
      },
      (error: unknown) => {
        this.inFlight.delete(key);
        if (isPermanent(error)) {
          if (this.pending.get(key)?.version === save.version) {
            this.pending.delete(key);
            this.write();
          }

          this.options.refused(save.callId, error instanceof Error ? error.message : String(error));
          this.flush(key);
          return;
        }

        const attempt = this.attempts.get(key) ?? 0;
        this.attempts.set(key, attempt + 1);
        const delay = this.policy.nextRetryDelayInMilliseconds({ previousRetryCount: attempt });
        this.timers.set(
          key,
          setTimeout(() => {
            this.timers.delete(key);
            this.flush(key);
          }, delay),
        );
      },
    );
  }

  private read(): PendingSave[] {
    try {
      const text = this.options.storage?.getItem(this.options.storageKey);
      const parsed: unknown = text ? JSON.parse(text) : [];
      return Array.isArray(parsed) ? parsed.filter(isPendingSave) : [];
    } catch {
      // Storage unreadable (private mode, quota, a damaged value): nothing to resume.
      return [];
    }
  }

  private write(): void {
    const storage = this.options.storage;
    if (!storage) return;
    try {
      if (this.pending.size === 0) storage.removeItem(this.options.storageKey);
      else storage.setItem(this.options.storageKey, JSON.stringify([...this.pending.values()]));
    } catch {
      // Storage full or refused: the saves still go out from memory.
    }
  }
}

function keyOf(pbxCallId: string, line: string): string {
  return `${line}\u0000${pbxCallId}`;
}

function isPermanent(error: unknown): boolean {
  const status = typeof error === 'object' && error !== null && 'status' in error ? (error as { status: unknown }).status : undefined;
  return typeof status === 'number' && permanentStatuses.has(status);
}

function isPendingSave(value: unknown): value is PendingSave {
  if (typeof value !== 'object' || value === null) return false;
  const save = value as Partial<PendingSave>;
  return typeof save.callId === 'string' && typeof save.pbxCallId === 'string' && typeof save.line === 'string' && typeof save.version === 'number' && typeof save.body === 'object' && save.body !== null;
}
