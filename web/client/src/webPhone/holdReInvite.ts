import type { SipSessionLike } from './sipTypes.js';

/** How the other side answered a hold or resume re-INVITE. */
export type HoldOutcome = 'accepted' | 'refused';

/**
 * JsSIP 3.13's own record of this side's hold and its switch of the local tracks (RTCSession's
 * `_localHold` and `_setLocalMediaStatus`), used only to undo a re-INVITE the other side refused.
 * The version is pinned in package.json; the holdReInvite tests run against these names.
 */
interface JsSipHoldState {
  _localHold: boolean;
  _setLocalMediaStatus(): void;
}

/**
 * Holds the session (or resumes it) with a re-INVITE and reports the other side's answer.
 *
 * JsSIP raises its `hold` event as it sends the re-INVITE, and hangs the call up (BYE, "Hold
 * Failed") when the re-INVITE is refused. The phone wants neither: a call is on hold once the
 * other side has accepted, and a refused hold leaves the call as it was. So the answer is taken
 * from JsSIP's completion callback, and the hang-up JsSIP makes on a refusal is caught (it is the
 * only terminate with that reason phrase), after which JsSIP's half-made change is undone: its
 * hold flag and the local tracks it switched off. The peer connection keeps its unanswered offer
 * (the media in use goes on; the next offer replaces it): rolling it back in Chromium stopped
 * the call's RTP, as the rig's refused-hold scenario showed.
 *
 * Returns false when JsSIP cannot send a re-INVITE now (another one waits for its answer).
 */
export function sendHold(session: SipSessionLike, hold: boolean, answered: (outcome: HoldOutcome) => void): boolean {
  const refusalPhrase = hold ? 'Hold Failed' : 'Unhold Failed';
  const hangUp = session.terminate;
  let settled = false;
  const settle = (outcome: HoldOutcome) => {
    if (settled) return;
    settled = true;
    session.terminate = hangUp;
    answered(outcome);
  };
  session.terminate = (options) => {
    if (!settled && options?.reason_phrase === refusalPhrase) {
      undo(session, hold);
      settle('refused');
      return;
    }

    hangUp.call(session, options);
  };
  const sent = hold ? session.hold({}, () => settle('accepted')) : session.unhold({}, () => settle('accepted'));
  if (!sent) session.terminate = hangUp;
  return sent;
}

function undo(session: SipSessionLike, hold: boolean): void {
  const state = session as unknown as Partial<JsSipHoldState>;
  if (typeof state._setLocalMediaStatus === 'function') {
    state._localHold = !hold;
    state._setLocalMediaStatus();
  }
}
