import { CtiModel, type PbxCapabilities } from '@switchboard/cti';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActiveCalls } from '../src/activeCalls/ActiveCalls';
import { CtiProvider } from '../src/cti/CtiContext';
import { NoticeProvider } from '../src/notices/NoticeContext';
import { TeamCalls } from '../src/supervisor/TeamCalls';
import { FakeTransport } from './fakeTransport';
import { call, initialized, operations } from './fixtures';

function renderWith(ui: React.ReactNode, capabilities: Partial<PbxCapabilities> = {}) {
  const transport = new FakeTransport();
  render(
    <NoticeProvider>
      <CtiProvider createModel={() => new CtiModel(transport)}>{ui}</CtiProvider>
    </NoticeProvider>,
  );
  const base = initialized();
  act(() => {
    transport.deliver(
      'initialized',
      initialized({
        user: { id: 'u3', login: 'super', displayName: 'Sam Supervisor', role: 'supervisor' },
        line: '103',
        capabilities: { ...base.capabilities, ...capabilities },
      }),
    );
    transport.deliver('activeCallSnapshot', { calls: [], currentCalls: [] });
  });
  return transport;
}

function teamHasOneCall() {
  const agentCall = call({ id: 'a1', state: 'connected', operations: operations('drop') });
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify([agentCall]), { status: 200, headers: { 'Content-Type': 'application/json' } })));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('supervision', () => {
  it('offers whisper and barge beside listen when the PBX has them, and sends each mode', async () => {
    teamHasOneCall();
    const transport = renderWith(<TeamCalls />, { whisper: true, barge: true });
    const group = await screen.findByRole('group', { name: 'Supervise the call on line 101' });

    await userEvent.click(within(group).getByRole('button', { name: 'Listen to the call on line 101' }));
    await userEvent.click(within(group).getByRole('button', { name: 'Whisper to the agent in the call on line 101' }));
    await userEvent.click(within(group).getByRole('button', { name: 'Barge into the call on line 101' }));

    expect(transport.commands).toEqual([
      { command: 'listenCall', argument: { callId: 'a1' } },
      { command: 'listenCall', argument: { callId: 'a1', mode: 'whisper' } },
      { command: 'listenCall', argument: { callId: 'a1', mode: 'barge' } },
    ]);
  });

  it('offers only listen where the PBX cannot whisper or barge', async () => {
    teamHasOneCall();
    renderWith(<TeamCalls />);
    const group = await screen.findByRole('group', { name: 'Supervise the call on line 101' });

    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual(['Listen']);
  });

  it("shows the agent that a supervisor is whispering, and nothing once the supervisor has gone", () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('[]', { status: 200 })));
    const transport = renderWith(<ActiveCalls />);
    act(() => transport.deliver('callStarted', call({ state: 'connected', operations: operations('drop') })));
    act(() =>
      transport.deliver('callInfoChanged', call({ state: 'connected', operations: operations('drop'), supervision: { mode: 'whisper', supervisorLine: '103' } })),
    );

    expect(screen.getByRole('status').textContent).toBe('Supervisor 103 is whispering');

    act(() => transport.deliver('callInfoChanged', call({ state: 'connected', operations: operations('drop'), supervision: null })));
    expect(screen.queryByText(/Supervisor 103/)).toBeNull();
  });

  it('tells the agent about silent listening and barging too', () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('[]', { status: 200 })));
    const transport = renderWith(<ActiveCalls />);
    act(() =>
      transport.deliver('callStarted', call({ state: 'connected', operations: operations('drop'), supervision: { mode: 'listen', supervisorLine: '103' } })),
    );
    expect(screen.getByText('Supervisor 103 is listening')).toBeTruthy();
    act(() =>
      transport.deliver('callInfoChanged', call({ state: 'connected', operations: operations('drop'), supervision: { mode: 'barge', supervisorLine: '103' } })),
    );
    expect(screen.getByText('Supervisor 103 barged in')).toBeTruthy();
  });
});

describe('conference', () => {
  it('lists every member of the conference on the agent\'s call card', () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('[]', { status: 200 })));
    const transport = renderWith(<ActiveCalls />);
    const conference = {
      id: 'bridge-1',
      name: '850',
      members: [
        { number: '+74951234567', name: 'Ivan Sidorov', line: null },
        { number: '101', name: null, line: '101' },
        { number: '102', name: null, line: '102' },
      ],
    };
    act(() => transport.deliver('callStarted', call({ state: 'connected', operations: operations('drop'), conference })));

    const members = screen.getByRole('list', { name: 'Conference members' });
    expect(within(members).getAllByRole('listitem').map((i) => i.textContent)).toEqual(['Ivan Sidorov · +74951234567', 'You (line 101)', 'Line 102']);
    expect(screen.getByText('Conference 850 · 3 members')).toBeTruthy();

    act(() => transport.deliver('callInfoChanged', call({ state: 'connected', operations: operations('drop'), conference: null })));
    expect(screen.queryByRole('list', { name: 'Conference members' })).toBeNull();
  });
});

describe('conference the consultation', () => {
  it('offers Conference on the consultation where the flag is set and posts it to the server', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    const transport = renderWith(<ActiveCalls />);
    act(() => {
      transport.deliver('callStarted', call({ id: 'held', state: 'held', operations: operations('drop', 'completeTransfer', 'cancelTransfer') }));
      transport.deliver(
        'callStarted',
        call({ id: 'consult', parentCallId: 'held', direction: 'internal', callerNumber: '101', calleeNumber: '102', state: 'connected', operations: { ...operations('drop', 'completeTransfer', 'cancelTransfer'), conference: true } }),
      );
    });

    await userEvent.click(screen.getByRole('button', { name: 'Conference' }));

    expect(fetch).toHaveBeenCalledWith('/api/line-calls/consult/conference', expect.objectContaining({ method: 'POST' }));
  });
});
