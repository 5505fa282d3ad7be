import type { CallDirection, CallEndReason, CallState, MatchedBy, SupervisionMode } from './enums.js';

/** Ids are GUIDs and moments ISO 8601 strings, as System.Text.Json writes them. */
export type Guid = string;
export type IsoDateTime = string;

/** The operations allowed now, as named flags (LineOperations.cs); a button is enabled only when its flag is set. */
export interface LineOperations {
  dial: boolean;
  answer: boolean;
  drop: boolean;
  hold: boolean;
  unhold: boolean;
  setupTransfer: boolean;
  completeTransfer: boolean;
  cancelTransfer: boolean;
  blindTransfer: boolean;
  makeConsultCall: boolean;
  dtmf: boolean;
  mute: boolean;
  video: boolean;
  /** Merge the consultation and the held call into a conference of the three (absent from older servers). */
  conference?: boolean;
}

export type LineOperation = keyof LineOperations;

/** A CRM record the call's remote number matched, or for an internal extension the colleague who owns it. */
export interface ContactCandidate {
  contactId: Guid | null;
  contactName: string | null;
  accountId: Guid | null;
  accountName: string | null;
  matchedBy: MatchedBy;
  /** For `matchedBy: "extension"`: the user who owns the line. */
  userId?: Guid | null;
  userName?: string | null;
}

/** A call as one line sees it (CallDto.cs). */
export interface CallDto {
  id: Guid;
  pbxCallId: string;
  conversationId: string;
  line: string;
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
  /** For a consultation: the call it was made from, on the same line. */
  parentCallId?: Guid | null;
  parentPbxCallId?: string | null;
  contact?: ContactCandidate | null;
  /** Every record the number matched, best first; more than one means the agent should choose. */
  candidates: ContactCandidate[];
  comment?: string | null;
  muted: boolean;
  /** A supervisor's own call that listens in on an agent's call. */
  isListening: boolean;
  /** The call is being recorded now (absent from clients that cannot tell: read as false). */
  recording?: boolean;
  /** The call has a recording; once saved, `GET /api/calls/{recordId}/recording` plays it. */
  hasRecording?: boolean;
  /** For a supervisor's own call: listen, whisper or barge. */
  listenMode?: SupervisionMode | null;
  /** For an agent's call: a supervisor is in it now (listening, whispering or barged in), from which line. */
  supervision?: Supervision | null;
  /** The conference this call is in now, with everyone in it; absent or null outside one. */
  conference?: Conference | null;
  operations: LineOperations;
}

/** A conference and its members now (ConferenceDto in CallDto.cs); the id is the same on every member's call. */
export interface Conference {
  id: string;
  name: string;
  members: ConferenceMember[];
}

/** A party in a conference: its number, its name where known, its line when it is an agent's. */
export interface ConferenceMember {
  number: string;
  name?: string | null;
  line?: string | null;
}

/** A supervisor in an agent's call (SupervisionDto in CallDto.cs). */
export interface Supervision {
  mode: SupervisionMode;
  supervisorLine: string;
}
