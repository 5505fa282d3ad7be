import type { LineOperations } from '../contract/call.js';
import type { CallState } from '../contract/enums.js';
import { noOperations } from '../contract/operations.js';

/** Everything the web phone can ever do: `initialized`'s capabilities. */
export const webPhoneCapabilities: LineOperations = {
  dial: true,
  answer: true,
  drop: true,
  hold: true,
  unhold: true,
  setupTransfer: true,
  completeTransfer: true,
  cancelTransfer: true,
  blindTransfer: true,
  makeConsultCall: true,
  dtmf: true,
  mute: true,
  video: true,
};

function allow(...names: (keyof LineOperations)[]): LineOperations {
  const operations = { ...noOperations };
  for (const name of names) operations[name] = true;
  return operations;
}

/** What the tracker knows of a call when it decides its operations. */
export interface CallShape {
  state: CallState;
  placedByLine: boolean;
  /** The call is a consultation whose parent is still on the line. */
  isConsultation: boolean;
  /** The state of the consultation made from this call, if one is going on. */
  consultationState: CallState | null;
}

/**
 * The operations of one call now, by the same rules as the server's tracker (OperationRules.cs),
 * so the panel's buttons behave alike with either transport. A held call may also be taken back
 * while it waits for a consultation only through cancelTransfer, never by a bare unhold.
 */
export function operationsForCall(call: CallShape): LineOperations {
  switch (call.state) {
    case 'alerting':
      if (call.isConsultation) return allow('drop', 'cancelTransfer');
      return call.placedByLine ? allow('drop') : allow('answer', 'drop');
    case 'connected':
      return call.isConsultation
        ? allow('drop', 'completeTransfer', 'cancelTransfer', 'dtmf', 'mute')
        : allow('drop', 'hold', 'blindTransfer', 'makeConsultCall', 'setupTransfer', 'dtmf', 'mute');
    case 'held':
      if (call.consultationState === 'connected') return allow('drop', 'completeTransfer', 'cancelTransfer');
      if (call.consultationState !== null) return allow('drop', 'cancelTransfer');
      return allow('drop', 'unhold', 'blindTransfer');
    case 'busy':
      return allow('drop');
    default:
      return noOperations;
  }
}

/** A new call may be dialled while the phone is registered and nothing on the line rings or talks (as OperationRules.ForLine). */
export function operationsForLine(registered: boolean, activeStates: readonly CallState[]): LineOperations {
  if (!registered) return noOperations;
  const occupied = activeStates.some((state) => state === 'alerting' || state === 'connected' || state === 'busy');
  return occupied ? noOperations : allow('dial', 'video');
}
