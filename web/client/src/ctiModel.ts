import type { Guid } from './contract/call.js';
import type { ListenCallRequest, SetAgentStateRequest } from './contract/commands.js';
import type { AgentState, SupervisionMode } from './contract/enums.js';
import type { ActiveCallSnapshotEvent, CtiEventMap } from './contract/events.js';
import { ctiEventNames, type CtiCommandName, type CtiEventName } from './contract/names.js';
import { Emitter } from './internal/emitter.js';
import { HubTransport, type HubTransportOptions } from './hubTransport.js';
import type { ConnectionState, CtiTransport } from './transport.js';

export type CtiEventListener<K extends CtiEventName> = (payload: CtiEventMap[K]) => void;

interface ModelEvents extends CtiEventMap {
  connectionStateChanged: { state: ConnectionState; reason?: string };
}

/**
 * A user's connection to the CTI side. Every event of the client contract can be listened to
 * under its own name; every command is an async method that rejects with a CtiCommandError
 * carrying the server's reason. When the connection drops, `disconnected` is raised (source
 * `server`), the transport reconnects by itself, and the server then sends `initialized` and a
 * fresh `activeCallSnapshot`. Mirrors Switchboard.Client.CtiModel.
 */
export class CtiModel {
  private readonly events = new Emitter<ModelEvents>((error) => console.error('A CtiModel listener failed', error));
  private readonly transport: CtiTransport;
  private lastState: ConnectionState = 'idle';

  /** Over the hub by default; pass another transport (the web phone's) to change where calls live. */
  constructor(transport?: CtiTransport | HubTransportOptions) {
    this.transport = isTransport(transport) ? transport : new HubTransport(transport);
  }

  get connectionState(): ConnectionState {
    return this.transport.state;
  }

  start(): Promise<void> {
    return this.transport.start({
      message: (name, payload) => this.raise(name, payload),
      stateChanged: (state, reason) => this.connectionChanged(state, reason),
    });
  }

  stop(): Promise<void> {
    return this.transport.stop();
  }

  on<K extends CtiEventName>(name: K, listener: CtiEventListener<K>): () => void {
    return this.events.on(name, listener);
  }

  off<K extends CtiEventName>(name: K, listener: CtiEventListener<K>): void {
    this.events.off(name, listener);
  }

  /** Not part of the contract: how the link to the server is, for the panel's connection banner. */
  onConnectionStateChanged(listener: (change: { state: ConnectionState; reason?: string }) => void): () => void {
    return this.events.on('connectionStateChanged', listener);
  }

  /** Lets a transport-side component (the web phone) raise its own events, such as webRtcStarted. */
  raise<K extends CtiEventName>(name: K, payload: CtiEventMap[K] | unknown): void {
    if (!(ctiEventNames as readonly string[]).includes(name)) return;
    this.events.emit(name, payload as ModelEvents[K]);
  }

  // Commands of the client contract, in the order of CtiCommands.cs.

  /** `video` asks the web phone for a video call; the hub's PBX calls are audio and leave it out. */
  makeCall(number: string, line?: string | null, options?: { video?: boolean }): Promise<void> {
    return this.send('makeCall', options?.video ? { number, line: line ?? null, video: true } : { number, line: line ?? null });
  }

  answerCall(callId: Guid): Promise<void> {
    return this.send('answerCall', { callId });
  }

  dropCall(callId: Guid): Promise<void> {
    return this.send('dropCall', { callId });
  }

  holdCall(callId: Guid): Promise<void> {
    return this.send('holdCall', { callId });
  }

  unholdCall(callId: Guid): Promise<void> {
    return this.send('unholdCall', { callId });
  }

  blindTransferCall(callId: Guid, target: string): Promise<void> {
    return this.send('blindTransferCall', { callId, target });
  }

  /** Holds the call and dials `target` for a consultation. */
  makeConsultCall(callId: Guid, target: string): Promise<void> {
    return this.send('makeConsultCall', { callId, target });
  }

  /** Completes the consultation made from (or being) `callId`. */
  transferCall(callId: Guid): Promise<void> {
    return this.send('transferCall', { callId });
  }

  /** Ends the consultation and takes the held call back; either call of the pair may be named. */
  cancelTransfer(callId: Guid): Promise<void> {
    return this.send('cancelTransfer', { callId });
  }

  sendDtmf(callId: Guid, digits: string): Promise<void> {
    return this.send('sendDtmf', { callId, digits });
  }

  muteCall(callId: Guid): Promise<void> {
    return this.send('muteCall', { callId });
  }

  unmuteCall(callId: Guid): Promise<void> {
    return this.send('unmuteCall', { callId });
  }

  /** `away` may carry one of the reasons `initialized` lists; a null line means all of the user's lines. */
  setAgentState(state: AgentState, reason?: string | null, line?: string | null): Promise<void> {
    const request: SetAgentStateRequest = { state, reason: reason ?? null, line: line ?? null };
    return this.send('setAgentState', request);
  }

  setCallCentreMode(enabled: boolean, line?: string | null): Promise<void> {
    return this.send('setCallCentreMode', { enabled, line: line ?? null });
  }

  /**
   * Supervisors: listen in on another agent's call from the supervisor's own line, or whisper to the agent or
   * barge in where `initialized`'s capabilities say so. Without a mode it listens, as servers before modes did.
   */
  listenCall(callId: Guid, mode?: SupervisionMode): Promise<void> {
    const request: ListenCallRequest = mode === undefined ? { callId } : { callId, mode };
    return this.send('listenCall', request);
  }

  getActiveCalls(): Promise<ActiveCallSnapshotEvent> {
    return this.transport.invoke<ActiveCallSnapshotEvent>('getActiveCalls');
  }

  private send(command: CtiCommandName, argument: object): Promise<void> {
    return this.transport.invoke<void>(command, argument);
  }

  private connectionChanged(state: ConnectionState, reason?: string): void {
    const wasLost = this.lastState === 'reconnecting';
    this.lastState = state;
    if (state === 'reconnecting' && !wasLost) {
      this.events.emit('disconnected', { source: 'server', reason: reason ?? 'The connection to the server was lost.' });
    }

    this.events.emit('connectionStateChanged', reason === undefined ? { state } : { state, reason });
  }
}

function isTransport(value: unknown): value is CtiTransport {
  return typeof value === 'object' && value !== null && 'invoke' in value && 'start' in value;
}
