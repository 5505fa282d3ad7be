import { CtiModel } from '@switchboard/cti';
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActiveCalls } from '../src/activeCalls/ActiveCalls';
import type { CallLogEntry } from '../src/api/calls';
import { CallTable } from '../src/callLog/CallTable';
import { CtiProvider } from '../src/cti/CtiContext';
import { NoticeList } from '../src/notices/NoticeList';
import { NoticeProvider } from '../src/notices/NoticeContext';
import { RecordingPlayer } from '../src/recordings/RecordingPlayer';
import { FakeTransport } from './fakeTransport';
import { call, initialized, operations } from './fixtures';

const fetchMock = vi.fn(async (..._args: unknown[]) => new Response('[]', { status: 200 }));

beforeEach(() => {
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function renderCalls(callRecording: boolean) {
  const transport = new FakeTransport();
  render(
    <NoticeProvider>
      <CtiProvider createModel={() => new CtiModel(transport)}>
        <ActiveCalls />
      </CtiProvider>
      <NoticeList />
    </NoticeProvider>,
  );
  act(() => {
    const ready = initialized();
    transport.deliver('initialized', { ...ready, capabilities: { ...ready.capabilities, callRecording } });
    transport.deliver('activeCallSnapshot', { calls: [], currentCalls: [] });
  });
  return transport;
}

const connected = call({ state: 'connected', operations: operations('drop', 'hold') });

function logEntry(overrides: Partial<CallLogEntry> = {}): CallLogEntry {
  return {
    id: 'r1',
    pbxCallId: 'sim-1',
    line: '101',
    conversationId: 'sim-1',
    direction: 'incoming',
    callerNumber: '+74951234567',
    calleeNumber: '101',
    state: 'finished',
    startedAt: '2026-12-08T10:00:00Z',
    timeBeforeConnectionSeconds: 2,
    durationSeconds: 30,
    talkSeconds: 28,
    holdSeconds: 0,
    endReason: 'completed',
    updatedAt: '2026-12-08T10:00:30Z',
    ...overrides,
  };
}

describe('recordings in the call card', () => {
  it('offers Record on a connected call where the server allows it and asks the server to start', async () => {
    const transport = renderCalls(true);
    act(() => transport.deliver('callStarted', connected));

    await userEvent.click(screen.getByRole('button', { name: 'Record' }));

    expect(fetchMock).toHaveBeenCalledWith('/api/calls/active/c1/recording/start', expect.objectContaining({ method: 'POST' }));
  });

  it('shows Recording while the PBX records and offers to stop it', async () => {
    const transport = renderCalls(true);
    act(() => transport.deliver('callStarted', connected));
    act(() => transport.deliver('callInfoChanged', { ...connected, recording: true, hasRecording: true }));

    expect(screen.getByText('Recording')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Stop recording' }));
    expect(fetchMock).toHaveBeenCalledWith('/api/calls/active/c1/recording/stop', expect.objectContaining({ method: 'POST' }));
  });

  it('offers no recording button where the server does not allow it, but still shows a recording the PBX makes', () => {
    const transport = renderCalls(false);
    act(() => transport.deliver('callStarted', { ...connected, recording: true }));

    expect(screen.queryByRole('button', { name: /record/i })).toBeNull();
    expect(screen.getByText('Recording')).toBeTruthy();
  });

  it('tells the agent why the server refused to record', async () => {
    fetchMock.mockImplementation(async () =>
      new Response(JSON.stringify({ status: 409, title: 'Only a connected call can be recorded; this one is held.' }), {
        status: 409,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    );
    const transport = renderCalls(true);
    act(() => transport.deliver('callStarted', connected));

    await userEvent.click(screen.getByRole('button', { name: 'Record' }));

    expect(await screen.findByText(/Only a connected call can be recorded/)).toBeTruthy();
  });
});

describe('recordings in the Calls section', () => {
  it('gives a row with a recording a player on the recording endpoint and a row without none', () => {
    render(<CallTable calls={[logEntry({ hasRecording: true }), logEntry({ id: 'r2', hasRecording: false })]} />);

    const players = document.querySelectorAll('audio');
    expect(players).toHaveLength(1);
    expect(players[0]!.getAttribute('src')).toBe('/api/calls/r1/recording');
    expect(players[0]!.getAttribute('preload')).toBe('none');
    expect(players[0]!.hasAttribute('controls')).toBe(true);
  });

  it('says the recording is missing when the player cannot load it', () => {
    render(<RecordingPlayer callId="r1" label="Recording of the call" />);

    fireEvent.error(document.querySelector('audio')!);

    expect(screen.getByRole('status').textContent).toBe('The recording is missing');
    expect(document.querySelector('audio')).toBeNull();
  });
});
