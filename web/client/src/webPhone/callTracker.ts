import type { CallDto, ContactCandidate, Guid, LineOperations } from '../contract/call.js';
import type { CallDirection, CallState } from '../contract/enums.js';
import type { ActiveCallSnapshotEvent, CtiEventMap, LineInfo } from '../contract/events.js';
import type { CtiEventName } from '../contract/names.js';
import { endReasonFromSip, type SipEnding } from './endReason.js';
import { noOperations } from '../contract/operations.js';
import { operationsForCall, operationsForLine } from './operations.js';

/** A call as the SIP side first sees it: an INVITE that came in or went out. */
export interface CallStart {
  id: Guid;
  sipCallId: string;
  direction: CallDirection;
  callerNumber: string;
  callerName?: string | null;
  calleeNumber: string;
  startedAt: Date;
  /** For a consultation: the call it was made from. */
  parentCallId?: Guid | null;
  parentPbxCallId?: string | null;
  /** Who handed the call here (a REFER or a Replaces), when known. */
  redirectedFrom?: string | null;
  contact?: ContactCandidate | null;
  candidates?: ContactCandidate[];
}

type Emit = <K extends CtiEventName>(name: K, payload: CtiEventMap[K]) => void;

interface TrackedCall {
  start: CallStart;
  conversationId: string;
  state: CallState;
  answeredAt: Date | null;
  endedAt: Date | null;
  localHold: boolean;
  remoteHold: boolean;
  heldSince: Date | null;
  holdMs: number;
  muted: boolean;
  transferred: boolean;
  redirectedTo: string | null;
  endReason: CallDto['endReason'];
  operations: LineOperations;
}

const seconds = (ms: number) => Math.max(0, Math.round(ms / 1000));

/**
 * The state of the web phone's calls on one line, and the one place that decides their
 * transitions, timestamps, operations and the current call. It knows nothing of JsSIP: the
 * phone tells it what the SIP sessions did, and it raises the contract's events in order.
 */
export class CallTracker {
  private readonly calls = new Map<Guid, TrackedCall>();
  private registered = false;
  private lineOperations: LineOperations = noOperations;
  private current: Guid | null = null;

