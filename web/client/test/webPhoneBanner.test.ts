import { describe, expect, it } from 'vitest';
import type { ConnectionState, TransportSink } from '../src/transport.js';
import { webPhoneBanners } from '../src/webPhone/webPhoneErrors.js';
import { WebPhoneTransport } from '../src/webPhone/webPhoneTransport.js';
import { fakeUaFactory, settle } from './fakeJsSip.js';

const user = { id: 'u1', login: 'ann', displayName: 'Ann', role: 'agent' as const };
const account = { address: 'sip:201@pbx.test', authUser: '201', password: 'wrong', webSocketUrl: 'wss://pbx.test/ws' };

/** A transport that holds the phone, with every state change it reported. */
function phoneTab() {
  const uas = fakeUaFactory();
  const states: { state: ConnectionState; reason: string | undefined }[] = [];
  const sink: TransportSink = { message: () => undefined, stateChanged: (state, reason) => states.push({ state, reason }) };
  const transport = new WebPhoneTransport({ user, account, locks: null, createChannel: () => null, createUa: uas.create, page: null, storage: null });
  return { uas, states, sink, transport };
}

describe('What the web phone gives the connection banner', () => {
  it('a refused SIP password: the registration is named as refused, and stays the reason while the panel tries again', async () => {
    const tab = phoneTab();
    const first = tab.transport.start(tab.sink);
    await settle();
    tab.uas.last.emit('registrationFailed', { cause: 'Authentication Error', response: { status_code: 401 } });
    await expect(first).rejects.toThrow('refused the web phone');
    expect(tab.states.at(-1)).toEqual({ state: 'reconnecting', reason: webPhoneBanners.refused });
    expect(webPhoneBanners.refused).toContain('check the SIP user name and password');

    const again = tab.transport.start(tab.sink);
    await settle();
    expect(tab.states.at(-1)).toEqual({ state: 'connecting', reason: webPhoneBanners.refused });
    tab.uas.last.registered();
    await again;
    expect(tab.states.at(-1)).toEqual({ state: 'connected', reason: undefined });
  });

  it('a SIP server out of reach says so, and a lost connection after registering keeps the general words', async () => {
    const unreachable = phoneTab();
    const start = unreachable.transport.start(unreachable.sink);
    await settle();
    unreachable.uas.last.emit('disconnected', { error: true });
    await expect(start).rejects.toThrow('cannot be reached');
    expect(unreachable.states.at(-1)).toEqual({ state: 'reconnecting', reason: webPhoneBanners.unreachable });

    const lost = phoneTab();
    const started = lost.transport.start(lost.sink);
    await settle();
    lost.uas.last.registered();
    await started;
    lost.uas.last.emit('disconnected', { error: true });
    expect(lost.states.at(-1)).toEqual({ state: 'reconnecting', reason: webPhoneBanners.lost });
  });
});
