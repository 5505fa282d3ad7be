import type { LineOperations } from './call.js';

/** Every flag off: a call or line on which nothing can be done now (a finished call, a panel that is reconnecting). */
export const noOperations: LineOperations = {
  dial: false,
  answer: false,
  drop: false,
  hold: false,
  unhold: false,
  setupTransfer: false,
  completeTransfer: false,
  cancelTransfer: false,
  blindTransfer: false,
  makeConsultCall: false,
  dtmf: false,
  mute: false,
  video: false,
  conference: false,
};
