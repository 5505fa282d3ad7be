import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchSessionMedia } from '../src/webPhone/sessionMedia.js';
import { FakeSession } from './fakeJsSip.js';

const events = { started: () => undefined, videoStarted: () => undefined, remoteStream: () => undefined, failed: () => undefined };
const candidate = (type: string) => ({ type, candidate: `candidate:1 1 udp 2122194687 127.0.0.1 40000 typ ${type}` });

afterEach(() => vi.useRealTimers());

describe('ICE gathering is cut short so the INVITE or the answer goes out at once', () => {
  it('without STUN or TURN servers the first host candidate is enough', () => {
    const session = new FakeSession('outgoing', '555');
    watchSessionMedia(session, false, events);
    const ready = vi.fn();
    session.emit('icecandidate', { candidate: candidate('host'), ready });
    expect(ready).toHaveBeenCalledTimes(1);
  });

  it('with STUN or TURN servers it waits for a reflexive or relay candidate, or 250 ms at most', () => {
    vi.useFakeTimers();
    const session = new FakeSession('outgoing', '555');
    watchSessionMedia(session, true, events);
    const ready = vi.fn();
    session.emit('icecandidate', { candidate: candidate('host'), ready });
    expect(ready).not.toHaveBeenCalled();
    session.emit('icecandidate', { candidate: candidate('srflx'), ready });
    expect(ready).toHaveBeenCalledTimes(1);

    const slow = new FakeSession('outgoing', '556');
    watchSessionMedia(slow, true, events);
    const late = vi.fn();
    slow.emit('icecandidate', { candidate: candidate('host'), ready: late });
    vi.advanceTimersByTime(249);
    expect(late).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(late).toHaveBeenCalledTimes(1);
  });
});
