import type { CallDto, Guid, IsoDateTime } from '../contract/call.js';
import type { CallDirection, CallEndReason, CallState } from '../contract/enums.js';

/**
 * The body of `PUT /api/calls/pbx/{pbxCallId}/{line}` (CallSaveRequest.cs): the whole call each
 * time; the path is the idempotency key, so a retry never makes a second row.
 */
export interface CallSaveRequest {
  conversationId: string;
  direction: CallDirection;
  callerNumber: string;
  callerName?: string | null;
  calleeNumber: string;
  redirectedFrom?: string | null;
  redirectedTo?: string | null;
  state: CallState;
  startedAt: IsoDateTime;
  answeredAt?: IsoDateTime | null;
  endedAt?: IsoDateTime | null;
  timeBeforeConnectionSeconds: number;
  durationSeconds: number;
  talkSeconds: number;
  holdSeconds: number;
  endReason?: CallEndReason | null;
  parentPbxCallId?: string | null;
  contactId?: Guid | null;
  accountId?: Guid | null;
  /** The recording as the PBX named it; null keeps the row's. The web phone records nothing itself. */
  recordingFile?: string | null;
}

/** The answer to a save: the call's row in the log. */
export interface CallSaveResponse {
  id: Guid;
}

/** Sends one save; the panel passes its own HTTP helper, so the sign-in cookie goes along. */
export type SendCallSave = (pbxCallId: string, line: string, body: CallSaveRequest) => Promise<CallSaveResponse>;

export function saveRequestOf(call: CallDto): CallSaveRequest {
  return {
    conversationId: call.conversationId,
    direction: call.direction,
    callerNumber: call.callerNumber,
    callerName: call.callerName ?? null,
    calleeNumber: call.calleeNumber,
    redirectedFrom: call.redirectedFrom ?? null,
    redirectedTo: call.redirectedTo ?? null,
    state: call.state,
    startedAt: call.startedAt,
    answeredAt: call.answeredAt ?? null,
    endedAt: call.endedAt ?? null,
    timeBeforeConnectionSeconds: call.timeBeforeConnectionSeconds,
    durationSeconds: call.durationSeconds,
    talkSeconds: call.talkSeconds,
    holdSeconds: call.holdSeconds,
    endReason: call.endReason ?? null,
    parentPbxCallId: call.parentPbxCallId ?? null,
    contactId: call.contact?.contactId ?? null,
    accountId: call.contact?.accountId ?? null,
  };
}
