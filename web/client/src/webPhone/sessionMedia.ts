import type { SipSessionLike } from './sipTypes.js';

export interface SessionMediaEvents {
  /** ICE and DTLS are connected: media flows. */
  started(remoteStream: MediaStream): void;
  videoStarted(localStream: MediaStream, remoteStream: MediaStream): void;
  remoteStream(stream: MediaStream): void;
  failed(): void;
}

/**
 * Watches one session's RTCPeerConnection: the remote tracks, the moment media flows, a failed
 * ICE or DTLS. Also cuts ICE gathering short: JsSIP waits for gathering to finish before it sends
 * the SDP, which costs up to a second; the first host candidate is enough on a LAN or loopback,
 * and with STUN or TURN servers the first server-reflexive or relay candidate (or 250 ms) is.
 */
export function watchSessionMedia(session: SipSessionLike, haveIceServers: boolean, events: SessionMediaEvents): void {
  let iceTimer: ReturnType<typeof setTimeout> | undefined;
  session.on('icecandidate', (event: { candidate: RTCIceCandidate; ready: () => void }) => {
    const type = event.candidate.type ?? /typ (\w+)/.exec(event.candidate.candidate)?.[1];
    if (!haveIceServers || type === 'srflx' || type === 'relay') {
      clearTimeout(iceTimer);
      event.ready();
    } else {
      iceTimer ??= setTimeout(() => event.ready(), 250);
    }
  });

  let watched: RTCPeerConnection | undefined;
  session.on('peerconnection', (event: { peerconnection: RTCPeerConnection }) => watch(event.peerconnection));
  // An outgoing session's connection exists before its 'peerconnection' event is heard.
  if (session.connection) watch(session.connection);

  function watch(connection: RTCPeerConnection): void {
    if (watched === connection) return;
    watched = connection;
    const remote = new MediaStream();
    let flowing = false;
    let videoTold = false;
    const tellVideo = () => {
      if (videoTold || !flowing || remote.getVideoTracks().length === 0) return;
      videoTold = true;
      const local = new MediaStream(
        connection
          .getSenders()
          .map((sender) => sender.track)
          .filter((track): track is MediaStreamTrack => track !== null),
      );
      events.videoStarted(local, remote);
    };

    connection.addEventListener('track', (event: RTCTrackEvent) => {
      if (!remote.getTracks().includes(event.track)) remote.addTrack(event.track);
      events.remoteStream(remote);
      tellVideo();
    });
    connection.addEventListener('connectionstatechange', () => {
      if (connection.connectionState === 'connected' && !flowing) {
        flowing = true;
        events.started(remote);
        tellVideo();
      } else if (connection.connectionState === 'failed') {
        events.failed();
      }
    });
  }
}
