import { describe, expect, it } from 'vitest';
import type { ContactCandidate } from '../src/contract/call.js';
import { settle } from './fakeJsSip.js';
import { ivan, registered } from './webPhoneHarness.js';

/** A lookup the test answers when it wants, as a busy CRM would. */
function slowLookup() {
  const waiting: ((candidates: ContactCandidate[]) => void)[] = [];
  return {
    lookup: (_number: string) => new Promise<ContactCandidate[]>((resolve) => waiting.push(resolve)),
    answer: (candidates: ContactCandidate[]) => waiting.shift()?.(candidates),
  };
}

const waitPast = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('WebPhone caller lookup', () => {
  it('raises callStarted without the contact when the lookup is slow, then callInfoChanged and a new save of the same row when it answers', async () => {
    const crm = slowLookup();
    const p = await registered({ lookup: crm.lookup, lookupWaitMs: 20 });
    p.uas.last.ring('+74951234567', { callId: 'late@pbx' });
    await waitPast(40);
    expect(p.last('callStarted')).toMatchObject({ id: 'call-1', state: 'alerting', contact: null });
    expect(p.saves.map((s) => s.body.contactId)).toEqual([null]);

    crm.answer([ivan]);
    await settle();
    const changed = p.last('callInfoChanged');
    expect(changed).toMatchObject({ id: 'call-1', state: 'alerting', contact: { contactId: 'c1' }, direction: 'incoming' });
    expect(changed.operations.answer).toBe(true);
    expect(p.saves.map((s) => `${s.pbxCallId} ${s.body.contactId} ${s.body.accountId}`)).toEqual(['late@pbx null null', 'late@pbx c1 a1']);
  });

  it('links the row of a call that ended before the lookup answered, without bringing the call back', async () => {
    const crm = slowLookup();
    const p = await registered({ lookup: crm.lookup, lookupWaitMs: 20 });
    const session = p.uas.last.ring('+74951234567', { callId: 'gone@pbx' });
    await waitPast(40);
    session.fail('remote', 'Canceled');
    await settle();
    expect(p.last('callFinished')).toMatchObject({ endReason: 'missed', contact: null });

    crm.answer([ivan]);
    await settle();
    expect(p.names()).not.toContain('callInfoChanged');
    const last = p.saves.at(-1);
    expect(last).toMatchObject({ pbxCallId: 'gone@pbx', body: { state: 'finished', endReason: 'missed', contactId: 'c1', accountId: 'a1' } });
    expect(new Set(p.saves.map((s) => s.pbxCallId))).toEqual(new Set(['gone@pbx']));
  });

  it("a late answer naming an agent's extension makes the call internal", async () => {
    const crm = slowLookup();
    const p = await registered({ lookup: crm.lookup, lookupWaitMs: 20 });
    p.uas.last.ring('202', { callId: 'agent@pbx' });
    await waitPast(40);
    expect(p.last('callStarted').direction).toBe('incoming');
    crm.answer([{ contactId: null, contactName: 'Bob Agent', accountId: null, accountName: null, matchedBy: 'extension' }]);
    await settle();
    expect(p.last('callInfoChanged').direction).toBe('internal');
    expect(p.saves.at(-1)?.body.direction).toBe('internal');
  });

  it('waits briefly for a quick lookup, so the popup opens with the name, and sends no change afterwards', async () => {
    const p = await registered();
    p.uas.last.ring('+74951234567');
    await settle();
    expect(p.last('callStarted').contact?.contactName).toBe('Ivan Petrov');
    expect(p.names()).not.toContain('callInfoChanged');
  });
});
