import { CtiModel } from '@switchboard/cti';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActiveCalls } from '../src/activeCalls/ActiveCalls';
import { IncomingCalls } from '../src/activeCalls/IncomingCallPopup';
import { AgentBar } from '../src/agent/AgentBar';
import { ConnectionBanner } from '../src/connection/ConnectionBanner';
import { CtiProvider } from '../src/cti/CtiContext';
import { NoticeList } from '../src/notices/NoticeList';
import { NoticeProvider } from '../src/notices/NoticeContext';
import { FakeTransport } from './fakeTransport';
import { call, initialized, operations } from './fixtures';

function renderPanel(onSessionLost?: () => void) {
  const transport = new FakeTransport();
  render(
    <NoticeProvider>
      <CtiProvider createModel={() => new CtiModel(transport)} onSessionLost={onSessionLost}>
        <ConnectionBanner />
        <AgentBar />
        <IncomingCalls />
        <ActiveCalls />
      </CtiProvider>
      <NoticeList />
    </NoticeProvider>,
  );
  act(() => {
    transport.deliver('initialized', initialized());
    transport.deliver('activeCallSnapshot', { calls: [], currentCalls: [] });
  });
  return transport;
}

beforeEach(() => {
  // The lookups of recent calls and contacts are not under test here.
  vi.stubGlobal('fetch', vi.fn(async () => new Response('[]', { status: 200 })));
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the panel', () => {
  it('pops up an incoming call with the contact and answers it', async () => {
    const transport = renderPanel();
    act(() =>
      transport.deliver(
        'callStarted',
        call({
          contact: { contactId: 'k1', contactName: 'Ivan Sidorov', accountId: 'a1', accountName: 'Romashka LLC', matchedBy: 'e164' },
          candidates: [{ contactId: 'k1', contactName: 'Ivan Sidorov', accountId: 'a1', accountName: 'Romashka LLC', matchedBy: 'e164' }],
        }),
      ),
    );

    const popup = screen.getByRole('dialog', { name: /incoming call/i });
    expect(within(popup).getByText('+74951234567')).toBeTruthy();
    expect(within(popup).getByRole('link', { name: 'Ivan Sidorov' })).toBeTruthy();
    expect(within(popup).getByRole('link', { name: 'Romashka LLC' })).toBeTruthy();

    await userEvent.click(within(popup).getByRole('button', { name: 'Answer' }));
    expect(transport.commands).toContainEqual({ command: 'answerCall', argument: { callId: 'c1' } });
  });

  it('goes back to sign-in when the server says the session has ended, and only then', () => {
    const lost = vi.fn();
    const transport = renderPanel(lost);
    act(() => transport.deliver('error', { code: 'session_changed', message: 'Your lines or rights have changed.' }));
    expect(lost).not.toHaveBeenCalled();
    act(() => transport.deliver('error', { code: 'session_ended', message: 'Your session has ended; sign in again.' }));
    expect(lost).toHaveBeenCalledOnce();
  });

  it('offers to create a contact when the number matched nobody', () => {
    const transport = renderPanel();
    act(() => transport.deliver('callStarted', call({ callerNumber: '+74990000000' })));
    expect(screen.getByRole('link', { name: /create a contact for \+74990000000/i })).toBeTruthy();
  });

  it('enables only the buttons that lineStateChanged allows', async () => {
    const transport = renderPanel();
    act(() => {
      transport.deliver('callStarted', call({ state: 'connected', answeredAt: new Date().toISOString(), operations: operations('hold', 'drop') }));
    });
    expect((screen.getByRole('button', { name: 'Hold' }) as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getByRole('button', { name: 'Keypad' }) as HTMLButtonElement).disabled).toBe(true);

    act(() => transport.deliver('lineStateChanged', { line: '101', callId: 'c1', operations: operations('drop', 'dtmf') }));
    expect((screen.getByRole('button', { name: 'Hold' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Keypad' }));
    await userEvent.click(screen.getByRole('button', { name: 'Key 5' }));
    expect(transport.commands).toContainEqual({ command: 'sendDtmf', argument: { callId: 'c1', digits: '5' } });
  });

  it('shows both calls of a consultation, the current one marked, with complete and cancel', () => {
    const transport = renderPanel();
    act(() => {
      transport.deliver('callStarted', call({ id: 'held', state: 'held', answeredAt: new Date().toISOString(), operations: operations('cancelTransfer', 'completeTransfer') }));
      transport.deliver('callStarted', call({ id: 'consult', parentCallId: 'held', direction: 'internal', callerNumber: '101', calleeNumber: '102', state: 'connected', operations: operations('drop', 'completeTransfer', 'cancelTransfer') }));
      transport.deliver('currentCallChanged', { line: '101', callId: 'consult' });
    });
    expect(screen.getByText('Waiting for transfer')).toBeTruthy();
    const consultation = screen.getByRole('article', { name: /102/ });
    expect(within(consultation).getByText('Current')).toBeTruthy();
    expect(within(consultation).getByRole('button', { name: 'Complete transfer' })).toBeTruthy();
    expect(within(consultation).getByRole('button', { name: 'Cancel consultation' })).toBeTruthy();
  });

  it('offers complete and cancel once, on the consultation, not on the held call as well', () => {
    const transport = renderPanel();
    act(() => {
      transport.deliver('callStarted', call({ id: 'held', state: 'held', answeredAt: new Date().toISOString(), operations: operations('drop', 'cancelTransfer', 'completeTransfer') }));
      transport.deliver('callStarted', call({ id: 'consult', parentCallId: 'held', direction: 'internal', callerNumber: '101', calleeNumber: '102', state: 'connected', operations: operations('drop', 'completeTransfer', 'cancelTransfer') }));
    });
    expect(screen.getAllByRole('button', { name: 'Complete transfer' })).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Cancel consultation' })).toHaveLength(1);
    const held = screen.getByRole('article', { name: /\+74951234567/ });
    expect(within(held).queryByRole('button', { name: 'Complete transfer' })).toBeNull();
    expect(within(held).getByRole('button', { name: 'Hang up' })).toBeTruthy();
  });

  it('disables the call buttons while reconnecting and enables them again once back', () => {
    const transport = renderPanel();
    act(() => {
      transport.deliver('callStarted', call({ id: 'ringing', operations: operations('answer', 'drop') }));
      transport.deliver('callStarted', call({ id: 'talking', callerNumber: '+74957654321', state: 'connected', operations: operations('hold', 'drop', 'dtmf') }));
    });
    const talking = screen.getByRole('article', { name: /\+74957654321/ });
    const popup = screen.getByRole('dialog', { name: /incoming call/i });

    act(() => transport.setState('reconnecting', 'socket closed'));
    for (const name of ['Hold', 'Keypad', 'Hang up']) expect((within(talking).getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);
    for (const name of ['Answer', 'Decline']) expect((within(popup).getByRole('button', { name }) as HTMLButtonElement).disabled).toBe(true);

    act(() => transport.setState('connected'));
    expect((within(talking).getByRole('button', { name: 'Hold' }) as HTMLButtonElement).disabled).toBe(false);
    expect((within(popup).getByRole('button', { name: 'Answer' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows a refused command as a readable message', async () => {
    const transport = renderPanel();
    act(() => transport.deliver('callStarted', call({ state: 'connected', operations: operations('hold', 'drop') })));
    transport.refuse = "An unexpected error occurred invoking 'holdCall' on the server. HubException: The PBX did not answer in time.";
    await userEvent.click(screen.getByRole('button', { name: 'Hold' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The PBX did not answer in time.');
  });

  it('sets the agent away with a reason and switches call-centre mode', async () => {
    const transport = renderPanel();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /agent state/i }), 'away:Lunch');
    expect(transport.commands).toContainEqual({ command: 'setAgentState', argument: { state: 'away', reason: 'Lunch', line: '101' } });
    await userEvent.click(screen.getByRole('switch', { name: /call-centre mode/i }));
    expect(transport.commands).toContainEqual({ command: 'setCallCentreMode', argument: { enabled: true, line: '101' } });
  });

  it('says when the connection is lost and when it is back', () => {
    const transport = renderPanel();
    act(() => transport.setState('reconnecting', 'socket closed'));
    expect(screen.getByText(/connection to the server lost/i)).toBeTruthy();
    act(() => transport.setState('connected'));
    expect(screen.getByText(/connection to the server restored/i)).toBeTruthy();
  });
});
