import { HttpTransportType, HubConnectionBuilder, LogLevel, type HubConnection, type IHttpConnectionOptions } from '@microsoft/signalr';
import { hubEventNames, hubPath, rawMessagesQueryKey, type CtiCommandName } from './contract/names.js';
import { CtiCommandError, readableReason } from './errors.js';
import { ForeverRetryPolicy } from './retryPolicy.js';
import type { ConnectionState, CtiTransport, TransportSink } from './transport.js';

/** The part of a SignalR HubConnection that the transport uses; tests pass a fake. */
export type HubConnectionLike = Pick<
  HubConnection,
  'on' | 'start' | 'stop' | 'invoke' | 'onreconnecting' | 'onreconnected' | 'onclose'
>;

/**
 * The SignalR transports the hub can be reached over. Left unset, SignalR negotiates the best one
 * (WebSockets, falling back to Server-Sent Events, then long polling); forcing one serves networks
 * whose proxies block WebSockets or hold streamed responses.
 */
export type HubTransportKind = 'webSockets' | 'serverSentEvents' | 'longPolling';

export const hubTransportKinds: readonly HubTransportKind[] = ['webSockets', 'serverSentEvents', 'longPolling'];

/**
 * The transport named by a setting's text (`longPolling`, `serverSentEvents` or `sse`, `webSockets`;
 * any case), `undefined` for an empty one; an unknown name is an error that lists the known ones.
 */
export function parseHubTransportKind(text: string | null | undefined): HubTransportKind | undefined {
  const name = (text ?? '').trim().toLowerCase();
  if (name === '') return undefined;
  if (name === 'sse') return 'serverSentEvents';
  const kind = hubTransportKinds.find((k) => k.toLowerCase() === name);
  if (!kind) throw new Error(`Unknown hub transport '${text}': use ${hubTransportKinds.join(', ')} (or sse).`);
  return kind;
}

/** SignalR's own flag for a transport. */
export function signalRTransport(kind: HubTransportKind): HttpTransportType {
  switch (kind) {
    case 'webSockets':
      return HttpTransportType.WebSockets;
    case 'serverSentEvents':
      return HttpTransportType.ServerSentEvents;
    case 'longPolling':
      return HttpTransportType.LongPolling;
  }
}

export interface HubTransportOptions {
  /** The server's address; default the page's own origin, which is how the panel is served. */
  baseUrl?: string;
  /**
   * A bearer token for the hub (sent as access_token). Leave it out in the panel: the
   * same-origin sign-in cookie goes along by itself.
   */
  accessTokenFactory?: () => string | Promise<string>;
  /** Use only this SignalR transport instead of negotiating one. */
  transport?: HubTransportKind;
  /** Ask for the PBX's raw messages (rawMessage events). */
  rawMessages?: boolean;
  /** Waits between reconnection attempts in milliseconds; the last one repeats forever. */
  reconnectDelaysMs?: readonly number[];
  /** Builds the connection; for tests. */
  createConnection?: (url: string, options: HubTransportOptions, policy: ForeverRetryPolicy) => HubConnectionLike;
}

/** The CTI client contract over SignalR to the Messaging Service's hub at /hubs/cti. */
export class HubTransport implements CtiTransport {
  private connection: HubConnectionLike | undefined;
  private sink: TransportSink | undefined;
  private currentState: ConnectionState = 'idle';
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private restartAttempts = 0;
  private readonly policy: ForeverRetryPolicy;

  constructor(private readonly options: HubTransportOptions = {}) {
    this.policy = new ForeverRetryPolicy(options.reconnectDelaysMs ?? ForeverRetryPolicy.defaultDelaysMs);
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  async start(sink: TransportSink): Promise<void> {
    if (this.connection) throw new Error('The transport has already been started.');
    this.sink = sink;
    const connection = (this.options.createConnection ?? buildConnection)(hubUrl(this.options), this.options, this.policy);
    this.connection = connection;
    for (const name of hubEventNames) {
      connection.on(name, (payload: unknown) => sink.message(name, payload));
    }

    // SignalR's automatic reconnection covers a dropped socket; onclose covers the rest (the
    // server closing the connection), which SignalR does not retry, so the transport does.
    connection.onreconnecting((error) => this.setState('reconnecting', error?.message));
    connection.onreconnected(() => this.setState('connected'));
    connection.onclose((error) => this.closed(error));

    this.setState('connecting');
    try {
      await connection.start();
    } catch (error) {
      this.connection = undefined;
      this.setState('idle', readableReason(error));
      throw error;
    }

    this.setState('connected');
  }

  async stop(): Promise<void> {
    clearTimeout(this.restartTimer);
    const connection = this.connection;
    this.setState('stopped');
    await connection?.stop();
  }

  async invoke<TResult = void>(command: CtiCommandName, argument?: unknown): Promise<TResult> {
    const connection = this.connection;
    if (!connection || this.currentState !== 'connected') {
      throw new CtiCommandError(command, 'Not connected to the server; the command was not sent.');
    }

    try {
      return argument === undefined
        ? await connection.invoke<TResult>(command)
        : await connection.invoke<TResult>(command, argument);
    } catch (error) {
      throw new CtiCommandError(command, readableReason(error), { cause: error });
    }
  }

  /** Read after an await, where stop() may have run meanwhile. */
  private get stopped(): boolean {
    return this.currentState === 'stopped';
  }

  private closed(error: Error | undefined): void {
    if (this.currentState === 'stopped') return;
    this.setState('reconnecting', error?.message ?? 'The server closed the connection.');
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    const delay = this.policy.nextRetryDelayInMilliseconds({ previousRetryCount: this.restartAttempts++ });
    this.restartTimer = setTimeout(() => void this.restart(), delay);
  }

  private async restart(): Promise<void> {
    if (this.currentState === 'stopped' || !this.connection) return;
    try {
      await this.connection.start();
      this.restartAttempts = 0;
      this.setState('connected');
    } catch {
      // Still unreachable: the state stays `reconnecting` and the next attempt waits longer.
      if (!this.stopped) this.scheduleRestart();
    }
  }

  private setState(state: ConnectionState, reason?: string): void {
    this.currentState = state;
    this.sink?.stateChanged(state, reason);
  }
}

function hubUrl(options: HubTransportOptions): string {
  const base = (options.baseUrl ?? '').replace(/\/+$/, '');
  return `${base}${hubPath}${options.rawMessages ? `?${rawMessagesQueryKey}=true` : ''}`;
}

/** The options SignalR's connection is built with: the token, and the one transport when forced. */
export function connectionOptions(options: HubTransportOptions): IHttpConnectionOptions {
  const built: IHttpConnectionOptions = {};
  if (options.accessTokenFactory) built.accessTokenFactory = options.accessTokenFactory;
  if (options.transport) built.transport = signalRTransport(options.transport);
  return built;
}

function buildConnection(url: string, options: HubTransportOptions, policy: ForeverRetryPolicy): HubConnection {
  return new HubConnectionBuilder()
    .withUrl(url, connectionOptions(options))
    .withAutomaticReconnect(policy)
    .configureLogging(LogLevel.Warning)
    .build();
}
