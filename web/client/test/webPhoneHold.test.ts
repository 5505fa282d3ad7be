import { describe, expect, it } from 'vitest';
import { settle } from './fakeJsSip.js';
import { registered } from './webPhoneHarness.js';

async function connectedCall() {
  const p = await registered();
  const session = p.uas.last.ring('555');
  await settle();
  session.confirm();
  await settle();
  p.advance(5000);
  session.reOffers = 'wait';
  return { p, session };
}

describe('WebPhone hold and resume', () => {
  it('raises hold only when the other side accepts the re-INVITE, and unhold likewise', async () => {
    const { p, session } = await connectedCall();
    await p.webPhone.invoke('holdCall', { callId: 'call-1' });
    await settle();
    expect(p.names()).not.toContain('hold');
    expect(p.webPhone.greeting()?.snapshot.calls[0]?.state).toBe('connected');

    session.answerReOffer(true);
    await settle();
    expect(p.last('hold')).toMatchObject({ id: 'call-1', state: 'held' });

    await p.webPhone.invoke('unholdCall', { callId: 'call-1' });
    await settle();
    expect(p.names()).not.toContain('unhold');
    session.answerReOffer(true);
    await settle();
    expect(p.last('unhold')).toMatchObject({ id: 'call-1', state: 'connected' });
    // The panel's call timer counts from answeredAt: re-INVITEs must not move it.
    expect(p.last('unhold').answeredAt).toBe(p.last('commutationStarted').answeredAt);
  });

  it('a refused hold leaves the call connected with its sound on, says why, and the next hold works', async () => {
    const { p, session } = await connectedCall();
    await p.webPhone.invoke('holdCall', { callId: 'call-1' });
    session.answerReOffer(false);
    await settle();

    expect(session.isEnded()).toBe(false);
    expect(p.names()).not.toContain('callFinished');
    expect(p.names()).not.toContain('hold');
    expect(p.last('error')).toMatchObject({ code: 'hold_failed', callId: 'call-1', message: expect.stringContaining('still connected') });
    expect(session.localHold).toBe(false);
    expect(session.localTracksEnabled).toBe(true);
    expect(p.webPhone.greeting()?.snapshot.calls[0]).toMatchObject({ state: 'connected', operations: { hold: true } });

    await p.webPhone.invoke('holdCall', { callId: 'call-1' });
    session.answerReOffer(true);
    await settle();
    expect(p.last('hold').state).toBe('held');
  });

  it('a refused resume leaves the call on hold and says so', async () => {
    const { p, session } = await connectedCall();
    await p.webPhone.invoke('holdCall', { callId: 'call-1' });
    session.answerReOffer(true);
    await p.webPhone.invoke('unholdCall', { callId: 'call-1' });
    session.answerReOffer(false);
    await settle();

    expect(session.isEnded()).toBe(false);
    expect(p.names()).not.toContain('unhold');
    expect(p.last('error')).toMatchObject({ code: 'hold_failed', message: expect.stringContaining('still on hold') });
    expect(session.localHold).toBe(true);
    expect(p.webPhone.greeting()?.snapshot.calls[0]).toMatchObject({ state: 'held', operations: { unhold: true } });
  });

  it('hanging up while the hold waits for its answer still ends the call', async () => {
    const { p, session } = await connectedCall();
    await p.webPhone.invoke('holdCall', { callId: 'call-1' });
    await p.webPhone.invoke('dropCall', { callId: 'call-1' });
    await settle();
    expect(session.isEnded()).toBe(true);
    expect(p.last('callFinished')).toMatchObject({ id: 'call-1', endReason: 'completed' });
  });
});
