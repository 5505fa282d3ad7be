import type {
  AgentStatus,
  CallDto,
  ConnectionState,
  CtiEventMap,
  CtiUser,
  Guid,
  LineOperations,
  PbxCapabilities,
} from '@switchboard/cti';

/** One of the user's lines as the panel shows it. */
export interface LineView {
  line: string;
  agent: AgentStatus;
  callCentreMode: boolean;
  operations: LineOperations;
}

/**
 * Everything the panel knows from the CTI events, rebuilt by `initialized` and
 * `activeCallSnapshot` after every (re)connection, so a reconnect never leaves stale calls.
 */
export interface CtiState {
  connection: ConnectionState;
  /** Why the connection is not up, as the transport says it (the web phone's words are meant for the banner). */
  connectionReason: string | null;
  /** Set once `initialized` arrived on this connection. */
  ready: boolean;
  user: CtiUser | null;
  line: string | null;
  lines: Record<string, LineView>;
  capabilities: PbxCapabilities | null;
  awayReasons: string[];
  pbxConnected: boolean;
  /** The active calls by id, in the order they started. */
  calls: Record<Guid, CallDto>;
  currentCallByLine: Record<string, Guid | null>;
  /** The call log row of each call, from `callSaved`, for linking a contact while the call goes on. */
  recordIdByCall: Record<Guid, Guid>;
  /** How many saves the server has confirmed (`callSaved`): the history is read again after each. */
  savesConfirmed: number;
  /** Keys pressed during each call, as the PBX saw them. */
  dtmfByCall: Record<Guid, string>;
  /** The snapshot right after `initialized` belongs to the connection; a later one means the PBX is back. */
  awaitingConnectSnapshot: boolean;
}

export const initialCtiState: CtiState = {
  connection: 'idle',
  connectionReason: null,
  ready: false,
  user: null,
  line: null,
  lines: {},
  capabilities: null,
  awayReasons: [],
  pbxConnected: true,
  calls: {},
  currentCallByLine: {},
  recordIdByCall: {},
  savesConfirmed: 0,
  dtmfByCall: {},
  awaitingConnectSnapshot: false,
};

export type CtiAction =
  | { [K in keyof CtiEventMap]: { type: K; payload: CtiEventMap[K] } }[keyof CtiEventMap]
  | { type: 'connection'; state: ConnectionState; reason?: string | undefined };

export function ctiReducer(state: CtiState, action: CtiAction): CtiState {
  switch (action.type) {
    case 'connection':
      return { ...state, connection: action.state, connectionReason: action.reason ?? null, ready: action.state === 'connected' ? state.ready : false };
    case 'initialized': {
      const e = action.payload;
      const lines: Record<string, LineView> = {};
      for (const info of e.lines) {
        lines[info.line] = { line: info.line, agent: info.agentState, callCentreMode: info.callCentreMode, operations: info.operations };
      }

      return {
        ...state,
        ready: true,
        user: e.user,
        line: e.line,
        lines,
        capabilities: e.capabilities,
        awayReasons: e.awayReasons,
        pbxConnected: e.pbxConnected,
        awaitingConnectSnapshot: true,
      };
    }
    case 'activeCallSnapshot': {
      const calls: Record<Guid, CallDto> = {};
      for (const call of action.payload.calls) calls[call.id] = call;
      const currentCallByLine: Record<string, Guid | null> = {};
      for (const current of action.payload.currentCalls) currentCallByLine[current.line] = current.callId;
      return {
        ...state,
        calls,
        currentCallByLine,
        dtmfByCall: keepKeys(state.dtmfByCall, calls),
        recordIdByCall: keepKeys(state.recordIdByCall, calls),
        pbxConnected: state.awaitingConnectSnapshot ? state.pbxConnected : true,
        awaitingConnectSnapshot: false,
      };
    }
    case 'callStarted':
    case 'commutationStarted':
    case 'callBusy':
    case 'hold':
    case 'unhold':
    case 'callInfoChanged':
      return { ...state, calls: { ...state.calls, [action.payload.id]: action.payload } };
    case 'callFinished': {
      const { [action.payload.id]: _finished, ...calls } = state.calls;
      const { [action.payload.id]: _keys, ...dtmfByCall } = state.dtmfByCall;
      return { ...state, calls, dtmfByCall };
    }
    case 'lineStateChanged': {
      const { line, callId, operations } = action.payload;
      if (callId) {
        const call = state.calls[callId];
        return call ? { ...state, calls: { ...state.calls, [callId]: { ...call, operations } } } : state;
      }

      const view = state.lines[line];
      return view ? { ...state, lines: { ...state.lines, [line]: { ...view, operations } } } : state;
    }
    case 'agentStateChanged': {
      const { line, state: agentState, reason } = action.payload;
      const view = state.lines[line];
      return view ? { ...state, lines: { ...state.lines, [line]: { ...view, agent: { state: agentState, reason: reason ?? null } } } } : state;
    }
    case 'callCentreStateChanged': {
      const view = state.lines[action.payload.line];
      return view
        ? { ...state, lines: { ...state.lines, [action.payload.line]: { ...view, callCentreMode: action.payload.enabled } } }
        : state;
    }
    case 'currentCallChanged':
      return { ...state, currentCallByLine: { ...state.currentCallByLine, [action.payload.line]: action.payload.callId } };
    case 'dtmfEntered': {
      const typed = (state.dtmfByCall[action.payload.callId] ?? '') + action.payload.digit;
      return { ...state, dtmfByCall: { ...state.dtmfByCall, [action.payload.callId]: typed } };
    }
    case 'callSaved':
      return {
        ...state,
        recordIdByCall: { ...state.recordIdByCall, [action.payload.callId]: action.payload.recordId },
        savesConfirmed: state.savesConfirmed + 1,
      };
    case 'disconnected':
      return action.payload.source === 'pbx' ? { ...state, pbxConnected: false } : state;
    default:
      // error, rawMessage and the web phone's events change nothing the panel keeps.
      return state;
  }
}

function keepKeys<T>(map: Record<Guid, T>, calls: Record<Guid, CallDto>): Record<Guid, T> {
  return Object.fromEntries(Object.entries(map).filter(([id]) => id in calls));
}
