import type { Guid } from '../contract/call.js';
import { inOrder, type Binding } from './binding.js';
import type { CallTracker } from './callTracker.js';
import type { SipEnding } from './endReason.js';
import type { MediaOutput } from './media.js';
import { deviceMessage } from './phoneCommands.js';
import { watchSessionMedia } from './sessionMedia.js';
import type { PhoneSink } from './webPhone.js';
import { webPhoneMessages as say } from './webPhoneErrors.js';

export interface ReferEvent {
  request: { refer_to?: { uri: { user: string | null; toString(): string } } };
  accept: (init: unknown, options: object) => void;
}

/** What a watched session reports to, and asks of, the phone. */
export interface SessionHost {
  tracker: CallTracker;
  sink: PhoneSink;
  output: MediaOutput;
  haveIceServers: boolean;
  now(): Date;
  ended(binding: Binding, ending: SipEnding, at: Date): void;
  /** The call `oldCallId` was continued by a new one (a transfer this line took part in). */
  handedOn(oldCallId: Guid, newParty: string): void;
  acceptRefer(binding: Binding, event: ReferEvent): void;
}

/** Turns one JsSIP session's events into the tracker's facts, in order, with their moments. */
export function watchSession(binding: Binding, host: SessionHost): void {
  const { id, session } = binding;
  const at = host.now;

  session.on('confirmed', () => {
    const when = at();
    inOrder(binding, () => {
      host.tracker.confirmed(id, when);
      if (binding.continues) host.handedOn(binding.continues, binding.remoteNumber);
    });
  });
  session.on('failed', (event: { originator: SipEnding['originator']; cause: string; message?: { status_code?: number } }) => {
    const when = at();
    inOrder(binding, () => {
      // A transfer we were asked to make failed: the call we came from goes on as before.
      if (binding.continues) host.tracker.transferAbandoned(binding.continues);
      if (event.cause === 'Busy' || event.message?.status_code === 486) host.tracker.busy(id, when);
      host.ended(binding, { originator: event.originator, cause: event.cause, statusCode: event.message?.status_code }, when);
    });
  });
  session.on('ended', (event: { originator: SipEnding['originator']; cause: string }) => {
    const when = at();
    inOrder(binding, () => host.ended(binding, { originator: event.originator, cause: event.cause }, when));
  });
  // JsSIP tells this side's hold as the re-INVITE goes out; the phone tells it once it is accepted
  // (holdReInvite.ts). The other side's hold is told when its re-INVITE has come in.
  session.on('hold', (event: { originator: 'local' | 'remote' }) => {
    const when = at();
    if (event.originator === 'remote') inOrder(binding, () => host.tracker.held(id, 'remote', when));
  });
  session.on('unhold', (event: { originator: 'local' | 'remote' }) => {
    const when = at();
    if (event.originator === 'remote') inOrder(binding, () => host.tracker.unheld(id, 'remote', when));
  });
  session.on('muted', () => inOrder(binding, () => host.tracker.muted(id, true)));
  session.on('unmuted', () => inOrder(binding, () => host.tracker.muted(id, false)));
  session.on('newDTMF', (event: { originator: string; dtmf: { tone: string } }) => {
    if (event.originator === 'remote') inOrder(binding, () => host.tracker.dtmf(id, event.dtmf.tone));
  });
  session.on('refer', (event: { request: { refer_to?: { uri: { user: string | null; toString(): string } } }; accept: (init: unknown, options: object) => void }) =>
    inOrder(binding, () => host.acceptRefer(binding, event)),
  );
  session.on('replaces', (event: { accept: () => void }) => event.accept());
  session.on('getusermediafailed', (error: unknown) => host.sink.message('error', { code: 'microphone_denied', message: deviceMessage(error), callId: id }));
  for (const name of ['peerconnection:setremotedescriptionfailed', 'peerconnection:createofferfailed', 'peerconnection:createanswerfailed']) {
    session.on(name, () => host.sink.message('error', { code: 'media_failed', message: say.sdpFailed, callId: id }));
  }

  watchSessionMedia(session, host.haveIceServers, {
    remoteStream: (stream) => host.output.play(id, stream),
    started: (remoteStream) =>
      inOrder(binding, () => {
        binding.mediaFlowing = true;
        host.sink.message('webRtcStarted', { callId: id, line: host.tracker.line, remoteStream });
      }),
    videoStarted: (localStream, remoteStream) =>
      inOrder(binding, () => host.sink.message('webRtcVideoStarted', { callId: id, line: host.tracker.line, localStream, remoteStream })),
    failed: () => {
      if (session.isEnded()) return;
      binding.mediaFailed = true;
      host.sink.message('error', { code: 'media_failed', message: say.mediaFailed, callId: id });
      safely(() => session.terminate());
    },
  });
}

function safely(action: () => void): void {
  try {
    action();
  } catch {
    // The session has already ended.
  }
}
