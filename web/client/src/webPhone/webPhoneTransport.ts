import type { CtiUser } from '../contract/events.js';
import type { CtiCommandName, CtiEventName } from '../contract/names.js';
import { CtiCommandError } from '../errors.js';
import { ForeverRetryPolicy } from '../retryPolicy.js';
import type { ConnectionState, CtiTransport, TransportSink } from '../transport.js';
import { AudioElementOutput, globalStorage, loadDeviceChoice } from './media.js';
import type { WebPhoneAccount } from './sipTypes.js';
import { TabLeadership, type LockManagerLike } from './tabLeadership.js';
import { withoutStreams, type TabChannel, type TabMessage } from './tabMessages.js';
import { WebPhone, type WebPhoneOptions } from './webPhone.js';
import { webPhoneMessages as say, WebPhoneProblem } from './webPhoneErrors.js';

export interface WebPhoneTransportOptions extends Omit<WebPhoneOptions, 'account' | 'user'> {
  user: CtiUser;
  /** The SIP account, read only by the tab that holds the phone (GET /api/me/sip-account). */
  account: WebPhoneAccount | (() => Promise<WebPhoneAccount>);
  /** Web Locks; null makes this tab the phone whatever other tabs do. Default navigator.locks. */
  locks?: LockManagerLike | null;
  /** Default a BroadcastChannel of the page; null when there is none. */
  createChannel?: (name: string) => TabChannel | null;
  /** Told when this tab takes or gives up the phone: only the phone's tab rings. */
  onLeadershipChanged?: (holdsPhone: boolean) => void;
  commandTimeoutMs?: number;
  /** The page whose closing gives the phone up; default the window. */
  page?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
  tabId?: string;
}

/**
 * The first-party CtiTransport: the browser is the agent's phone. One tab of the user holds the
 * phone (a WebPhone registered over SIP WebSocket) and tells the others every event over a
 * BroadcastChannel; the others send their commands to it and take the phone over when it closes.
 */
