import type { Guid } from './call.js';
import type { AgentState, SupervisionMode } from './enums.js';

// Arguments of the client-to-server commands (Commands.cs): every command takes one object.

export interface MakeCallRequest {
  number: string;
  line?: string | null;
  /** The first-party web phone only: a video call. */
  video?: boolean;
}

export interface CallRequest {
  callId: Guid;
}

/** `listenCall`: without a mode the supervisor listens. */
export interface ListenCallRequest {
  callId: Guid;
  mode?: SupervisionMode;
}

export interface TransferRequest {
  callId: Guid;
  target: string;
}

export interface SendDtmfRequest {
  callId: Guid;
  digits: string;
}

export interface SetAgentStateRequest {
  state: AgentState;
  reason?: string | null;
  line?: string | null;
}

export interface SetCallCentreModeRequest {
  enabled: boolean;
  line?: string | null;
}
