import type { ContactCandidate, Guid } from '../contract/call.js';
import type { AgentState, CallDirection } from '../contract/enums.js';
import type { CtiEventMap, CtiUser, InitializedEvent } from '../contract/events.js';
import type { CtiCommandName, CtiEventName } from '../contract/names.js';
import { CtiCommandError } from '../errors.js';
import { ForeverRetryPolicy } from '../retryPolicy.js';
import type { ConnectionState } from '../transport.js';
import { inOrder, type Binding, type OutgoingPlan } from './binding.js';
import type { SendCallSave } from './callSave.js';
import { CallSaver } from './callSaver.js';
import { CallTracker, directionOf } from './callTracker.js';
import { sendHold } from './holdReInvite.js';
import type { SipEnding } from './endReason.js';
import { loadDeviceChoice, mediaConstraints, silentOutput, type DeviceChoice, type MediaOutput } from './media.js';
import { webPhoneCapabilities } from './operations.js';
import { operationVerb, reOffer, registrationProblem, text } from './phoneCommands.js';
import { watchSession, type ReferEvent, type SessionHost } from './sessionWatch.js';
import { createJsSipUa, lineOfAddress, type CreateUa, type NewSessionEvent, type SipUaLike, type WebPhoneAccount } from './sipTypes.js';
import { webPhoneBanners as banners, webPhoneMessages as say, WebPhoneProblem } from './webPhoneErrors.js';

// callStarted waits this long for the caller lookup, so that the popup opens with the caller's
// name (and an agent's call as internal) instead of changing a moment later; a lookup that
// answers later still reaches the call through callInfoChanged and a new save. Measured through
// the rig on a loaded machine (docs/benchmarks.md), the browser's lookup answered in 9 to 160 ms;
// a busy CRM no longer holds the ring back by seconds.
const DefaultLookupWaitMs = 300;

export interface WebPhoneOptions {
  account: WebPhoneAccount;
  /** The signed-in user, for `initialized`. */
  user: CtiUser;
  /** GET /api/contacts/lookup: who a number belongs to. */
  lookup?: (number: string) => Promise<ContactCandidate[]>;
  /** PUT /api/calls/pbx/{pbxCallId}/{line}. */
  sendSave?: SendCallSave;
  /** Where unconfirmed saves wait (localStorage by default in the browser). */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  createUa?: CreateUa;
  output?: MediaOutput;
  devices?: () => DeviceChoice;
  /** STUN/TURN servers; the account's (set by an administrator) when not given. */
  iceServers?: RTCIceServer[];
  /** RFC 4733 (in the media, the default) or SIP INFO; the account's when not given. */
  dtmfTransport?: 'rfc4733' | 'info';
  /** How long callStarted waits for the caller lookup before it goes out without a contact (300 ms by default). */
  lookupWaitMs?: number;
  registerRetryDelaysMs?: readonly number[];
  saveRetryDelaysMs?: readonly number[];
  newId?: () => Guid;
  now?: () => Date;
}

/** What the phone reports: the same two channels a CtiTransport reports through. */
export interface PhoneSink {
  message<K extends CtiEventName>(name: K, payload: CtiEventMap[K]): void;
  stateChanged(state: ConnectionState, reason?: string): void;
}

/**
 * The agent's phone in the page: registers the SIP account over WebSocket with JsSIP, turns each
 * SIP session into a call of the contract (through the CallTracker), carries out the contract's
 * commands, plays the media and saves every call to the log. Only the tab that holds the phone
 * runs one (see WebPhoneTransport).
 */
export class WebPhone {
  readonly line: string;
  private readonly tracker: CallTracker;
  private readonly saver: CallSaver | null;
  private readonly bindings = new Map<Guid, Binding>();
  private readonly policy: ForeverRetryPolicy;
  private readonly output: MediaOutput;
  private ua: SipUaLike | undefined;
  private outgoingPlan: OutgoingPlan | undefined;
  private everRegistered = false;
  private registerAttempts = 0;
  private registerTimer: ReturnType<typeof setTimeout> | undefined;
  private lastError: string | undefined;
  private lastBanner: string | undefined;
  private agentState: AgentState = 'available';
  private stopped = false;
  private readonly host: SessionHost;

