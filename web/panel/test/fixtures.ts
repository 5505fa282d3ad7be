import { noOperations, type CallDto, type InitializedEvent, type LineOperations } from '@switchboard/cti';

export function operations(...allowed: (keyof LineOperations)[]): LineOperations {
  return { ...noOperations, ...Object.fromEntries(allowed.map((name) => [name, true])) };
}

export function initialized(overrides: Partial<InitializedEvent> = {}): InitializedEvent {
  return {
    user: { id: 'u1', login: 'agent1', displayName: 'Anna Petrova', role: 'agent' },
    line: '101',
    lines: [{ line: '101', agentState: { state: 'available', reason: null }, callCentreMode: false, operations: operations('dial') }],
    capabilities: { callOperations: operations('dial', 'answer', 'drop', 'hold', 'unhold', 'dtmf', 'mute'), wrapUp: false, callCentreMode: true, callRecording: false, listen: true },
    awayReasons: ['Lunch', 'Break'],
    pbxConnected: true,
    ...overrides,
  };
}

export function call(overrides: Partial<CallDto> = {}): CallDto {
  return {
    id: 'c1',
    pbxCallId: 'sim-1',
    conversationId: 'sim-1',
    line: '101',
    direction: 'incoming',
    callerNumber: '+74951234567',
    calleeNumber: '101',
    state: 'alerting',
    startedAt: new Date().toISOString(),
    timeBeforeConnectionSeconds: 0,
    durationSeconds: 0,
    talkSeconds: 0,
    holdSeconds: 0,
    candidates: [],
    muted: false,
    isListening: false,
    operations: operations('answer', 'drop'),
    ...overrides,
  };
}
