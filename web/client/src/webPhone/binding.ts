import type { CallDto, Guid } from '../contract/call.js';
import type { SipSessionLike } from './sipTypes.js';

/** One SIP session and the call it is. */
export interface Binding {
  id: Guid;
  session: SipSessionLike;
  remoteNumber: string;
  video: boolean;
  /** Later session events wait for the call's callStarted, which waits for the lookup. */
  chain: Promise<void>;
  /** Session events waiting in `chain`; when none wait and the call has started, events are tracked at once. */
  queued: number;
  tracked: boolean;
  mediaFlowing: boolean;
  /** ICE or DTLS failed and the phone hung up: the call ends as failed. */
  mediaFailed?: boolean;
  /** The microphone (and camera) taken while an incoming call rings, so answering does not wait for it. */
  localStream?: Promise<MediaStream | undefined>;
  /** The call this one continues (a REFER we accepted, or an INVITE that replaces it). */
  continues?: Guid;
  /** The call as it ended, for a caller lookup that answers after the end. */
  finished?: CallDto | undefined;
}

export interface OutgoingPlan {
  id: Guid;
  number: string;
  video: boolean;
  parentCallId?: Guid;
  redirectedFrom?: string;
  continues?: Guid;
}

/**
 * Runs `action` for the binding's call in order: after callStarted (which waits for the caller
 * lookup) and after the actions before it; at once when nothing waits, so that a tab closing
 * (which ends its calls) still tells the other tabs before it goes.
 */
export function inOrder(binding: Binding, action: () => void): void {
  const failed = (error: unknown) => console.error('The web phone failed to track a call', error);
  if (binding.tracked && binding.queued === 0) {
    try {
      action();
    } catch (error) {
      failed(error);
    }

    return;
  }

  binding.queued++;
  binding.chain = binding.chain
    .then(action)
    .catch(failed)
    .finally(() => {
      binding.queued--;
    });
}
