// The names of the client contract (design.md, "The client contract (CtiModel)"), spelled as
// src/Switchboard.Contracts/CtiEvents.cs and CtiCommands.cs spell them: the hub and every client
// subscribe and invoke by these strings, so they are never renamed here alone.

/** Server-to-client messages, plus the three that the first-party web phone raises in the browser. */
export const ctiEventNames = [
  'initialized',
  'disconnected',
  'callStarted',
  'callFinished',
  'commutationStarted',
  'callBusy',
  'hold',
  'unhold',
  'error',
  'lineStateChanged',
  'agentStateChanged',
  'activeCallSnapshot',
  'callSaved',
  'rawMessage',
  'currentCallChanged',
  'callCentreStateChanged',
  'callInfoChanged',
  'dtmfEntered',
  'webRtcStarted',
  'webRtcVideoStarted',
  'webRtcDestroyed',
] as const;

export type CtiEventName = (typeof ctiEventNames)[number];

/** The events a server sends; the webRtc* ones never travel over the hub. */
export const hubEventNames: readonly CtiEventName[] = ctiEventNames.filter((name) => !name.startsWith('webRtc'));

/** Client-to-server commands (hub methods). */
export const ctiCommandNames = [
  'makeCall',
  'answerCall',
  'dropCall',
  'holdCall',
  'unholdCall',
  'blindTransferCall',
  'makeConsultCall',
  'transferCall',
  'cancelTransfer',
  'sendDtmf',
  'muteCall',
  'unmuteCall',
  'setAgentState',
  'setCallCentreMode',
  'listenCall',
  'getActiveCalls',
] as const;

export type CtiCommandName = (typeof ctiCommandNames)[number];

/** The hub's path on the server. */
export const hubPath = '/hubs/cti';

/** Query string flag that asks the hub for the PBX's raw messages (`rawMessage` events). */
export const rawMessagesQueryKey = 'rawMessages';
