import { describe, expect, it } from 'vitest';
import { endReasonFromSip, type EndingCall, type SipEnding } from '../src/webPhone/endReason.js';

const incoming: EndingCall = { answered: false, placedByLine: false, transferred: false };
const outgoing: EndingCall = { answered: false, placedByLine: true, transferred: false };

describe('endReasonFromSip', () => {
  it.each<[string, EndingCall, SipEnding, string]>([
    ['a transferred call, answered or not', { ...incoming, answered: true, transferred: true }, { originator: 'local', cause: 'Terminated' }, 'transferred'],
    ['an answered call whoever hangs up', { ...incoming, answered: true }, { originator: 'remote', cause: 'Terminated' }, 'completed'],
    ['486 Busy Here on a call the agent placed', outgoing, { originator: 'remote', cause: 'Busy', statusCode: 486 }, 'busy'],
    ['no answer from the called party', outgoing, { originator: 'remote', cause: 'Unavailable', statusCode: 480 }, 'missed'],
    ['the agent cancels a call before the answer', outgoing, { originator: 'local', cause: 'Canceled' }, 'abandoned'],
    ['the called party declines (603)', outgoing, { originator: 'remote', cause: 'Rejected', statusCode: 603 }, 'rejected'],
    ['the caller gives up while it rings here', incoming, { originator: 'remote', cause: 'Canceled' }, 'missed'],
    ['the agent declines a ringing call', incoming, { originator: 'local', cause: 'Rejected' }, 'rejected'],
    ['a denied microphone', outgoing, { originator: 'local', cause: 'User Denied Media Access' }, 'failed'],
    ['a lost connection', incoming, { originator: 'system', cause: 'Connection Error' }, 'failed'],
    ['a request timeout on an incoming call', incoming, { originator: 'system', cause: 'Request Timeout' }, 'missed'],
  ])('%s', (_name, call, ending, reason) => {
    expect(endReasonFromSip(call, ending)).toBe(reason);
  });
});