  constructor(
    private readonly options: WebPhoneOptions,
    private readonly sink: PhoneSink,
  ) {
    this.line = lineOfAddress(options.account.address);
    this.output = options.output ?? silentOutput;
    this.policy = new ForeverRetryPolicy(options.registerRetryDelaysMs ?? [2000, 5000, 10000, 30000, 60000]);
    this.tracker = new CallTracker(this.line, (name, payload) => this.tracked(name, payload), options.now);
    this.host = {
      tracker: this.tracker,
      sink,
      output: this.output,
      haveIceServers: this.iceServers.length > 0,
      now: options.now ?? (() => new Date()),
      ended: (binding, ending, at) => this.ended(binding, ending, at),
      handedOn: (oldCallId, newParty) => this.handedOn(oldCallId, newParty),
      acceptRefer: (binding, event) => this.acceptRefer(binding, event),
    };
    const send = options.sendSave;
    this.saver = send
      ? new CallSaver({
          send,
          storage: options.storage ?? null,
          storageKey: `switchboard.webPhone.unsaved.${options.user.id}`,
          saved: (event) => sink.message('callSaved', event),
          refused: (callId, reason) => sink.message('error', { code: 'call_not_saved', message: `The call could not be saved to the log: ${reason}`, callId }),
          ...(options.saveRetryDelaysMs ? { retryDelaysMs: options.saveRetryDelaysMs } : {}),
        })
      : null;
  }

  get hasActiveCalls(): boolean {
    return this.tracker.activeIds.length > 0;
  }

