import type { HubConnectionLike } from '../src/index.js';

type Handler = (...args: any[]) => void;

/** A stand-in for SignalR's HubConnection that a test drives by hand: deliver, drop, close, refuse. */
export class FakeHubConnection implements HubConnectionLike {
  readonly handlers = new Map<string, Handler[]>();
  readonly invocations: { method: string; args: unknown[] }[] = [];
  startResults: (() => Promise<void>)[] = [];
  startCalls = 0;
  invokeResult: (method: string, args: unknown[]) => Promise<unknown> = async () => undefined;
  private reconnecting: ((error?: Error) => void)[] = [];
  private reconnected: ((id?: string) => void)[] = [];
  private closed: ((error?: Error) => void)[] = [];

  on(method: string, handler: Handler): void {
    this.handlers.set(method, [...(this.handlers.get(method) ?? []), handler]);
  }

  start(): Promise<void> {
    this.startCalls++;
    const next = this.startResults.shift();
    return next ? next() : Promise.resolve();
  }

  async stop(): Promise<void> {
    this.close(undefined);
  }

  invoke<T = any>(method: string, ...args: any[]): Promise<T> {
    this.invocations.push({ method, args });
    return this.invokeResult(method, args) as Promise<T>;
  }

  onreconnecting(callback: (error?: Error) => void): void {
    this.reconnecting.push(callback);
  }

  onreconnected(callback: (connectionId?: string) => void): void {
    this.reconnected.push(callback);
  }

  onclose(callback: (error?: Error) => void): void {
    this.closed.push(callback);
  }

  deliver(method: string, payload: unknown): void {
    for (const handler of this.handlers.get(method) ?? []) handler(payload);
  }

  dropSocket(error = new Error('WebSocket closed with status code: 1006')): void {
    for (const callback of this.reconnecting) callback(error);
  }

  reconnect(): void {
    for (const callback of this.reconnected) callback('new-id');
  }

  close(error: Error | undefined): void {
    for (const callback of this.closed) callback(error);
  }
}
