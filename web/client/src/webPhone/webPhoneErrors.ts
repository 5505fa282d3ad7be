// Messages for people: what happened, and what to do about it. They never carry the password.

export const webPhoneMessages = {
  registrationRefused: (status?: number) =>
    `The SIP server refused the web phone's sign-in${status ? ` (${status})` : ''}: the SIP user name or password is wrong, or the account is not allowed. Ask an administrator to check your web-phone account.`,
  registrationFailed: (cause: string) => `The web phone could not register with the SIP server (${cause}). It keeps trying.`,
  unreachable: (url: string) => `The SIP server at ${url} cannot be reached. The web phone keeps trying; check the address and your network.`,
  connectionLost: 'The connection to the SIP server was lost. The web phone reconnects by itself.',
  microphoneDenied:
    'The browser did not allow the microphone, so the call could not go ahead. Allow the microphone for this site (the icon in the address bar) and try again.',
  cameraOrMicrophoneMissing: 'No microphone (or camera, for a video call) was found. Plug one in or choose another in the phone settings.',
  mediaFailed:
    "The call's audio could not be connected (ICE or DTLS failed): a firewall or the media relay may be blocking it. The call was ended.",
  sdpFailed: 'The other side offered media this browser cannot use. The call was ended.',
  holdRefused: 'The other side did not accept the hold, so the call is still connected and can hear you.',
  resumeRefused: 'The other side did not accept taking the call off hold, so it is still on hold. Try Resume again.',
  notRegistered: 'The web phone is not registered with the SIP server; the command was not sent.',
  noSuchCall: 'There is no such call on the web phone any more.',
  notAllowed: (what: string) => `The call cannot ${what} now.`,
  transferRefused: (target: string) => `The transfer to ${target} was refused.`,
  transferFailed: (target: string) => `The transfer to ${target} did not go through; the call stays with you.`,
  unsupported: (command: string) => `The web phone does not offer ${command}.`,
  badDigits: 'DTMF digits are 0-9, *, #, A-D.',
  leaderGone: 'The tab that holds the phone was closed; this tab takes the phone over.',
  leaderSilent: 'The tab that holds the phone did not answer; the command may not have been carried out.',
} as const;

/**
 * What the panel's connection banner says while the web phone is not registered: short, and
 * naming what is wrong; the full message (what to do) comes as an `error` beside it.
 */
export const webPhoneBanners = {
  refused: "The SIP server refused the web phone's registration: check the SIP user name and password.",
  unreachable: 'The web phone cannot reach the SIP server. Retrying…',
  failed: 'The web phone is not registered with the SIP server. Retrying…',
  lost: 'Connection to the server lost. Reconnecting…',
} as const;

/** Why the web phone is not registered: the message for a person, and the banner's short words. */
export class WebPhoneProblem extends Error {
  constructor(
    message: string,
    readonly banner: string,
  ) {
    super(message);
    this.name = 'WebPhoneProblem';
  }
}