  /** Registers; resolves once registered, rejects with a readable reason when the first attempt fails. */
  async start(): Promise<void> {
    this.stopped = false;
    this.saver?.resume();
    const ua = await (this.options.createUa ?? createJsSipUa)(this.options.account);
    if (this.stopped) return;
    this.ua = ua;
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (problem: WebPhoneProblem) => {
        if (settled) return;
        settled = true;
        this.ua = undefined;
        ua.stop();
        reject(problem);
      };
      ua.on('registered', () => {
        this.registered();
        if (!settled) {
          settled = true;
          resolve();
        }
      });
      ua.on('registrationFailed', (event: { cause: string; response?: { status_code: number } }) => {
        const problem = registrationProblem(event);
        if (!settled) fail(problem);
        else this.lost(problem, true);
      });
      ua.on('unregistered', () => {
        if (settled && !this.stopped) this.lost(new WebPhoneProblem(say.connectionLost, banners.lost), true);
      });
      ua.on('disconnected', () => {
        const problem = this.everRegistered
          ? new WebPhoneProblem(say.connectionLost, banners.lost)
          : new WebPhoneProblem(say.unreachable(this.options.account.webSocketUrl), banners.unreachable);
        if (!settled) fail(problem);
        else this.lost(problem, false);
      });
      ua.on('newRTCSession', (event: NewSessionEvent) => this.newSession(event));
      this.sink.stateChanged('connecting');
      ua.start();
    });
  }

  /** Unregisters and ends every call with a BYE or CANCEL (the tab is closing or the user signs out). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.registerTimer);
    for (const binding of [...this.bindings.values()]) this.safely(() => binding.session.terminate());
    this.ua?.stop();
    this.ua = undefined;
    this.tracker.setRegistered(false);
    this.saver?.stop();
  }

  /** `initialized` and the snapshot, as a newly connected client (or another tab) needs them. */
  greeting(): { initialized: InitializedEvent; snapshot: CtiEventMap['activeCallSnapshot'] } | null {
    if (!this.tracker.registeredNow) return null;
    return { initialized: this.initializedEvent(), snapshot: this.tracker.snapshot() };
  }

  setSpeaker(speakerId: string | null): void {
    this.output.setSpeaker(speakerId);
  }

  async invoke(command: CtiCommandName, argument: unknown): Promise<unknown> {
    const args = (argument ?? {}) as { callId?: Guid; number?: string; target?: string; digits?: string; video?: boolean; state?: AgentState; reason?: string | null };
    switch (command) {
      case 'getActiveCalls':
        return this.tracker.snapshot();
      case 'makeCall':
        return this.makeCall(command, text(command, args.number, 'number'), { video: args.video === true });
      case 'answerCall':
        return this.answer(this.binding(command, args.callId, 'answer'));
      case 'dropCall': {
        const binding = this.binding(command, args.callId, 'drop');
        const call = this.tracker.call(binding.id);
        // Declining a ringing call says busy, which the caller's phone shows as "declined".
        binding.session.terminate(call?.state === 'alerting' && call.direction !== 'outgoing' ? { status_code: 486 } : undefined);
        return undefined;
      }
      case 'holdCall': {
        const binding = this.binding(command, args.callId, 'hold');
        return reOffer(command, 'be held', () => this.sendHold(binding, true));
      }
      case 'unholdCall': {
        const binding = this.binding(command, args.callId, 'unhold');
        return reOffer(command, 'be taken off hold', () => this.sendHold(binding, false));
      }
      case 'muteCall':
        this.binding(command, args.callId, 'mute').session.mute({ audio: true });
        return undefined;
      case 'unmuteCall':
        this.binding(command, args.callId, 'mute').session.unmute({ audio: true });
        return undefined;
      case 'sendDtmf':
        return this.sendDtmf(this.binding(command, args.callId, 'dtmf'), text(command, args.digits, 'digits'));
      case 'blindTransferCall':
        return this.blindTransfer(this.binding(command, args.callId, 'blindTransfer'), text(command, args.target, 'target'));
      case 'makeConsultCall':
        return this.consult(command, this.binding(command, args.callId, 'makeConsultCall'), text(command, args.target, 'target'));
      case 'transferCall':
        return this.completeTransfer(command, args.callId);
      case 'cancelTransfer':
        return this.cancelTransfer(command, args.callId);
      case 'setAgentState':
        return this.setAgentState(args.state ?? 'available', args.reason ?? null);
      default:
        throw new CtiCommandError(command, say.unsupported(command));
    }
  }

  // Registration.

  private registered(): void {
    clearTimeout(this.registerTimer);
    this.registerAttempts = 0;
    this.lastError = undefined;
    this.lastBanner = undefined;
    if (this.tracker.registeredNow) return;
    this.everRegistered = true;
    this.tracker.setRegistered(true);
    this.sink.stateChanged('connected');
    const greeting = this.greeting();
    if (!greeting) return;
    this.sink.message('initialized', greeting.initialized);
    this.sink.message('activeCallSnapshot', greeting.snapshot);
  }

  /** Registration or the socket was lost: tell once, then get back with growing waits. */
  private lost(problem: WebPhoneProblem, retryRegistration: boolean): void {
    if (this.stopped) return;
    const reason = problem.message;
    if (this.tracker.registeredNow || problem.banner !== this.lastBanner) {
      this.tracker.setRegistered(false);
      this.sink.stateChanged('reconnecting', problem.banner);
    }

    if (reason !== this.lastError && reason !== say.connectionLost) this.sink.message('error', { code: 'sip_registration_failed', message: reason });
    this.lastError = reason;
    this.lastBanner = problem.banner;
    // A lost socket is JsSIP's to recover (it re-registers on reconnect); a refused or expired registration is ours.
    if (!retryRegistration || this.registerTimer !== undefined) return;
    const delay = this.policy.nextRetryDelayInMilliseconds({ previousRetryCount: this.registerAttempts++ });
    this.registerTimer = setTimeout(() => {
      this.registerTimer = undefined;
      if (!this.stopped && this.ua?.isConnected()) this.ua.register();
    }, delay);
  }

  private initializedEvent(): InitializedEvent {
    return {
      user: this.options.user,
      line: this.line,
      lines: [{ ...this.tracker.lineInfo(), agentState: { state: this.agentState } }],
      capabilities: { callOperations: webPhoneCapabilities, wrapUp: false, callCentreMode: false, callRecording: false, listen: false },
      awayReasons: [],
      pbxConnected: true,
    };
  }

  private setAgentState(state: AgentState, reason: string | null): void {
    this.agentState = state;
    this.sink.message('agentStateChanged', { line: this.line, state, reason });
  }

  // Calls.

  private tracked<K extends CtiEventName>(name: K, payload: CtiEventMap[K]): void {
    this.sink.message(name, payload);
    // The log gets each call at its start, its answer and its end.
    if (name === 'callStarted' || name === 'commutationStarted' || name === 'callFinished') this.saver?.save(payload as CtiEventMap['callStarted']);
  }

  private newSession({ originator, session, request }: NewSessionEvent): void {
    const plan = originator === 'local' ? this.outgoingPlan : undefined;
    this.outgoingPlan = undefined;
    const startedAt = (this.options.now ?? (() => new Date()))();
    const id = plan?.id ?? this.newId();
    const remoteNumber = plan?.number ?? session.remote_identity.uri.user ?? session.remote_identity.uri.toString();
    const replaced = request.replaces ? this.bindingByCallId(request.replaces.call_id) : undefined;
    const incoming = originator === 'remote';
    const lookup = this.lookup(remoteNumber);
    const started = firstOf(lookup, this.options.lookupWaitMs ?? DefaultLookupWaitMs).then((candidates) => {
      const seen: CallDirection = incoming ? 'incoming' : 'outgoing';
      this.tracker.started({
        id,
        sipCallId: request.call_id,
        direction: directionOf(seen, candidates ?? []),
        callerNumber: incoming ? remoteNumber : this.line,
        callerName: incoming ? session.remote_identity.display_name : (this.options.account.displayName ?? null),
        calleeNumber: incoming ? this.line : remoteNumber,
        startedAt,
        parentCallId: plan?.parentCallId ?? null,
        redirectedFrom: plan?.redirectedFrom ?? (replaced ? replaced.remoteNumber : null),
        contact: candidates?.[0] ?? null,
        candidates: candidates ?? [],
      });
      // Still waiting: the answer comes to the call (or to its row, if it has ended by then).
      if (candidates === undefined) void lookup.then((late) => this.lateLookup(binding, late));
    });
    const binding: Binding = {
      id,
      session,
      remoteNumber,
      video: plan ? plan.video : /\bm=video /.test(request.body ?? ''),
      chain: started,
      queued: 0,
      tracked: false,
      mediaFlowing: false,
      ...(plan?.continues ? { continues: plan.continues } : replaced ? { continues: replaced.id } : {}),
    };
    void started.then(() => {
      binding.tracked = true;
    });
    this.bindings.set(id, binding);
    watchSession(binding, this.host);

    if (incoming && !replaced && this.agentState !== 'available') {
      // Do not disturb, away or offline: the call is refused before it rings.
      this.safely(() => session.terminate({ status_code: 486 }));
    } else if (incoming) {
      // Opening the microphone takes up to a second; done while it rings, the answer is not slowed by it.
      binding.localStream = this.openMicrophone(binding.video);
    }

    // An INVITE that replaces our call (the end of someone's attended transfer) is answered at once.
    if (replaced) void binding.chain.then(() => this.answer(binding));
  }

  private ended(binding: Binding, ending: SipEnding, at: Date): void {
    if (!this.bindings.has(binding.id)) return;
    this.bindings.delete(binding.id);
    this.output.release(binding.id);
    // JsSIP stops only the streams it opened itself.
    void binding.localStream?.then((stream) => stream?.getTracks().forEach((track) => track.stop()));
    if (binding.mediaFlowing) this.sink.message('webRtcDestroyed', { callId: binding.id, line: this.line, reason: ending.cause });
    binding.finished = this.tracker.finished(binding.id, binding.mediaFailed ? { ...ending, mediaFailed: true } : ending, at);
  }

  /** The caller lookup answered after callStarted: the call (live or already ended) gets its contact, and its row too. */
  private lateLookup(binding: Binding, candidates: ContactCandidate[]): void {
    if (candidates.length === 0) return;
    inOrder(binding, () => {
      const live = this.tracker.contactFound(binding.id, candidates);
      const ended = binding.finished;
      const call = live ?? (ended && { ...ended, contact: candidates[0] ?? null, candidates, direction: directionOf(ended.direction, candidates) });
      if (call) this.saver?.save(call);
    });
  }

  /** The call `newCall` continues (a transfer we took part in) is over for this line: it ends as transferred. */
  private handedOn(oldCallId: Guid, newParty: string): void {
    const old = this.bindings.get(oldCallId);
    if (!old) return;
    this.tracker.transferred(oldCallId, newParty);
    this.safely(() => old.session.terminate());
  }

  private makeCall(command: CtiCommandName, number: string, options: { video: boolean; parentCallId?: Guid }): Guid {
    const ua = this.requireRegistered(command);
    const lineOps = this.tracker.lineInfo().operations;
    if (!options.parentCallId && !lineOps.dial) throw new CtiCommandError(command, say.notAllowed('be dialled while another call rings or talks'));
    const id = this.newId();
    this.outgoingPlan = { id, number, video: options.video, ...(options.parentCallId ? { parentCallId: options.parentCallId } : {}) };
    try {
      ua.call(number, this.mediaOptions(options.video));
    } catch (error) {
      this.outgoingPlan = undefined;
      throw new CtiCommandError(command, `Cannot call ${number}: ${error instanceof Error ? error.message : String(error)}`);
    }

    return id;
  }

  private answer(binding: Binding): void {
    // Call waiting: the call in progress goes on hold instead of being broken.
    for (const other of this.bindings.values()) {
      if (other !== binding && this.tracker.call(other.id)?.state === 'connected') this.sendHold(other, true);
    }

    const answer = (stream: MediaStream | undefined) => {
      if (binding.session.isEnded()) return;
      binding.session.answer({ ...this.mediaOptions(binding.video), ...(stream ? { mediaStream: stream } : {}) });
    };
    if (!binding.localStream) answer(undefined);
    else void binding.localStream.then(answer);
  }

  /**
   * Holds or resumes with a re-INVITE: `hold` and `unhold` are raised once the other side accepts,
   * and a refusal leaves the call as it was, with an error that says so. False when JsSIP cannot
   * send a re-INVITE now.
   */
  private sendHold(binding: Binding, hold: boolean): boolean {
    return sendHold(binding.session, hold, (outcome) =>
      inOrder(binding, () => {
        if (outcome === 'refused') this.sink.message('error', { code: 'hold_failed', message: hold ? say.holdRefused : say.resumeRefused, callId: binding.id });
        else if (hold) this.tracker.held(binding.id, 'local');
        else this.tracker.unheld(binding.id, 'local');
      }),
    );
  }

  private openMicrophone(video: boolean): Promise<MediaStream | undefined> {
    const devices = globalThis.navigator?.mediaDevices;
    if (!devices?.getUserMedia) return Promise.resolve(undefined);
    const constraints = mediaConstraints((this.options.devices ?? loadDeviceChoice)(), video);
    // A refusal here is reported when the person answers (JsSIP asks again and says why).
    return devices.getUserMedia(constraints).catch(() => undefined);
  }

  private sendDtmf(binding: Binding, digits: string): void {
    if (!/^[0-9A-D#*]+$/i.test(digits)) throw new CtiCommandError('sendDtmf', say.badDigits);
    const dtmf = this.options.dtmfTransport ?? this.options.account.dtmfTransport ?? 'rfc4733';
    binding.session.sendDTMF(digits, { transportType: dtmf === 'info' ? 'INFO' : 'RFC2833', duration: 100, interToneGap: 70 });
    this.tracker.dtmf(binding.id, digits.toUpperCase());
  }

  private blindTransfer(binding: Binding, target: string): void {
    const refer = binding.session.refer(target);
    if (!refer) throw new CtiCommandError('blindTransferCall', say.notAllowed('be transferred'));
    refer.on('requestSucceeded', () => {
      // 202 Accepted: the other side calls the target itself; this line's part is over.
      this.tracker.transferred(binding.id, target);
      this.safely(() => binding.session.terminate());
    });
    refer.on('requestFailed', () => this.sink.message('error', { code: 'transfer_failed', message: say.transferRefused(target), callId: binding.id }));
  }

  private consult(command: CtiCommandName, binding: Binding, target: string): Guid {
    this.requireRegistered(command);
    if (this.tracker.call(binding.id)?.state === 'connected') this.sendHold(binding, true);
    return this.makeCall(command, target, { video: false, parentCallId: binding.id });
  }

  private pair(command: CtiCommandName, callId: Guid | undefined): { parent: Binding; consultation: Binding } {
    const first = this.binding(command, callId);
    const partnerId = this.tracker.partnerOf(first.id);
    const partner = partnerId ? this.bindings.get(partnerId) : undefined;
    if (!partner) throw new CtiCommandError(command, 'There is no consultation with this call.');
    const firstIsConsultation = this.tracker.call(first.id)?.parentCallId === partner.id;
    return firstIsConsultation ? { parent: partner, consultation: first } : { parent: first, consultation: partner };
  }

  private completeTransfer(command: CtiCommandName, callId: Guid | undefined): void {
    const { parent, consultation } = this.pair(command, callId);
    if (!this.tracker.call(parent.id)?.operations.completeTransfer) throw new CtiCommandError(command, say.notAllowed('be transferred before the consultation is answered'));
    const refer = parent.session.refer(consultation.session.remote_identity.uri, { replaces: consultation.session });
    if (!refer) throw new CtiCommandError(command, say.notAllowed('be transferred'));
    const target = consultation.remoteNumber;
    refer.on('requestSucceeded', () => {
      this.tracker.transferred(parent.id, target);
      this.tracker.transferred(consultation.id, parent.remoteNumber);
    });
    refer.on('accepted', () => {
      this.safely(() => parent.session.terminate());
      this.safely(() => consultation.session.terminate());
    });
    const failed = () => this.sink.message('error', { code: 'transfer_failed', message: say.transferFailed(target), callId: parent.id });
    refer.on('requestFailed', failed);
    refer.on('failed', failed);
  }

  private cancelTransfer(command: CtiCommandName, callId: Guid | undefined): void {
    const { parent, consultation } = this.pair(command, callId);
    // The held call comes back once the consultation has ended, so the two never talk at once.
    const takeBack = () => this.safely(() => this.sendHold(parent, false));
    consultation.session.on('ended', takeBack);
    consultation.session.on('failed', takeBack);
    consultation.session.terminate();
  }

  /** The other side asks us (REFER) to call someone else: we do, and our call with it ends once the new one is answered. */
  private acceptRefer(binding: Binding, event: ReferEvent): void {
    const uri = event.request.refer_to?.uri;
    if (!uri) return;
    const number = uri.user ?? uri.toString();
    // The side that sent the REFER usually hangs up at once: our call with it ends as transferred.
    this.tracker.transferred(binding.id, number);
    this.outgoingPlan = { id: this.newId(), number, video: binding.video, redirectedFrom: binding.remoteNumber, continues: binding.id };
    event.accept(undefined, this.mediaOptions(binding.video));
    this.outgoingPlan = undefined;
  }

  private mediaOptions(video: boolean): object {
    const choice = (this.options.devices ?? loadDeviceChoice)();
    return {
      mediaConstraints: mediaConstraints(choice, video),
      pcConfig: { iceServers: this.iceServers },
      rtcOfferConstraints: { offerToReceiveAudio: true, offerToReceiveVideo: video },
    };
  }

  private requireRegistered(command: CtiCommandName): SipUaLike {
    if (!this.ua || !this.tracker.registeredNow) throw new CtiCommandError(command, say.notRegistered);
    return this.ua;
  }

  private binding(command: CtiCommandName, callId: Guid | undefined, operation?: keyof ReturnType<CallTracker['lineInfo']>['operations']): Binding {
    const binding = callId ? this.bindings.get(callId) : undefined;
    const call = callId ? this.tracker.call(callId) : undefined;
    if (!binding || !call) throw new CtiCommandError(command, say.noSuchCall);
    if (operation && !call.operations[operation]) throw new CtiCommandError(command, say.notAllowed(operationVerb[operation] ?? operation));
    return binding;
  }

  private bindingByCallId(sipCallId: string): Binding | undefined {
    for (const binding of this.bindings.values()) {
      if (this.tracker.call(binding.id)?.pbxCallId === sipCallId) return binding;
    }

    return undefined;
  }

  private lookup(number: string): Promise<ContactCandidate[]> {
    const lookup = this.options.lookup;
    return lookup ? lookup(number).catch(() => []) : Promise.resolve([]);
  }

  private get iceServers(): RTCIceServer[] {
    // The server sends a STUN server's missing user name as null; the browser would take it as "null".
    const servers = this.options.iceServers ?? this.options.account.iceServers ?? [];
    return servers.map(({ urls, username, credential }) => ({ urls, ...(username ? { username } : {}), ...(credential ? { credential } : {}) }));
  }

  private newId(): Guid {
    return this.options.newId ? this.options.newId() : crypto.randomUUID();
  }

  private safely(action: () => void): void {
    try {
      action();
    } catch {
      // The session has already ended: nothing left to do.
    }
  }
}

/** The promise's value if it comes within `ms`, else undefined (the promise goes on). */
function firstOf<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wait = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, wait]).finally(() => clearTimeout(timer));
}
