import type { ContactCandidate } from '../src/contract/call.js';
import type { CtiEventMap } from '../src/contract/events.js';
import type { CtiEventName } from '../src/contract/names.js';
import type { ConnectionState } from '../src/transport.js';
import type { CallSaveRequest } from '../src/webPhone/callSave.js';
import { WebPhone, type WebPhoneOptions } from '../src/webPhone/webPhone.js';
import { fakeUaFactory, settle } from './fakeJsSip.js';

// A web phone on fake JsSIP objects, with a clock the test moves and every event and save it made.

export const account = { address: 'sip:201@pbx.test', authUser: '201', password: 'secret', webSocketUrl: 'wss://pbx.test/ws', displayName: 'Ann Agent' };
export const user = { id: 'u1', login: 'ann', displayName: 'Ann Agent', role: 'agent' as const };
export const ivan: ContactCandidate = { contactId: 'c1', contactName: 'Ivan Petrov', accountId: 'a1', accountName: 'Acme', matchedBy: 'e164' };

export function phone(options: Partial<WebPhoneOptions> = {}) {
  const uas = fakeUaFactory();
  const heard: { name: CtiEventName; payload: any }[] = [];
  const states: { state: ConnectionState; reason?: string }[] = [];
  const saves: { pbxCallId: string; line: string; body: CallSaveRequest }[] = [];
  let clock = Date.parse('2026-11-28T10:00:00Z');
  let ids = 0;
  const webPhone = new WebPhone(
    {
      account,
      user,
      createUa: uas.create,
      lookup: async (number) => (number === '+74951234567' ? [ivan] : []),
      sendSave: async (pbxCallId, line, body) => {
        saves.push({ pbxCallId, line, body });
        return { id: `row-${pbxCallId}` };
      },
      now: () => new Date(clock),
      newId: () => `call-${++ids}`,
      ...options,
    },
    {
      message: (name, payload) => heard.push({ name, payload }),
      stateChanged: (state, reason) => states.push(reason === undefined ? { state } : { state, reason }),
    },
  );
  return {
    webPhone,
    uas,
    heard,
    states,
    saves,
    names: () => heard.map((e) => e.name),
    last: <K extends CtiEventName>(name: K): CtiEventMap[K] => heard.filter((e) => e.name === name).at(-1)?.payload,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

export async function registered(options: Partial<WebPhoneOptions> = {}) {
  const p = phone(options);
  const started = p.webPhone.start();
  await settle();
  p.uas.last.registered();
  await started;
  return p;
}
