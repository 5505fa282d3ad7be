import type { ConnectionState, CtiCommandName, CtiEventMap, CtiEventName, CtiTransport, TransportSink } from '@switchboard/cti';

/** A transport the test drives: it delivers events as if from the server and records the commands. */
export class FakeTransport implements CtiTransport {
  state: ConnectionState = 'idle';
  sink: TransportSink | undefined;
  readonly commands: { command: CtiCommandName; argument: unknown }[] = [];
  refuse: string | null = null;

  async start(sink: TransportSink): Promise<void> {
    this.sink = sink;
    this.setState('connected');
  }

  async stop(): Promise<void> {
    this.setState('stopped');
  }

  async invoke<T>(command: CtiCommandName, argument?: unknown): Promise<T> {
    this.commands.push({ command, argument });
    if (this.refuse) throw new Error(this.refuse);
    return undefined as T;
  }

  deliver<K extends CtiEventName>(name: K, payload: CtiEventMap[K]): void {
    this.sink?.message(name, payload);
  }

  setState(state: ConnectionState, reason?: string): void {
    this.state = state;
    this.sink?.stateChanged(state, reason);
  }
}
