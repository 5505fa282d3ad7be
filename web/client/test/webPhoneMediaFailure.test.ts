import { afterEach, describe, expect, it, vi } from 'vitest';
import { endReasonFromSip } from '../src/webPhone/endReason.js';
import { settle } from './fakeJsSip.js';
import { registered } from './webPhoneHarness.js';

/** The part of an RTCPeerConnection the phone watches, with its state set by the test. */
class FakePeerConnection extends EventTarget {
  connectionState: RTCPeerConnectionState = 'new';
  getSenders(): RTCRtpSender[] {
    return [];
  }

  become(state: RTCPeerConnectionState): void {
    this.connectionState = state;
    this.dispatchEvent(new Event('connectionstatechange'));
  }
}

/** Node has no MediaStream: the phone only gathers the remote tracks into one. */
class FakeMediaStream {
  getTracks(): MediaStreamTrack[] {
    return [];
  }

  getVideoTracks(): MediaStreamTrack[] {
    return [];
  }
}

afterEach(() => vi.unstubAllGlobals());

describe('WebPhone media failure', () => {
  it('ICE or DTLS failing on an answered call: an error a person understands, the call hung up and logged failed', async () => {
    vi.stubGlobal('MediaStream', FakeMediaStream);
    const p = await registered();
    await p.webPhone.invoke('makeCall', { number: '555' });
    await settle();
    const session = p.uas.last.outgoing[0]!.session;
    const connection = new FakePeerConnection();
    session.emit('peerconnection', { peerconnection: connection });
    session.confirm();
    await settle();
    expect(p.last('commutationStarted').state).toBe('connected');

    connection.become('failed');
    await settle();
    expect(p.last('error')).toMatchObject({ code: 'media_failed', message: expect.stringContaining('ICE or DTLS failed') });
    expect(session.isEnded()).toBe(true);
    expect(p.last('callFinished')).toMatchObject({ state: 'finished', endReason: 'failed' });
    expect(p.saves.at(-1)?.body).toMatchObject({ state: 'finished', endReason: 'failed' });
    expect(p.webPhone.hasActiveCalls).toBe(false);
    expect(p.names()).not.toContain('webRtcStarted');
  });

  it('a media failure makes the end failed even for an answered call, but a transfer still wins', () => {
    const answered = { answered: true, placedByLine: true, transferred: false };
    expect(endReasonFromSip(answered, { originator: 'local', cause: 'Terminated', mediaFailed: true })).toBe('failed');
    expect(endReasonFromSip(answered, { originator: 'local', cause: 'Terminated' })).toBe('completed');
    expect(endReasonFromSip({ ...answered, transferred: true }, { originator: 'local', cause: 'Terminated', mediaFailed: true })).toBe('transferred');
  });
});
