// Enumerations travel as camelCase strings (src/Switchboard.Contracts/WireEnums.cs).

export type CallDirection = 'incoming' | 'outgoing' | 'internal';

export type CallState = 'alerting' | 'connected' | 'held' | 'busy' | 'finished';

export type CallEndReason = 'completed' | 'missed' | 'busy' | 'abandoned' | 'rejected' | 'failed' | 'transferred';

export type AgentState = 'available' | 'away' | 'doNotDisturb' | 'wrapUp' | 'busy' | 'offline';

/** The states an agent may choose; `busy` and `wrapUp` are set by the system. */
export const choosableAgentStates = ['available', 'away', 'doNotDisturb', 'offline'] as const satisfies readonly AgentState[];

export type ChoosableAgentState = (typeof choosableAgentStates)[number];

/** How a supervisor is in an agent's call: hears it, speaks to the agent alone, or speaks to both parties. */
export type SupervisionMode = 'listen' | 'whisper' | 'barge';

export type UserRole = 'agent' | 'supervisor' | 'administrator';

/** How a contact candidate matched a number (GET /api/contacts/lookup). */
export type MatchedBy = 'e164' | 'nationalNumber' | 'trailingDigits' | 'extension' | (string & {});