  constructor(
    readonly line: string,
    private readonly emit: Emit,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get registeredNow(): boolean {
    return this.registered;
  }

  setRegistered(registered: boolean): void {
    this.registered = registered;
    this.refresh();
  }

  get activeIds(): Guid[] {
    return [...this.calls.keys()];
  }

  call(id: Guid): CallDto | undefined {
    const call = this.calls.get(id);
    return call && this.toDto(call, this.now());
  }

  /** The consultation made from `id`, or `id`'s parent when `id` is itself a consultation. */
  partnerOf(id: Guid): Guid | undefined {
    const call = this.calls.get(id);
    if (!call) return undefined;
    if (call.start.parentCallId && this.calls.has(call.start.parentCallId)) return call.start.parentCallId;
    return [...this.calls.values()].find((other) => other.start.parentCallId === id)?.start.id;
  }

  started(start: CallStart): CallDto {
    const parent = start.parentCallId ? this.calls.get(start.parentCallId) : undefined;
    const call: TrackedCall = {
      start: { ...start, parentPbxCallId: start.parentPbxCallId ?? parent?.start.sipCallId ?? null },
      conversationId: parent?.conversationId ?? start.sipCallId,
      state: 'alerting',
      answeredAt: null,
      endedAt: null,
      localHold: false,
      remoteHold: false,
      heldSince: null,
      holdMs: 0,
      muted: false,
      transferred: false,
      redirectedTo: null,
      endReason: null,
      operations: noOperations,
    };
    this.calls.set(start.id, call);
    return this.change(call, 'callStarted', start.startedAt, () => {
      if (this.current === null || start.parentCallId) this.current = start.id;
    });
  }

  /** The INVITE was answered and acknowledged. */
  confirmed(id: Guid, at = this.now()): void {
    this.update(id, 'commutationStarted', at, (call) => {
      call.state = 'connected';
      call.answeredAt ??= at;
      this.current = id;
    });
  }

  /** 486 Busy Here: the call shows busy until the agent or the phone hangs it up. */
  busy(id: Guid, at = this.now()): void {
    this.update(id, 'callBusy', at, (call) => {
      call.state = 'busy';
    });
  }

  /** Either side put the call on hold (sendonly or inactive in its SDP). */
  held(id: Guid, side: 'local' | 'remote', at = this.now()): void {
    const call = this.calls.get(id);
    if (!call) return;
    const wasHeld = call.localHold || call.remoteHold;
    if (side === 'local') call.localHold = true;
    else call.remoteHold = true;
    if (wasHeld || call.state !== 'connected') return;
    this.update(id, 'hold', at, () => {
      call.state = 'held';
      call.heldSince = at;
    });
  }

  unheld(id: Guid, side: 'local' | 'remote', at = this.now()): void {
    const call = this.calls.get(id);
    if (!call) return;
    if (side === 'local') call.localHold = false;
    else call.remoteHold = false;
    if (call.localHold || call.remoteHold || call.state !== 'held') return;
    this.update(id, 'unhold', at, () => {
      this.endHold(call, at);
      call.state = 'connected';
    });
  }

  /**
   * The caller lookup answered after callStarted went out: the call gets its contact (and is
   * internal when the number is an agent's extension). Returns the call as it is now, to be saved.
   */
  contactFound(id: Guid, candidates: ContactCandidate[]): CallDto | undefined {
    const call = this.calls.get(id);
    if (!call) return undefined;
    return this.change(call, 'callInfoChanged', this.now(), () => {
      call.start = { ...call.start, contact: candidates[0] ?? null, candidates, direction: directionOf(call.start.direction, candidates) };
    });
  }

  muted(id: Guid, muted: boolean): void {
    this.update(id, 'callInfoChanged', this.now(), (call) => {
      call.muted = muted;
    });
  }

  dtmf(id: Guid, digits: string): void {
    if (!this.calls.has(id)) return;
    for (const digit of digits) this.emit('dtmfEntered', { callId: id, line: this.line, digit });
  }

  /** The call was handed on (REFER accepted, or replaced by the transfer's new call): it ends as transferred. */
  transferred(id: Guid, target?: string): void {
    const call = this.calls.get(id);
    if (!call) return;
    call.transferred = true;
    if (target) call.redirectedTo = target;
  }

  /** The transfer did not go through: the call goes on, and ends however it ends. */
  transferAbandoned(id: Guid): void {
    const call = this.calls.get(id);
    if (call) call.transferred = false;
  }

  /** The session ended or failed; the call leaves the line with its end reason. */
  finished(id: Guid, ending: SipEnding, at = this.now()): CallDto | undefined {
    const call = this.calls.get(id);
    if (!call) return undefined;
    this.endHold(call, at);
    call.endReason = endReasonFromSip(
      { answered: call.answeredAt !== null, placedByLine: this.placedByLine(call), transferred: call.transferred },
      ending,
    );
    call.state = 'finished';
    call.endedAt = at;
    this.calls.delete(id);
    return this.change(call, 'callFinished', at, () => {
      if (this.current === id) this.current = this.nextCurrent(call);
    });
  }

  snapshot(): ActiveCallSnapshotEvent {
    const at = this.now();
    return {
      calls: [...this.calls.values()].map((call) => this.toDto(call, at)),
      currentCalls: [{ line: this.line, callId: this.current }],
    };
  }

  lineInfo(): LineInfo {
    return { line: this.line, agentState: { state: 'available' }, callCentreMode: false, operations: this.lineOperations };
  }

  private update(id: Guid, event: 'commutationStarted' | 'callBusy' | 'hold' | 'unhold' | 'callInfoChanged', at: Date, mutate: (call: TrackedCall) => void): void {
    const call = this.calls.get(id);
    if (!call) return;
    this.change(call, event, at, () => mutate(call));
  }

  /** Applies a change, raises the call's event, then every operation and current-call change it caused. */
  private change(call: TrackedCall, event: 'callStarted' | 'commutationStarted' | 'callBusy' | 'hold' | 'unhold' | 'callInfoChanged' | 'callFinished', at: Date, mutate: () => void): CallDto {
    const previousCurrent = this.current;
    mutate();
    if (call.state === 'finished') call.operations = noOperations;
    const changedOperations = this.recomputeOperations();
    const dto = this.toDto(call, at);
    this.emit(event, dto);
    for (const other of changedOperations) {
      if (other !== call) this.emit('lineStateChanged', { line: this.line, callId: other.start.id, operations: other.operations });
    }

    this.refreshLine();
    if (this.current !== previousCurrent) this.emit('currentCallChanged', { line: this.line, callId: this.current });
    return dto;
  }

  private refresh(): void {
    for (const call of this.recomputeOperations()) {
      this.emit('lineStateChanged', { line: this.line, callId: call.start.id, operations: call.operations });
    }

    this.refreshLine();
  }

  private recomputeOperations(): TrackedCall[] {
    const changed: TrackedCall[] = [];
    for (const call of this.calls.values()) {
      const consultation = [...this.calls.values()].find((other) => other.start.parentCallId === call.start.id);
      const parent = call.start.parentCallId ? this.calls.get(call.start.parentCallId) : undefined;
      const operations = operationsForCall({
        state: call.state,
        placedByLine: this.placedByLine(call),
        isConsultation: parent !== undefined,
        consultationState: consultation?.state ?? null,
      });
      if (!sameOperations(operations, call.operations)) {
        call.operations = operations;
        changed.push(call);
      }
    }

    return changed;
  }

  private refreshLine(): void {
    const operations = operationsForLine(this.registered, [...this.calls.values()].map((call) => call.state));
    if (sameOperations(operations, this.lineOperations)) return;
    this.lineOperations = operations;
    this.emit('lineStateChanged', { line: this.line, callId: null, operations });
  }

  private nextCurrent(finished: TrackedCall): Guid | null {
    const parent = finished.start.parentCallId;
    if (parent && this.calls.has(parent)) return parent;
    const order: CallState[] = ['connected', 'alerting', 'busy', 'held'];
    for (const state of order) {
      const found = [...this.calls.values()].find((call) => call.state === state);
      if (found) return found.start.id;
    }

    return null;
  }

  private endHold(call: TrackedCall, at: Date): void {
    if (call.heldSince) call.holdMs += at.getTime() - call.heldSince.getTime();
    call.heldSince = null;
  }

  private placedByLine(call: TrackedCall): boolean {
    return call.start.direction === 'outgoing' || (call.start.direction === 'internal' && call.start.callerNumber === this.line);
  }

  private toDto(call: TrackedCall, at: Date): CallDto {
    const start = call.start.startedAt;
    const end = call.endedAt ?? at;
    const answered = call.answeredAt;
    const holdMs = call.holdMs + (call.heldSince ? end.getTime() - call.heldSince.getTime() : 0);
    return {
      id: call.start.id,
      pbxCallId: call.start.sipCallId,
      conversationId: call.conversationId,
      line: this.line,
      direction: call.start.direction,
      callerNumber: call.start.callerNumber,
      callerName: call.start.callerName ?? null,
      calleeNumber: call.start.calleeNumber,
      redirectedFrom: call.start.redirectedFrom ?? null,
      redirectedTo: call.redirectedTo,
      state: call.state,
      startedAt: start.toISOString(),
      answeredAt: answered?.toISOString() ?? null,
      endedAt: call.endedAt?.toISOString() ?? null,
      timeBeforeConnectionSeconds: seconds((answered ?? end).getTime() - start.getTime()),
      durationSeconds: seconds(end.getTime() - start.getTime()),
      talkSeconds: answered ? seconds(end.getTime() - answered.getTime() - holdMs) : 0,
      holdSeconds: seconds(holdMs),
      endReason: call.endReason ?? null,
      parentCallId: call.start.parentCallId ?? null,
      parentPbxCallId: call.start.parentPbxCallId ?? null,
      contact: call.start.contact ?? null,
      candidates: call.start.candidates ?? [],
      comment: null,
      muted: call.muted,
      isListening: false,
      operations: call.operations,
    };
  }
}

/** A number that is an agent's extension makes the call internal, whichever way it goes. */
export function directionOf(seen: CallDirection, candidates: readonly ContactCandidate[]): CallDirection {
  return candidates[0]?.matchedBy === 'extension' ? 'internal' : seen;
}

function sameOperations(a: LineOperations, b: LineOperations): boolean {
  return (Object.keys(a) as (keyof LineOperations)[]).every((name) => a[name] === b[name]);
}
