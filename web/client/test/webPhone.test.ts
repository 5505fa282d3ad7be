import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallDto, ContactCandidate } from '../src/contract/call.js';
import { settle } from './fakeJsSip.js';
import { ivan, phone, registered } from './webPhoneHarness.js';

afterEach(() => vi.useRealTimers());

describe('WebPhone registration', () => {
  it('raises initialized with the SIP user as the line and the web phone capabilities once registered', async () => {
    const p = await registered();
    expect(p.names().slice(0, 3)).toEqual(['lineStateChanged', 'initialized', 'activeCallSnapshot']);
    const initialized = p.last('initialized');
    expect(initialized.line).toBe('201');
    expect(initialized.capabilities.callOperations.video).toBe(true);
    expect(initialized.lines[0]?.operations.dial).toBe(true);
    expect(p.states.at(-1)).toEqual({ state: 'connected' });
  });

  it('fails to start with a message a person understands when the password is refused, and stops the user agent', async () => {
    const p = phone();
    const started = p.webPhone.start();
    await settle();
    p.uas.last.emit('registrationFailed', { cause: 'Authentication Error', response: { status_code: 401 } });
    await expect(started).rejects.toThrow(/refused the web phone's sign-in \(401\).*password/);
    expect(p.uas.last.stopped).toBe(true);
    expect(JSON.stringify(p.heard)).not.toContain('secret');
  });

  it('fails to start when the WebSocket cannot be reached, naming the address', async () => {
    const p = phone();
    const started = p.webPhone.start();
    await settle();
    p.uas.last.emit('disconnected', { error: true });
    await expect(started).rejects.toThrow('The SIP server at wss://pbx.test/ws cannot be reached');
  });

  it('says disconnected when the socket drops and initialized again when JsSIP has registered anew', async () => {
    const p = await registered();
    p.uas.last.emit('disconnected', { error: true });
    expect(p.states.at(-1)?.state).toBe('reconnecting');
    expect(p.last('lineStateChanged').operations.dial).toBe(false);
    p.uas.last.registered();
    expect(p.states.at(-1)).toEqual({ state: 'connected' });
    expect(p.names().filter((n) => n === 'initialized')).toHaveLength(2);
  });

  it('registers again with growing waits after a refused refresh, one attempt at a time', async () => {
    vi.useFakeTimers();
    const p = phone({ registerRetryDelaysMs: [1000, 4000] });
    const started = p.webPhone.start();
    await vi.advanceTimersByTimeAsync(0);
    p.uas.last.registered();
    await started;
    const ua = p.uas.last;
    ua.emit('registrationFailed', { cause: 'Request Timeout' });
    ua.emit('registrationFailed', { cause: 'Request Timeout' });
    await vi.advanceTimersByTimeAsync(1300);
    expect(ua.registers).toBe(1);
    ua.emit('registrationFailed', { cause: 'Request Timeout' });
    await vi.advanceTimersByTimeAsync(1300);
    expect(ua.registers).toBe(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(ua.registers).toBe(2);
    expect(p.heard.filter((e) => e.name === 'error')).toHaveLength(1);
  });
});

describe('WebPhone calls', () => {
  it('tracks an incoming call from INVITE to BYE with the contact from the lookup, and saves it at start, answer and end', async () => {
    const p = await registered();
    const session = p.uas.last.ring('+74951234567', { callId: 'abc@pbx' });
    await settle();
    const started = p.last('callStarted');
    expect(started).toMatchObject({ id: 'call-1', pbxCallId: 'abc@pbx', line: '201', direction: 'incoming', callerNumber: '+74951234567', calleeNumber: '201', state: 'alerting' });
    expect(started.contact?.contactName).toBe('Ivan Petrov');
    expect(started.operations.answer).toBe(true);

    await p.webPhone.invoke('answerCall', { callId: 'call-1' });
    await settle();
    expect(session.answeredWith).toMatchObject({ mediaConstraints: { audio: true, video: false }, pcConfig: { iceServers: [] } });
    p.advance(2000);
    session.confirm();
    await settle();
    expect(p.last('commutationStarted').state).toBe('connected');

    p.advance(30000);
    session.hangUp('remote');
    await settle();
    const finished = p.last('callFinished');
    expect(finished).toMatchObject({ state: 'finished', endReason: 'completed', timeBeforeConnectionSeconds: 2, talkSeconds: 30, durationSeconds: 32 });
    expect(p.saves.map((s) => s.body.state)).toEqual(['alerting', 'connected', 'finished']);
    expect(new Set(p.saves.map((s) => `${s.pbxCallId}/${s.line}`))).toEqual(new Set(['abc@pbx/201']));
    expect(p.saves[2]?.body).toMatchObject({ contactId: 'c1', accountId: 'a1', endReason: 'completed' });
    expect(p.heard.filter((e) => e.name === 'callSaved').map((e) => e.payload.recordId)).toEqual(['row-abc@pbx', 'row-abc@pbx', 'row-abc@pbx']);
  });

  it('declining a ringing call answers 486 and logs it rejected; a caller who gives up leaves a missed call', async () => {
    const p = await registered();
    const declined = p.uas.last.ring('555');
    await settle();
    await p.webPhone.invoke('dropCall', { callId: 'call-1' });
    await settle();
    expect(declined.terminatedWith).toEqual({ status_code: 486 });
    expect(p.last('callFinished').endReason).toBe('rejected');

    const abandoned = p.uas.last.ring('556');
    await settle();
    abandoned.fail('remote', 'Canceled');
    await settle();
    expect(p.last('callFinished').endReason).toBe('missed');
  });

  it('dials out (audio or video): callStarted at once, callBusy and a busy end on 486', async () => {
    const p = await registered();
    await p.webPhone.invoke('makeCall', { number: '+74951234567', video: true });
    await settle();
    expect(p.uas.last.outgoing[0]?.options).toMatchObject({ mediaConstraints: { audio: true, video: true } });
    expect(p.last('callStarted')).toMatchObject({ direction: 'outgoing', callerNumber: '201', calleeNumber: '+74951234567', state: 'alerting' });
    expect(p.last('callStarted').operations.drop).toBe(true);
    p.uas.last.outgoing[0]?.session.fail('remote', 'Busy', 486);
    await settle();
    const names = p.names();
    expect(names.indexOf('callBusy')).toBeGreaterThan(-1);
    expect(names.indexOf('callBusy')).toBeLessThan(names.indexOf('callFinished'));
    expect(p.last('callFinished').endReason).toBe('busy');
  });

  it('raises hold and unhold for either side, and counts the held time', async () => {
    const p = await registered();
    const session = p.uas.last.ring('555');
    await settle();
    session.confirm();
    await settle();
    await p.webPhone.invoke('holdCall', { callId: 'call-1' });
    p.advance(5000);
    session.emit('hold', { originator: 'remote' });
    await p.webPhone.invoke('unholdCall', { callId: 'call-1' });
    await settle();
    expect(p.last('callInfoChanged')).toBeUndefined();
    expect(p.names().filter((n) => n === 'hold' || n === 'unhold')).toEqual(['hold']);
    p.advance(5000);
    session.emit('unhold', { originator: 'remote' });
    await settle();
    expect(p.last('unhold').holdSeconds).toBe(10);
    expect(p.last('unhold').operations.hold).toBe(true);
  });

  it('a second call rings as call waiting; answering it holds the first instead of breaking it', async () => {
    const p = await registered();
    const first = p.uas.last.ring('555');
    await settle();
    first.confirm();
    const second = p.uas.last.ring('556');
    await settle();
    expect(p.last('callStarted')).toMatchObject({ id: 'call-2', state: 'alerting' });
    expect(first.ended).toBe(false);
    await p.webPhone.invoke('answerCall', { callId: 'call-2' });
    await settle();
    expect(first.localHold).toBe(true);
    expect(second.answeredWith).toBeDefined();
    second.confirm();
    await settle();
    expect(p.last('currentCallChanged')).toEqual({ line: '201', callId: 'call-2' });
  });

  it('sends DTMF in the media by default (RFC 4733) and tells each key; refuses what is not a key', async () => {
    const p = await registered();
    const session = p.uas.last.ring('555');
    await settle();
    session.confirm();
    await settle();
    await p.webPhone.invoke('sendDtmf', { callId: 'call-1', digits: '1#' });
    expect(session.dtmf[0]).toMatchObject({ tones: '1#', options: { transportType: 'RFC2833' } });
    expect(p.heard.filter((e) => e.name === 'dtmfEntered').map((e) => e.payload.digit)).toEqual(['1', '#']);
    await expect(p.webPhone.invoke('sendDtmf', { callId: 'call-1', digits: 'x' })).rejects.toThrow('DTMF digits');
  });

  it('refuses a command whose operation is not allowed now, saying why', async () => {
    const p = await registered();
    p.uas.last.ring('555');
    await settle();
    await expect(p.webPhone.invoke('holdCall', { callId: 'call-1' })).rejects.toThrow('The call cannot be held now.');
    await expect(p.webPhone.invoke('dropCall', { callId: 'nope' })).rejects.toThrow('no such call');
  });

  it('blind transfer sends a REFER and ends the call as transferred once it is accepted', async () => {
    const p = await registered();
    const session = p.uas.last.ring('555');
    await settle();
    session.confirm();
    await settle();
    await p.webPhone.invoke('blindTransferCall', { callId: 'call-1', target: '202' });
    session.refers[0]?.subscriber.emit('requestSucceeded', {});
    await settle();
    expect(p.last('callFinished')).toMatchObject({ endReason: 'transferred', redirectedTo: '202' });
  });

  it('consultation: holds the call, makes the current call the consultation, then completes with REFER Replaces', async () => {
    const p = await registered();
    const caller = p.uas.last.ring('555');
    await settle();
    caller.confirm();
    await settle();
    await p.webPhone.invoke('makeConsultCall', { callId: 'call-1', target: '202' });
    await settle();
    expect(caller.localHold).toBe(true);
    const first = p.heard.find((e) => e.name === 'callStarted')?.payload as CallDto;
    expect(p.last('callStarted')).toMatchObject({ id: 'call-2', parentCallId: 'call-1', parentPbxCallId: first.pbxCallId, conversationId: first.conversationId });
    expect(p.last('currentCallChanged')).toEqual({ line: '201', callId: 'call-2' });
    const consultation = p.uas.last.outgoing[0]!.session;
    consultation.confirm();
    await settle();
    await p.webPhone.invoke('transferCall', { callId: 'call-2' });
    const refer = caller.refers[0]!;
    expect(refer.options).toMatchObject({ replaces: consultation });
    refer.subscriber.emit('requestSucceeded', {});
    refer.subscriber.emit('accepted', {});
    await settle();
    const finished = p.heard.filter((e) => e.name === 'callFinished').map((e) => e.payload as CallDto);
    expect(finished.map((c) => [c.id, c.endReason])).toEqual([
      ['call-1', 'transferred'],
      ['call-2', 'transferred'],
    ]);
  });

  it('cancelling a consultation ends it and takes the held call back', async () => {
    const p = await registered();
    const caller = p.uas.last.ring('555');
    await settle();
    caller.confirm();
    await settle();
    await p.webPhone.invoke('makeConsultCall', { callId: 'call-1', target: '202' });
    await settle();
    await p.webPhone.invoke('cancelTransfer', { callId: 'call-1' });
    await settle();
    expect(p.last('callFinished')).toMatchObject({ id: 'call-2', endReason: 'abandoned' });
    expect(caller.localHold).toBe(false);
    expect(p.last('currentCallChanged')).toEqual({ line: '201', callId: 'call-1' });
  });

  it('accepts a REFER from the other side: calls the target, and the old call ends as transferred when the new one answers', async () => {
    const p = await registered();
    const caller = p.uas.last.ring('555');
    await settle();
    caller.confirm();
    await settle();
    let acceptedWith: unknown;
    caller.emit('refer', {
      request: { refer_to: { uri: { user: '203', toString: () => 'sip:203@pbx.test' } } },
      accept: (_init: unknown, options: unknown) => {
        acceptedWith = options;
        p.uas.last.call('203', options as object);
      },
    });
    await settle();
    expect(acceptedWith).toBeDefined();
    expect(p.last('callStarted')).toMatchObject({ id: 'call-2', calleeNumber: '203', redirectedFrom: '555' });
    p.uas.last.outgoing[0]!.session.confirm();
    await settle();
    expect(p.last('callFinished')).toMatchObject({ id: 'call-1', endReason: 'transferred', redirectedTo: '203' });
  });

  it('reports a denied microphone as an error a person understands', async () => {
    const p = await registered();
    const session = p.uas.last.ring('555');
    await settle();
    session.emit('getusermediafailed', Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' }));
    session.fail('local', 'User Denied Media Access');
    await settle();
    expect(p.last('error')).toMatchObject({ code: 'microphone_denied', callId: 'call-1' });
    expect(p.last('error').message).toMatch(/did not allow the microphone/);
    expect(p.last('callFinished').endReason).toBe('failed');
  });

  it('refuses calls before they ring while the agent is on do not disturb', async () => {
    const p = await registered();
    await p.webPhone.invoke('setAgentState', { state: 'doNotDisturb' });
    const session = p.uas.last.ring('555');
    await settle();
    expect(session.terminatedWith).toEqual({ status_code: 486 });
    expect(p.last('agentStateChanged')).toMatchObject({ line: '201', state: 'doNotDisturb' });
  });
});
