import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CtiCommandError,
  CtiModel,
  HubTransport,
  ctiCommandNames,
  ctiEventNames,
  type CallDto,
  type CtiEventMap,
  type DisconnectedEvent,
} from '../src/index.js';
import { FakeHubConnection } from './fakeHubConnection.js';

function connectedModel(options: { rawMessages?: boolean; delays?: number[] } = {}) {
  const fake = new FakeHubConnection();
  let url = '';
  const transport = new HubTransport({
    rawMessages: options.rawMessages ?? false,
    reconnectDelaysMs: options.delays ?? [0, 1000],
    createConnection: (hubUrl) => {
      url = hubUrl;
      return fake;
    },
  });
  return { model: new CtiModel(transport), fake, url: () => url };
}

const call = { id: 'c1', line: '101', state: 'alerting' } as CallDto;

afterEach(() => {
  vi.useRealTimers();
});

describe('CtiModel', () => {
  it('connects to the hub path, with the raw messages flag when asked', async () => {
    const plain = connectedModel();
    await plain.model.start();
    expect(plain.url()).toBe('/hubs/cti');
    const raw = connectedModel({ rawMessages: true });
    await raw.model.start();
    expect(raw.url()).toBe('/hubs/cti?rawMessages=true');
  });

  it('raises every server event under its own name with its payload', async () => {
    const { model, fake } = connectedModel();
    await model.start();
    const heard: [string, unknown][] = [];
    for (const name of ctiEventNames) model.on(name, (payload) => heard.push([name, payload]));

    fake.deliver('callStarted', call);
    fake.deliver('lineStateChanged', { line: '101', callId: null, operations: { dial: true } });
    fake.deliver('error', { code: 'forbidden', message: 'No.', command: 'dropCall', callId: 'c1' });

    expect(heard).toEqual([
      ['callStarted', call],
      ['lineStateChanged', { line: '101', callId: null, operations: { dial: true } }],
      ['error', { code: 'forbidden', message: 'No.', command: 'dropCall', callId: 'c1' }],
    ]);
  });

  it('subscribes to every hub event of the contract and to no web phone event', async () => {
    const { model, fake } = connectedModel();
    await model.start();
    const subscribed = [...fake.handlers.keys()].sort();
    expect(subscribed).toEqual(ctiEventNames.filter((n) => !n.startsWith('webRtc')).sort());
  });

  it('lets the page raise the web phone events itself', () => {
    const { model } = connectedModel();
    const started = vi.fn();
    model.on('webRtcStarted', started);
    model.raise('webRtcStarted', { callId: 'c1', line: '101' });
    expect(started).toHaveBeenCalledWith({ callId: 'c1', line: '101' });
  });

  it('sends each command by its contract name with one argument object', async () => {
    const { model, fake } = connectedModel();
    await model.start();

    await model.makeCall('+74951234567');
    await model.answerCall('c1');
    await model.dropCall('c1');
    await model.holdCall('c1');
    await model.unholdCall('c1');
    await model.blindTransferCall('c1', '102');
    await model.makeConsultCall('c1', '102');
    await model.transferCall('c1');
    await model.cancelTransfer('c1');
    await model.sendDtmf('c1', '12#');
    await model.muteCall('c1');
    await model.unmuteCall('c1');
    await model.setAgentState('away', 'Lunch');
    await model.setCallCentreMode(true, '101');
    await model.listenCall('c2');
    await model.getActiveCalls();

    expect(fake.invocations.map((i) => i.method)).toEqual([...ctiCommandNames]);
    expect(fake.invocations[0]!.args).toEqual([{ number: '+74951234567', line: null }]);
    expect(fake.invocations[5]!.args).toEqual([{ callId: 'c1', target: '102' }]);
    expect(fake.invocations[9]!.args).toEqual([{ callId: 'c1', digits: '12#' }]);
    expect(fake.invocations[12]!.args).toEqual([{ state: 'away', reason: 'Lunch', line: null }]);
    expect(fake.invocations[13]!.args).toEqual([{ enabled: true, line: '101' }]);
    expect(fake.invocations[14]!.args).toEqual([{ callId: 'c2' }]);
    expect(fake.invocations[15]!.args).toEqual([]);
  });

  it('sends listenCall with the mode only when one is asked for, so older servers still understand a plain listen', async () => {
    const { model, fake } = connectedModel();
    await model.start();

    await model.listenCall('c2', 'whisper');
    await model.listenCall('c2', 'barge');
    await model.listenCall('c2');

    expect(fake.invocations.map((i) => i.args)).toEqual([[{ callId: 'c2', mode: 'whisper' }], [{ callId: 'c2', mode: 'barge' }], [{ callId: 'c2' }]]);
  });

  it('returns the snapshot that getActiveCalls answers', async () => {
    const { model, fake } = connectedModel();
    await model.start();
    fake.invokeResult = async () => ({ calls: [call], currentCalls: [{ line: '101', callId: 'c1' }] });
    await expect(model.getActiveCalls()).resolves.toEqual({ calls: [call], currentCalls: [{ line: '101', callId: 'c1' }] });
  });

  it('rejects a refused command with the server reason, without SignalR wrapping', async () => {
    const { model, fake } = connectedModel();
    await model.start();
    fake.invokeResult = async () => {
      throw new Error("An unexpected error occurred invoking 'dropCall' on the server. HubException: There is no active call c9.");
    };

    const failure = model.dropCall('c9');
    await expect(failure).rejects.toBeInstanceOf(CtiCommandError);
    await expect(failure).rejects.toMatchObject({ command: 'dropCall', message: 'There is no active call c9.' });
  });

  it('refuses to send a command while disconnected, saying so', async () => {
    const { model } = connectedModel();
    await expect(model.holdCall('c1')).rejects.toThrow('Not connected to the server');
  });

  it('rejects start when the first connection fails', async () => {
    const { model, fake } = connectedModel();
    fake.startResults.push(() => Promise.reject(new Error('401 Unauthorized')));
    await expect(model.start()).rejects.toThrow('401');
    expect(model.connectionState).toBe('idle');
  });

  it('raises disconnected once when the socket drops, then the fresh snapshot after reconnecting', async () => {
    const { model, fake } = connectedModel();
    await model.start();
    const order: string[] = [];
    const disconnected: DisconnectedEvent[] = [];
    model.on('disconnected', (e) => {
      disconnected.push(e);
      order.push('disconnected');
    });
    model.on('initialized', () => order.push('initialized'));
    model.on('activeCallSnapshot', () => order.push('activeCallSnapshot'));
    const states: string[] = [];
    model.onConnectionStateChanged((change) => states.push(change.state));

    fake.dropSocket();
    fake.dropSocket();
    fake.reconnect();
    fake.deliver('initialized', {} as CtiEventMap['initialized']);
    fake.deliver('activeCallSnapshot', { calls: [], currentCalls: [] });

    expect(disconnected).toEqual([{ source: 'server', reason: 'WebSocket closed with status code: 1006' }]);
    expect(order).toEqual(['disconnected', 'initialized', 'activeCallSnapshot']);
    expect(states).toEqual(['reconnecting', 'reconnecting', 'connected']);
  });

  it('keeps restarting after the server closes the connection, however long it takes', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { model, fake } = connectedModel({ delays: [0, 1000] });
    await model.start();
    const disconnected = vi.fn();
    model.on('disconnected', disconnected);
    for (let i = 0; i < 5; i++) fake.startResults.push(() => Promise.reject(new Error('refused')));

    fake.close(new Error('Server closed the connection'));
    expect(disconnected).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.startCalls).toBe(2);
    for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(1000);

    expect(fake.startCalls).toBe(7);
    expect(model.connectionState).toBe('connected');
    expect(disconnected).toHaveBeenCalledTimes(1);
  });

  it('does not reconnect after stop', async () => {
    vi.useFakeTimers();
    const { model, fake } = connectedModel();
    await model.start();
    await model.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.startCalls).toBe(1);
    expect(model.connectionState).toBe('stopped');
  });

  it('keeps telling the other listeners when one of them throws', async () => {
    const { model, fake } = connectedModel();
    await model.start();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const second = vi.fn();
    model.on('hold', () => {
      throw new Error('listener bug');
    });
    model.on('hold', second);
    fake.deliver('hold', call);
    expect(second).toHaveBeenCalledWith(call);
  });

  it('stops telling a listener once it unsubscribed', async () => {
    const { model, fake } = connectedModel();
    await model.start();
    const listener = vi.fn();
    const unsubscribe = model.on('callFinished', listener);
    unsubscribe();
    fake.deliver('callFinished', call);
    expect(listener).not.toHaveBeenCalled();
  });
});
