import { describe, expect, it } from 'vitest';
import { settle } from './fakeJsSip.js';
import { account, registered } from './webPhoneHarness.js';

const turn = { urls: ['turn:turn.example.org:3478?transport=udp'], username: 'ann', credential: 'turn-secret' };

describe("The web phone follows its account's media settings", () => {
  it('sends keys by SIP INFO when the account says so, and offers the STUN/TURN servers to every call', async () => {
    const p = await registered({ account: { ...account, dtmfTransport: 'info', iceServers: [{ urls: 'stun:stun.example.org' }, turn] } });
    const session = p.uas.last.ring('555');
    await settle();
    await p.webPhone.invoke('answerCall', { callId: 'call-1' });
    await settle();
    expect(session.answeredWith).toMatchObject({ pcConfig: { iceServers: [{ urls: 'stun:stun.example.org' }, turn] } });
    session.confirm();
    await settle();

    await p.webPhone.invoke('sendDtmf', { callId: 'call-1', digits: '12' });
    expect(session.dtmf).toEqual([{ tones: '12', options: expect.objectContaining({ transportType: 'INFO' }) }]);

    await p.webPhone.invoke('makeConsultCall', { callId: 'call-1', target: '202' });
    expect(p.uas.last.outgoing[0]?.options).toMatchObject({ pcConfig: { iceServers: [{ urls: 'stun:stun.example.org' }, turn] } });
  });

  it('sends keys in the media (RFC 4733) and uses no ICE server when the account says nothing', async () => {
    const p = await registered();
    const session = p.uas.last.ring('555');
    await settle();
    await p.webPhone.invoke('answerCall', { callId: 'call-1' });
    session.confirm();
    await settle();
    await p.webPhone.invoke('sendDtmf', { callId: 'call-1', digits: '5' });
    expect(session.dtmf[0]?.options).toMatchObject({ transportType: 'RFC2833' });
    expect(session.answeredWith).toMatchObject({ pcConfig: { iceServers: [] } });
  });
});
