// The parts of JsSIP (3.13) the web phone uses, described by shape so that unit tests can pass
// small fakes; the real objects come from createJsSipUa below.

// JsSIP's events carry objects of many shapes; each handler below declares the one it reads.
export type Listener = (...args: any[]) => void;

export interface SipUri {
  user: string | null;
  host: string;
  toString(): string;
}

export interface SipRequestLike {
  call_id: string;
  body?: string | null;
  hasHeader(name: string): boolean;
  getHeader(name: string): string | undefined;
  /** Present on an INVITE with a Replaces header. */
  replaces?: { call_id: string; from_tag: string; to_tag: string };
  refer_to?: { uri: SipUri };
}

/** A ReferSubscriber: the progress of a REFER this phone sent. */
export interface SipReferLike {
  on(event: 'requestSucceeded' | 'requestFailed' | 'accepted' | 'failed', listener: Listener): unknown;
}

export interface SipSessionLike {
  readonly direction: 'incoming' | 'outgoing';
  readonly connection: RTCPeerConnection | null | undefined;
  readonly remote_identity: { uri: SipUri; display_name: string | null };
  on(event: string, listener: Listener): unknown;
  answer(options?: object): void;
  terminate(options?: { status_code?: number; reason_phrase?: string; cause?: string }): void;
  /** Sends the hold re-INVITE; `done` runs once the other side has accepted it. */
  hold(options?: object, done?: () => void): boolean;
  unhold(options?: object, done?: () => void): boolean;
  mute(options?: { audio?: boolean; video?: boolean }): void;
  unmute(options?: { audio?: boolean; video?: boolean }): void;
  sendDTMF(tones: string, options?: object): void;
  refer(target: string | SipUri, options?: object): SipReferLike | false | undefined;
  isEnded(): boolean;
}

export interface NewSessionEvent {
  originator: 'local' | 'remote';
  session: SipSessionLike;
  request: SipRequestLike;
}

export interface SipUaLike {
  on(event: string, listener: Listener): unknown;
  start(): void;
  stop(): void;
  register(): void;
  isRegistered(): boolean;
  isConnected(): boolean;
  call(target: string, options?: object): SipSessionLike;
}

/** What the web phone needs to register: a user's SIP account from GET /api/me/sip-account. */
export interface WebPhoneAccount {
  /** The SIP address of record, e.g. sip:201@pbx.example.org. */
  address: string;
  authUser: string;
  password: string;
  /** ws:// or wss:// */
  webSocketUrl: string;
  displayName?: string | null;
  /** How keys are sent: RFC 4733 in the media (the default) or SIP INFO. */
  dtmfTransport?: 'rfc4733' | 'info';
  /** STUN and TURN servers for ICE, TURN with its user name and credential; none on a LAN. */
  iceServers?: RTCIceServer[];
}

export type CreateUa = (account: WebPhoneAccount) => SipUaLike | Promise<SipUaLike>;

/**
 * A JsSIP user agent for the account: SIP over WebSocket, registering, JsSIP's own socket
 * recovery as backoff. JsSIP is loaded on first use, so users of the hub never download it.
 */
export const createJsSipUa: CreateUa = async (account) => {
  const loaded = await import('jssip');
  // JsSIP is CommonJS: bundlers and Node hand it over as the default export, or as the namespace itself.
  const JsSIP: typeof loaded.default = (loaded as { default?: typeof loaded.default }).default ?? (loaded as unknown as typeof loaded.default);
  return new JsSIP.UA({
    sockets: [new JsSIP.WebSocketInterface(account.webSocketUrl)],
    uri: account.address,
    authorization_user: account.authUser,
    password: account.password,
    display_name: account.displayName ?? undefined,
    register: true,
    register_expires: 300,
    // RFC 4028 timers bring re-INVITEs some servers mishandle; the rig and most PBXs do without.
    session_timers: false,
    // Between lost WebSocket reconnections JsSIP waits 2 s, doubling up to 30 s: no storm.
    connection_recovery_min_interval: 2,
    connection_recovery_max_interval: 30,
    user_agent: 'Switchboard web phone (JsSIP)',
  }) as unknown as SipUaLike;
};

/** The user part of a SIP address: the web phone's line. */
export function lineOfAddress(address: string): string {
  const match = /^sips?:([^@;]+)@/i.exec(address.trim());
  if (!match?.[1]) throw new RangeError(`Not a SIP address with a user part: ${address}`);
  return decodeURIComponent(match[1]);
}
