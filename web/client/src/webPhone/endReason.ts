import type { CallEndReason } from '../contract/enums.js';

/** How a SIP session ended, as JsSIP reports it in its `ended` and `failed` events. */
export interface SipEnding {
  /** Who ended it: this browser, the other side, or JsSIP itself (timeouts, transport). */
  originator: 'local' | 'remote' | 'system';
  /** JsSIP's cause (JsSIP.C.causes), e.g. `Busy`, `Canceled`, `Rejected`, `No Answer`. */
  cause: string;
  /** The final SIP status of a failed INVITE, when there was one. */
  statusCode?: number | undefined;
  /** The phone hung up because the media could not be connected (ICE or DTLS failed). */
  mediaFailed?: boolean | undefined;
}

/** What the call was when it ended, besides how it ended. */
export interface EndingCall {
  answered: boolean;
  placedByLine: boolean;
  transferred: boolean;
}

// The causes JsSIP gives (lib/Constants.js `causes`), grouped by what they mean for the log.
const busyCauses = new Set(['Busy']);
const notAnsweredCauses = new Set(['No Answer', 'Expires', 'Request Timeout', 'Unavailable', 'Not Found']);
const failureCauses = new Set([
  'Connection Error',
  'Internal Error',
  'User Denied Media Access',
  'WebRTC Error',
  'Incompatible SDP',
  'Missing SDP',
  'Bad Media Description',
  'Authentication Error',
  'Address Incomplete',
  'Dialog Error',
  'RTP Timeout',
  'SIP Failure Code',
]);

/**
 * The end reason of the call log for a SIP session, following the rules of the server's call
 * tracker (EndReasonRules.cs): transferred wins, a call whose media failed failed, an answered
 * call completed, then busy, not
 * answered (missed), failures, and an unanswered hang-up is abandoned when the side that placed
 * the call gave up and rejected when the called side refused it.
 */
export function endReasonFromSip(call: EndingCall, ending: SipEnding): CallEndReason {
  if (call.transferred) return 'transferred';
  // Answered in SIP but never (or no longer) heard: the call failed, whoever hung up.
  if (ending.mediaFailed) return 'failed';
  if (call.answered) return 'completed';
  if (busyCauses.has(ending.cause) || ending.statusCode === 486 || ending.statusCode === 600) return 'busy';
  if (notAnsweredCauses.has(ending.cause) || ending.statusCode === 408 || ending.statusCode === 480) return 'missed';
  if (failureCauses.has(ending.cause)) return 'failed';
  // Canceled, Rejected, Redirected, Terminated, Bye: someone hung up before the answer.
  const callerGaveUp = ending.originator === 'system' ? true : ending.originator === 'local' ? call.placedByLine : !call.placedByLine;
  if (!call.placedByLine && ending.originator !== 'local') return callerGaveUp ? 'missed' : 'rejected';
  return callerGaveUp ? 'abandoned' : 'rejected';
}
