import { describe, expect, it } from 'vitest';
import { ctiReducer, initialCtiState, type CtiAction, type CtiState } from '../src/cti/ctiState';
import { callsInProgress, consultationPartner, incomingRinging } from '../src/cti/selectors';
import { call, initialized, operations } from './fixtures';

function play(...actions: CtiAction[]): CtiState {
  return actions.reduce(ctiReducer, initialCtiState);
}

describe('ctiReducer', () => {
  it('counts every confirmed save, also later saves of the same call, so the history is read again', () => {
    const saved = { type: 'callSaved', payload: { callId: 'c1', pbxCallId: 'sim-1', line: '101', recordId: 'r1' } } as const;
    const state = play(saved, saved);
    expect(state.savesConfirmed).toBe(2);
    expect(state.recordIdByCall).toEqual({ c1: 'r1' });
  });

  it('takes the line, agent state and reasons from initialized', () => {
    const state = play({ type: 'initialized', payload: initialized() });
    expect(state.ready).toBe(true);
    expect(state.lines['101']?.agent.state).toBe('available');
    expect(state.awayReasons).toEqual(['Lunch', 'Break']);
  });

  it('replaces the calls with each snapshot, so a reconnect leaves no stale call', () => {
    const state = play(
      { type: 'initialized', payload: initialized() },
      { type: 'activeCallSnapshot', payload: { calls: [call({ id: 'old' })], currentCalls: [] } },
      { type: 'disconnected', payload: { source: 'server' } },
      { type: 'initialized', payload: initialized() },
      { type: 'activeCallSnapshot', payload: { calls: [call({ id: 'new' })], currentCalls: [{ line: '101', callId: 'new' }] } },
    );
    expect(Object.keys(state.calls)).toEqual(['new']);
    expect(state.currentCallByLine['101']).toBe('new');
  });

  it('applies the operations of lineStateChanged to the call or to the line', () => {
    const state = play(
      { type: 'initialized', payload: initialized() },
      { type: 'callStarted', payload: call() },
      { type: 'lineStateChanged', payload: { line: '101', callId: 'c1', operations: operations('hold', 'drop') } },
      { type: 'lineStateChanged', payload: { line: '101', callId: null, operations: operations() } },
    );
    expect(state.calls.c1?.operations.hold).toBe(true);
    expect(state.calls.c1?.operations.answer).toBe(false);
    expect(state.lines['101']?.operations.dial).toBe(false);
  });

  it('forgets a call when it finishes', () => {
    const state = play({ type: 'callStarted', payload: call() }, { type: 'dtmfEntered', payload: { callId: 'c1', line: '101', digit: '5' } }, { type: 'callFinished', payload: call({ state: 'finished' }) });
    expect(state.calls).toEqual({});
    expect(state.dtmfByCall).toEqual({});
  });

  it('collects the keys pressed and the log row of each call', () => {
    const state = play(
      { type: 'callStarted', payload: call() },
      { type: 'dtmfEntered', payload: { callId: 'c1', line: '101', digit: '1' } },
      { type: 'dtmfEntered', payload: { callId: 'c1', line: '101', digit: '#' } },
      { type: 'callSaved', payload: { callId: 'c1', pbxCallId: 'sim-1', line: '101', recordId: 'r1' } },
    );
    expect(state.dtmfByCall.c1).toBe('1#');
    expect(state.recordIdByCall.c1).toBe('r1');
  });

  it('marks the PBX down on its disconnected and up again with the resync snapshot', () => {
    const down = play(
      { type: 'initialized', payload: initialized() },
      { type: 'activeCallSnapshot', payload: { calls: [], currentCalls: [] } },
      { type: 'disconnected', payload: { source: 'pbx', reason: 'link lost' } },
    );
    expect(down.pbxConnected).toBe(false);
    expect(ctiReducer(down, { type: 'activeCallSnapshot', payload: { calls: [], currentCalls: [] } }).pbxConnected).toBe(true);
  });

  it('keeps the PBX down when the connection starts while it is down', () => {
    const state = play({ type: 'initialized', payload: initialized({ pbxConnected: false }) }, { type: 'activeCallSnapshot', payload: { calls: [], currentCalls: [] } });
    expect(state.pbxConnected).toBe(false);
  });

  it('updates the agent state and the call-centre mode of a line', () => {
    const state = play(
      { type: 'initialized', payload: initialized() },
      { type: 'agentStateChanged', payload: { line: '101', state: 'away', reason: 'Lunch' } },
      { type: 'callCentreStateChanged', payload: { line: '101', enabled: true } },
    );
    expect(state.lines['101']?.agent).toEqual({ state: 'away', reason: 'Lunch' });
    expect(state.lines['101']?.callCentreMode).toBe(true);
  });
});

describe('selectors', () => {
  it('pops up ringing incoming calls and lists the rest as in progress', () => {
    const state = play(
      { type: 'callStarted', payload: call({ id: 'in' }) },
      { type: 'callStarted', payload: call({ id: 'out', direction: 'outgoing', callerNumber: '101', calleeNumber: '+7495' }) },
    );
    expect(incomingRinging(state).map((c) => c.id)).toEqual(['in']);
    expect(callsInProgress(state).map((c) => c.id)).toEqual(['out']);
  });

  it('pairs a consultation with the call it was made from', () => {
    const state = play(
      { type: 'callStarted', payload: call({ id: 'held', state: 'held' }) },
      { type: 'callStarted', payload: call({ id: 'consult', parentCallId: 'held', direction: 'internal', callerNumber: '101', calleeNumber: '102' }) },
    );
    expect(consultationPartner(state, state.calls.held!)?.id).toBe('consult');
    expect(consultationPartner(state, state.calls.consult!)?.id).toBe('held');
  });
});
