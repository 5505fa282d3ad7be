import type { CallDto, Guid, LineOperations } from './call.js';
import type { AgentState, UserRole } from './enums.js';

// Payloads of the server-to-client messages (Events.cs). The call events carry a CallDto.

export interface CtiUser {
  id: Guid;
  login: string;
  displayName: string;
  role: UserRole;
}

export interface AgentStatus {
  state: AgentState;
  reason?: string | null;
}

export interface LineInfo {
  line: string;
  agentState: AgentStatus;
  callCentreMode: boolean;
  operations: LineOperations;
}

/** What this PBX can ever offer; lineStateChanged says what is allowed now. */
export interface PbxCapabilities {
  callOperations: LineOperations;
  wrapUp: boolean;
  callCentreMode: boolean;
  callRecording: boolean;
  listen: boolean;
  /** Supervisors may also whisper to the agent (`listenCall` with `mode: 'whisper'`); absent from older servers. */
  whisper?: boolean;
  /** Supervisors may also barge in, talking to both parties (`mode: 'barge'`). */
  barge?: boolean;
}

export interface InitializedEvent {
  user: CtiUser;
  /** The user's first line, or null for a user without one. */
  line: string | null;
  lines: LineInfo[];
  capabilities: PbxCapabilities;
  awayReasons: string[];
  pbxConnected: boolean;
}

/** `source` is `pbx` when the server lost the PBX, `server` when this client lost the server. */
export interface DisconnectedEvent {
  source: 'pbx' | 'server' | (string & {});
  reason?: string | null;
}

/** The operations allowed now for the line (callId null) or for one of its calls. */
export interface LineStateChangedEvent {
  line: string;
  callId: Guid | null;
  operations: LineOperations;
}

export interface AgentStateChangedEvent {
  line: string;
  state: AgentState;
  reason?: string | null;
}

export interface CallCentreStateChangedEvent {
  line: string;
  enabled: boolean;
}

export interface CurrentCallChangedEvent {
  line: string;
  callId: Guid | null;
}

export interface DtmfEnteredEvent {
  callId: Guid;
  line: string;
  digit: string;
}

export interface ActiveCallSnapshotEvent {
  calls: CallDto[];
  currentCalls: CurrentCallChangedEvent[];
}

/** A call's change reached the call log; recordId is its row in the Calls API. */
export interface CallSavedEvent {
  callId: Guid;
  pbxCallId: string;
  line: string;
  recordId: Guid;
}

/** A refused command: `code` is stable (e.g. `forbidden`, `call_not_found`), `message` reads well as it is. */
export interface ErrorEvent {
  code: string;
  message: string;
  command?: string | null;
  callId?: Guid | null;
}

export interface RawMessageEvent {
  line?: string | null;
  text: string;
}

// Raised in the browser by the first-party web phone, never by the server. The streams are
// the page's own media objects, so they are typed loosely here and narrowed by the web phone.

export interface WebRtcStartedEvent {
  callId: Guid;
  line: string;
  remoteStream?: MediaStream;
}

export interface WebRtcVideoStartedEvent {
  callId: Guid;
  line: string;
  localStream?: MediaStream;
  remoteStream?: MediaStream;
}

export interface WebRtcDestroyedEvent {
  callId: Guid;
  line: string;
  reason?: string | null;
}

/** Every event of the contract with its payload type. */
export interface CtiEventMap {
  initialized: InitializedEvent;
  disconnected: DisconnectedEvent;
  callStarted: CallDto;
  callFinished: CallDto;
  commutationStarted: CallDto;
  callBusy: CallDto;
  hold: CallDto;
  unhold: CallDto;
  error: ErrorEvent;
  lineStateChanged: LineStateChangedEvent;
  agentStateChanged: AgentStateChangedEvent;
  activeCallSnapshot: ActiveCallSnapshotEvent;
  callSaved: CallSavedEvent;
  rawMessage: RawMessageEvent;
  currentCallChanged: CurrentCallChangedEvent;
  callCentreStateChanged: CallCentreStateChangedEvent;
  callInfoChanged: CallDto;
  dtmfEntered: DtmfEnteredEvent;
  webRtcStarted: WebRtcStartedEvent;
  webRtcVideoStarted: WebRtcVideoStartedEvent;
  webRtcDestroyed: WebRtcDestroyedEvent;
}
