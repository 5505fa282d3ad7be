// @switchboard/cti: the client contract of Switchboard's Messaging Service for browsers.
export * from './contract/names.js';
export type * from './contract/enums.js';
export { choosableAgentStates } from './contract/enums.js';
export type * from './contract/call.js';
export { noOperations } from './contract/operations.js';
export type * from './contract/events.js';
export type * from './contract/commands.js';
export type { ConnectionState, CtiTransport, TransportSink } from './transport.js';
export { CtiModel, type CtiEventListener } from './ctiModel.js';
export {
  HubTransport,
  connectionOptions,
  hubTransportKinds,
  parseHubTransportKind,
  signalRTransport,
  type HubConnectionLike,
  type HubTransportKind,
  type HubTransportOptions,
} from './hubTransport.js';
export { ForeverRetryPolicy } from './retryPolicy.js';
export { CtiCommandError, readableReason } from './errors.js';
export { WebPhoneTransport, type WebPhoneTransportOptions } from './webPhone/webPhoneTransport.js';
export type { WebPhoneAccount } from './webPhone/sipTypes.js';
export type { CallSaveRequest, CallSaveResponse, SendCallSave } from './webPhone/callSave.js';
export { loadDeviceChoice, storeDeviceChoice, type DeviceChoice } from './webPhone/media.js';
