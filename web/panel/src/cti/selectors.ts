import type { CallDto, Guid } from '@switchboard/cti';
import type { CtiState } from './ctiState';

/** Active calls, oldest first, so a consultation appears under the call it was made from. */
export function activeCalls(state: CtiState): CallDto[] {
  return Object.values(state.calls).sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

/** Calls ringing in for the user that wait for an answer. */
export function incomingRinging(state: CtiState): CallDto[] {
  return activeCalls(state).filter((call) => call.state === 'alerting' && call.direction !== 'outgoing' && isRingingIn(call, state));
}

/** Calls the agent works with: everything but the ringing incoming ones, which pop up instead. */
export function callsInProgress(state: CtiState): CallDto[] {
  const ringing = new Set(incomingRinging(state).map((call) => call.id));
  return activeCalls(state).filter((call) => !ringing.has(call.id));
}

export function isCurrent(state: CtiState, call: CallDto): boolean {
  return state.currentCallByLine[call.line] === call.id;
}

/** The call of a consultation pair that is not `call`, if `call` is in one. */
export function consultationPartner(state: CtiState, call: CallDto): CallDto | undefined {
  if (call.parentCallId) return state.calls[call.parentCallId];
  return Object.values(state.calls).find((other) => other.parentCallId === call.id);
}

/** The number at the other end of the call, as the line sees it. */
export function remoteNumber(call: Pick<CallDto, 'direction' | 'callerNumber' | 'calleeNumber' | 'line'>): string {
  const placedByLine = call.direction === 'outgoing' || (call.direction === 'internal' && call.callerNumber === call.line);
  return placedByLine ? call.calleeNumber : call.callerNumber;
}

function isRingingIn(call: CallDto, state: CtiState): boolean {
  // An internal call placed from this line rings the colleague, not us.
  return !(call.direction === 'internal' && call.callerNumber === call.line) && call.id in state.calls;
}

export function lineOf(state: CtiState, callId: Guid): string | undefined {
  return state.calls[callId]?.line;
}
