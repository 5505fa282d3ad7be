import type { CtiCommandName, CtiEventName } from './contract/names.js';

/**
 * Where a CtiModel's events come from and where its commands go. The hub transport speaks
 * SignalR to /hubs/cti; the first-party web phone will implement the same interface over its
 * SIP library in the page, so the model and the panel above it stay the same.
 */
export interface CtiTransport {
  /** Connects once; rejects when the first attempt fails. Later losses are the transport's to repair. */
  start(sink: TransportSink): Promise<void>;

  /** Disconnects for good: no reconnection follows. */
  stop(): Promise<void>;

  /** Runs a command; rejects with the server's reason when it is refused. */
  invoke<TResult = void>(command: CtiCommandName, argument?: unknown): Promise<TResult>;

  readonly state: ConnectionState;
}

/** `connected` after every (re)connection; `reconnecting` while the transport tries to get back. */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'stopped';

/** What a transport reports upward. */
export interface TransportSink {
  message(name: CtiEventName, payload: unknown): void;
  stateChanged(state: ConnectionState, reason?: string): void;
}