export class WebPhoneTransport implements CtiTransport {
  private currentState: ConnectionState = 'idle';
  private currentReason: string | undefined;
  private sink: TransportSink | undefined;
  private readonly leadership: TabLeadership;
  private readonly tabId: string;
  private role: 'leader' | 'follower' | undefined;
  private channel: TabChannel | null | undefined;
  private phone: WebPhone | undefined;
  private nextCommandId = 1;
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void; timer: ReturnType<typeof setTimeout> }>();
  private takeOverTimer: ReturnType<typeof setTimeout> | undefined;
  private takeOverAttempts = 0;
  private readonly pageHidden = () => this.resignAsLeader();
  private readonly beforeUnload = (event: BeforeUnloadEvent) => {
    // Closing the tab that holds the phone ends its calls: the browser asks the person first.
    if (this.phone?.hasActiveCalls) event.preventDefault();
  };

  constructor(private readonly options: WebPhoneTransportOptions) {
    this.tabId = options.tabId ?? crypto.randomUUID();
    this.leadership = new TabLeadership(`switchboard.webPhone.${options.user.id}`, options.locks);
  }

  get state(): ConnectionState {
    return this.currentState;
  }

  /** Whether this tab holds the phone (registers and rings). */
  get holdsPhone(): boolean {
    return this.role === 'leader';
  }

  async start(sink: TransportSink): Promise<void> {
    this.sink = sink;
    this.openChannel();
    if (!this.role) {
      this.setState('connecting');
      this.role = await this.leadership.claim(() => void this.takeOver());
      this.options.onLeadershipChanged?.(this.role === 'leader');
    }

    if (this.role === 'leader') {
      await this.startPhone();
      return;
    }

    this.post({ kind: 'hello', from: this.tabId });
  }

  async stop(): Promise<void> {
    clearTimeout(this.takeOverTimer);
    this.resignAsLeader();
    for (const [id, pending] of this.waiting) {
      clearTimeout(pending.timer);
      pending.reject(new Error('The web phone was stopped.'));
      this.waiting.delete(id);
    }

    // Closed a moment later, so that the last calls' callFinished and `leaving` go out first.
    const channel = this.channel;
    this.channel = null;
    setTimeout(() => channel?.close(), 50);
    this.setState('stopped');
  }

  async invoke<TResult = void>(command: CtiCommandName, argument?: unknown): Promise<TResult> {
    if (this.role === 'leader') {
      if (!this.phone) throw new CtiCommandError(command, say.notRegistered);
      return (await this.phone.invoke(command, argument)) as TResult;
    }

    if (this.currentState !== 'connected') throw new CtiCommandError(command, say.notRegistered);
    return (await this.ask(command, argument)) as TResult;
  }

  setSpeaker(speakerId: string | null): void {
    this.phone?.setSpeaker(speakerId);
  }

  // The tab that holds the phone.

  private async startPhone(): Promise<void> {
    if (this.currentState === 'stopped') return;
    const account = typeof this.options.account === 'function' ? await this.options.account() : this.options.account;
    const phone = new WebPhone(
      {
        storage: globalStorage(),
        output: typeof document === 'undefined' ? undefined : new AudioElementOutput(loadDeviceChoice().speakerId ?? null),
        ...this.options,
        account,
      } as WebPhoneOptions,
      {
        message: (name, payload) => this.leaderEvent(name, payload),
        stateChanged: (state, reason) => this.setState(state, reason),
      },
    );
    this.phone = phone;
    this.page()?.addEventListener('pagehide', this.pageHidden);
    this.page()?.addEventListener('beforeunload', this.beforeUnload);
    try {
      await phone.start();
      this.takeOverAttempts = 0;
    } catch (error) {
      if (this.phone === phone) this.phone = undefined;
      this.setState('reconnecting', error instanceof WebPhoneProblem ? error.banner : error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  /** This tab's turn to hold the phone (the one that held it closed). */
  private async takeOver(): Promise<void> {
    this.role = 'leader';
    this.options.onLeadershipChanged?.(true);
    this.setState('reconnecting', say.leaderGone);
    this.post({ kind: 'leader', from: this.tabId });
    try {
      // Its `initialized` and empty snapshot replace whatever the old tab's calls left here.
      await this.startPhone();
    } catch {
      if (this.currentState === 'stopped') return;
      const delay = new ForeverRetryPolicy([5000, 10000, 30000, 60000]).nextRetryDelayInMilliseconds({ previousRetryCount: this.takeOverAttempts++ });
      this.takeOverTimer = setTimeout(() => void this.takeOver(), delay);
    }
  }

  private leaderEvent(name: CtiEventName, payload: unknown): void {
    this.sink?.message(name, payload);
    this.post({ kind: 'event', name, payload: withoutStreams(payload) });
  }

  private resignAsLeader(): void {
    if (this.role !== 'leader') {
      this.leadership.resign();
      return;
    }

    this.page()?.removeEventListener('pagehide', this.pageHidden);
    this.page()?.removeEventListener('beforeunload', this.beforeUnload);
    this.phone?.stop();
    this.phone = undefined;
    this.post({ kind: 'leaving', from: this.tabId });
    this.role = undefined;
    this.leadership.resign();
  }

  private answerTab(message: TabMessage): void {
    if (message.kind === 'hello') {
      const greeting = this.phone?.greeting() ?? null;
      this.post({ kind: 'sync', to: message.from, state: this.currentState, ...(this.currentReason === undefined ? {} : { reason: this.currentReason }), initialized: greeting?.initialized ?? null, snapshot: greeting?.snapshot ?? null });
    } else if (message.kind === 'command') {
      const reply = (ok: boolean, value?: unknown, text?: string) =>
        this.post({ kind: 'reply', to: message.from, id: message.id, ok, ...(ok ? { value: withoutStreams(value) } : { message: text ?? '' }) });
      if (!this.phone) {
        reply(false, undefined, say.notRegistered);
        return;
      }

      this.phone.invoke(message.command, message.argument).then(
        (value) => reply(true, value),
        (error: unknown) => reply(false, undefined, error instanceof Error ? error.message : String(error)),
      );
    }
  }

  // The other tabs.

  private followLeader(message: TabMessage): void {
    switch (message.kind) {
      case 'event':
        this.sink?.message(message.name, message.payload);
        break;
      case 'state':
        this.setState(message.state, message.reason);
        break;
      case 'sync':
        if (message.to !== this.tabId) return;
        this.setState(message.state, message.reason);
        if (message.initialized) this.sink?.message('initialized', message.initialized);
        if (message.snapshot) this.sink?.message('activeCallSnapshot', message.snapshot);
        break;
      case 'leader':
        this.post({ kind: 'hello', from: this.tabId });
        break;
      case 'leaving':
        // The calls it held ended with it (their callFinished came first); the next tab takes over.
        this.setState('reconnecting', say.leaderGone);
        break;
      case 'reply': {
        if (message.to !== this.tabId) return;
        const pending = this.waiting.get(message.id);
        if (!pending) return;
        clearTimeout(pending.timer);
        this.waiting.delete(message.id);
        if (message.ok) pending.resolve(message.value);
        else pending.reject(new Error(message.message ?? ''));
        break;
      }
      default:
        break;
    }
  }

  private ask(command: CtiCommandName, argument: unknown): Promise<unknown> {
    const id = this.nextCommandId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new CtiCommandError(command, say.leaderSilent));
      }, this.options.commandTimeoutMs ?? 10000);
      this.waiting.set(id, { resolve, reject: (error) => reject(new CtiCommandError(command, error.message, { cause: error })), timer });
      this.post({ kind: 'command', from: this.tabId, id, command, argument });
    });
  }

  // Both.

  private openChannel(): void {
    if (this.channel !== undefined) return;
    const create = this.options.createChannel ?? defaultChannel;
    this.channel = create(`switchboard.webPhone.${this.options.user.id}`);
    this.channel?.addEventListener('message', (event) => {
      const message = event.data;
      if (this.role !== 'leader') this.followLeader(message);
      // The lock passes to this tab before the closing tab's last messages arrive: its calls'
      // ends still count here, so none stays on screen.
      else if (message.kind === 'event' && message.name === 'callFinished') this.sink?.message(message.name, message.payload);
      else this.answerTab(message);
    });
  }

  private post(message: TabMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch (error) {
      console.error('The web phone could not tell its other tabs', error);
    }
  }

  private setState(state: ConnectionState, givenReason?: string): void {
    if (this.currentState === 'stopped' && state !== 'stopped') return;
    // Trying again after a failure: what went wrong stays the reason until the phone is registered.
    const reason = givenReason ?? (state === 'connecting' ? this.currentReason : undefined);
    if (state === this.currentState && reason === undefined) return;
    this.currentState = state;
    this.currentReason = reason;
    this.sink?.stateChanged(state, reason);
    if (this.role === 'leader') this.post({ kind: 'state', state, ...(reason === undefined ? {} : { reason }) });
  }

  private page(): Pick<Window, 'addEventListener' | 'removeEventListener'> | null {
    if (this.options.page !== undefined) return this.options.page;
    return typeof window === 'undefined' ? null : window;
  }
}

function defaultChannel(name: string): TabChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : (new BroadcastChannel(name) as unknown as TabChannel);
}
