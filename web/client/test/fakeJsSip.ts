import { EventEmitter } from 'node:events';
import type { NewSessionEvent, SipRequestLike, SipSessionLike, SipUaLike, SipUri, WebPhoneAccount } from '../src/webPhone/sipTypes.js';

// Fakes of the few JsSIP objects the web phone drives. They behave as JsSIP 3.13 does where the
// web phone depends on it: hold refuses a second hold, terminate ends with the cause JsSIP gives.

function uri(user: string): SipUri {
  return { user, host: 'pbx.test', toString: () => `sip:${user}@pbx.test` };
}

function request(callId: string, body = '', headers: Record<string, string> = {}): SipRequestLike {
  return {
    call_id: callId,
    body,
    hasHeader: (name) => name.toLowerCase() in headers,
    getHeader: (name) => headers[name.toLowerCase()],
  };
}

export class FakeReferSubscriber extends EventEmitter {}

export class FakeSession extends EventEmitter implements SipSessionLike {
  readonly connection = null;
  readonly remote_identity: { uri: SipUri; display_name: string | null };
  confirmedNow = false;
  ended = false;
  /** How the other side answers hold and resume re-INVITEs. */
  reOffers: 'accept' | 'refuse' | 'wait' = 'accept';
  localTracksEnabled = true;
  private pendingReOffer: { refusal: string; done?: () => void } | undefined;
  muted = false;
  answeredWith: Record<string, unknown> | undefined;
  terminatedWith: { status_code?: number } | undefined;
  readonly dtmf: { tones: string; options: unknown }[] = [];
  readonly refers: { target: string | SipUri; options: unknown; subscriber: FakeReferSubscriber }[] = [];

  constructor(
    readonly direction: 'incoming' | 'outgoing',
    remote: string,
    displayName: string | null = null,
  ) {
    super();
    this.remote_identity = { uri: uri(remote), display_name: displayName };
  }

  answer(options?: object): void {
    this.answeredWith = options as Record<string, unknown>;
  }

  /** The other side (or the PBX) confirms the call: 200 OK and ACK. */
  confirm(): void {
    this.confirmedNow = true;
    this.emit('accepted', {});
    this.emit('confirmed', {});
  }

  /** The call fails before it is answered, as JsSIP reports it. */
  fail(originator: 'local' | 'remote' | 'system', cause: string, statusCode?: number): void {
    this.ended = true;
    this.emit('failed', { originator, cause, ...(statusCode ? { message: { status_code: statusCode } } : {}) });
  }

  hangUp(originator: 'local' | 'remote' = 'remote'): void {
    this.ended = true;
    this.emit('ended', { originator, cause: 'Terminated' });
  }

  terminate(options?: { status_code?: number; reason_phrase?: string; cause?: string }): void {
    if (this.ended) throw new Error('INVALID_STATE_ERROR');
    this.terminatedWith = options ?? {};
    if (this.confirmedNow) this.hangUp('local');
    else this.fail('local', this.direction === 'incoming' ? 'Rejected' : 'Canceled');
  }

  /**
   * As JsSIP: raises `hold` as the re-INVITE goes out, runs `done` once it is accepted, and on a
   * refusal hangs the call up with "Hold Failed" (the phone is expected to stop that).
   */
  hold(_options?: object, done?: () => void): boolean {
    if (this._localHold || this.reOffering) return false;
    this._localHold = true;
    this._setLocalMediaStatus();
    this.emit('hold', { originator: 'local' });
    this.reOffer('Hold Failed', done);
    return true;
  }

  unhold(_options?: object, done?: () => void): boolean {
    if (!this._localHold || this.reOffering) return false;
    this._localHold = false;
    this._setLocalMediaStatus();
    this.emit('unhold', { originator: 'local' });
    this.reOffer('Unhold Failed', done);
    return true;
  }

  /** The other side's answer to the re-INVITE waiting for one (reOffers: 'wait'). */
  answerReOffer(accept: boolean): void {
    const pending = this.pendingReOffer;
    this.pendingReOffer = undefined;
    if (!pending) throw new Error('No re-INVITE waits for an answer.');
    if (accept) pending.done?.();
    else this.terminate({ cause: 'WebRTC Error', status_code: 500, reason_phrase: pending.refusal });
  }

  get localHold(): boolean {
    return this._localHold;
  }

  // JsSIP's names (holdReInvite.ts undoes a refused re-INVITE through them).
  _localHold = false;
  _setLocalMediaStatus(): void {
    this.localTracksEnabled = !this._localHold;
  }

  private get reOffering(): boolean {
    return this.pendingReOffer !== undefined;
  }

  private reOffer(refusal: string, done: (() => void) | undefined): void {
    this.pendingReOffer = { refusal, ...(done ? { done } : {}) };
    // The other side answers later, as a 200 or an error response would arrive.
    if (this.reOffers !== 'wait') queueMicrotask(() => this.answerReOffer(this.reOffers === 'accept'));
  }

  mute(): void {
    this.muted = true;
    this.emit('muted', { audio: true, video: false });
  }

  unmute(): void {
    this.muted = false;
    this.emit('unmuted', { audio: true, video: false });
  }

  sendDTMF(tones: string, options?: object): void {
    this.dtmf.push({ tones, options });
  }

  refer(target: string | SipUri, options?: object): FakeReferSubscriber {
    const subscriber = new FakeReferSubscriber();
    this.refers.push({ target, options, subscriber });
    return subscriber;
  }

  isEnded(): boolean {
    return this.ended;
  }
}

let nextCallId = 1;

export class FakeUa extends EventEmitter implements SipUaLike {
  started = false;
  stopped = false;
  registers = 0;
  connected = true;
  readonly outgoing: { target: string; options: Record<string, unknown>; session: FakeSession }[] = [];

  constructor(readonly account: WebPhoneAccount) {
    super();
  }

  start(): void {
    this.started = true;
  }

  stop(): void {
    this.stopped = true;
  }

  register(): void {
    this.registers++;
  }

  isRegistered(): boolean {
    return true;
  }

  isConnected(): boolean {
    return this.connected;
  }

  call(target: string, options?: object): FakeSession {
    const session = new FakeSession('outgoing', target);
    const event: NewSessionEvent = { originator: 'local', session, request: request(`out-${nextCallId++}@browser`) };
    this.emit('newRTCSession', event);
    this.outgoing.push({ target, options: options as Record<string, unknown>, session });
    return session;
  }

  /** An INVITE from `from` arrives; `video` offers a video stream too. */
  ring(from: string, options: { video?: boolean; callId?: string; displayName?: string } = {}): FakeSession {
    const session = new FakeSession('incoming', from, options.displayName ?? null);
    const sdp = options.video ? 'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n' : 'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\n';
    this.emit('newRTCSession', { originator: 'remote', session, request: request(options.callId ?? `in-${nextCallId++}@pbx`, sdp) });
    return session;
  }

  registered(): void {
    this.emit('registered', {});
  }
}

/** Every user agent the phone made, newest last. */
export function fakeUaFactory() {
  const made: FakeUa[] = [];
  return {
    made,
    create: (account: WebPhoneAccount) => {
      const ua = new FakeUa(account);
      made.push(ua);
      return ua;
    },
    get last(): FakeUa {
      const ua = made.at(-1);
      if (!ua) throw new Error('No user agent was made.');
      return ua;
    },
  };
}

/** Lets the promises the phone chained (lookups, saves) run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
