import { CtiModel } from '@switchboard/cti';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PhonePage } from '../src/app/PhonePage';
import { CtiProvider } from '../src/cti/CtiContext';
import { NoticeProvider } from '../src/notices/NoticeContext';
import { FakeTransport } from './fakeTransport';
import { call, initialized } from './fixtures';

const recent = [
  {
    id: 'r1',
    pbxCallId: 'sim-9',
    line: '101',
    direction: 'internal',
    state: 'finished',
    startedAt: '2026-03-02T09:00:00Z',
    durationSeconds: 30,
    talkSeconds: 25,
    endReason: 'completed',
    missed: false,
    callBackNumber: '102',
    callerName: null,
  },
  {
    id: 'r2',
    pbxCallId: 'sip-call-id-1',
    line: '101',
    direction: 'outgoing',
    state: 'finished',
    startedAt: '2026-03-02T08:00:00Z',
    durationSeconds: 3,
    talkSeconds: 0,
    endReason: 'busy',
    missed: false,
    callBackNumber: '+74951112233',
    // On a call this line placed, the caller's name is the agent's own.
    callerName: 'Anna Petrova',
  },
];
const colleagues = [{ id: 'u2', displayName: 'Boris Ivanov', lines: ['102'], teamName: null }];

function renderPage() {
  const transport = new FakeTransport();
  render(
    <NoticeProvider>
      <CtiProvider createModel={() => new CtiModel(transport)}>
        <PhonePage simulator={false} />
      </CtiProvider>
    </NoticeProvider>,
  );
  act(() => {
    transport.deliver('initialized', initialized());
    transport.deliver('activeCallSnapshot', { calls: [], currentCalls: [] });
  });
  return transport;
}

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string) => {
      const body = path.startsWith('/api/me/calls/recent') ? recent : path.startsWith('/api/colleagues') ? colleagues : [];
      return new Response(JSON.stringify(body), { status: 200 });
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the phone page', () => {
  it("names a colleague in recent calls instead of showing their extension", async () => {
    renderPage();
    const list = await screen.findByRole('list', { name: 'Recent calls' });
    expect(await screen.findByRole('link', { name: 'Boris Ivanov' })).toBeTruthy();
    expect(list.textContent).not.toContain('102');
    expect(screen.getByRole('button', { name: 'Call back Boris Ivanov' })).toBeTruthy();
  });

  it('names an outgoing call without a contact by the number dialled, never by the agent\'s own name', async () => {
    renderPage();
    expect(await screen.findByRole('link', { name: '+74951112233' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Anna Petrova' })).toBeNull();
  });

  it('puts a ringing call below the line and state, never over the agent-state menu', () => {
    const transport = renderPage();
    act(() => transport.deliver('callStarted', call()));

    const stateMenu = screen.getByRole('combobox', { name: /agent state/i });
    const popup = screen.getByRole('dialog', { name: /incoming call/i });
    expect(stateMenu.compareDocumentPosition(popup) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(popup.contains(stateMenu)).toBe(false);
    expect(popup.closest('.phone__main')).not.toBeNull();
  });
});
