import { CtiModel, WebPhoneTransport } from '@switchboard/cti';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UsersPage } from '../src/admin/UsersPage';
import type { Me } from '../src/api/auth';
import { NoticeProvider } from '../src/notices/NoticeContext';
import { Ringer, setRingsInThisTab } from '../src/ui/ringer';
import { PhoneSettings } from '../src/webPhone/PhoneSettings';
import { WebPhoneProvider } from '../src/webPhone/WebPhoneContext';
import { WebPhoneHandle, createCtiModel } from '../src/webPhone/webPhoneHandle';

const me: Me = { id: 'u1', login: 'agent1', displayName: 'Anna Petrova', role: 'agent', lines: ['101'] };

beforeEach(() => localStorage.clear());

afterEach(() => {
  vi.unstubAllGlobals();
  setRingsInThisTab(true);
});

describe('the web phone in the panel', () => {
  it('uses the hub for the third-party style and the browser as the phone for webPhone', () => {
    const hub = createCtiModel(me, () => {});
    expect(hub.model).toBeInstanceOf(CtiModel);
    expect(hub.webPhone).toBeNull();
    const web = createCtiModel({ ...me, phoneStyle: 'webPhone' }, () => {});
    expect(web.webPhone?.transport).toBeInstanceOf(WebPhoneTransport);
  });

  it('builds the third-party model from the page\'s transport setting', () => {
    const problems: string[] = [];
    window.history.replaceState(null, '', '/?transport=carrierPigeon');
    try {
      createCtiModel(me, (problem) => problems.push(problem));
    } finally {
      window.history.replaceState(null, '', '/');
    }
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('Connecting with the transport the server offers');
  });

  it('rings only in the tab that holds the phone', () => {
    const made = vi.fn();
    vi.stubGlobal(
      'AudioContext',
      class {
        currentTime = 0;
        destination = {};
        constructor() {
          made();
        }
        resume = () => Promise.resolve();
        createOscillator = () => ({ frequency: {}, connect: (x: unknown) => x, start: () => undefined, stop: () => undefined });
        createGain = () => ({ gain: { setValueAtTime: () => undefined, linearRampToValueAtTime: () => undefined }, connect: (x: unknown) => x });
      },
    );
    setRingsInThisTab(false);
    const silent = new Ringer();
    silent.start();
    silent.stop();
    expect(made).not.toHaveBeenCalled();
    setRingsInThisTab(true);
    const ringing = new Ringer();
    ringing.start();
    ringing.stop();
    expect(made).toHaveBeenCalledTimes(1);
  });

  it('remembers the microphone chosen in the Web phone card', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      mediaDevices: {
        enumerateDevices: async () => [
          { kind: 'audioinput', deviceId: 'mic-1', label: 'Headset microphone' },
          { kind: 'audioinput', deviceId: 'mic-2', label: 'Laptop microphone' },
          { kind: 'videoinput', deviceId: 'cam-1', label: 'Camera' },
        ],
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      },
    });
    const handle = new WebPhoneHandle(new WebPhoneTransport({ user: { id: 'u1', login: 'a', displayName: 'A', role: 'agent' }, account: async () => { throw new Error('not used'); }, locks: null, page: null }));
    render(
      <WebPhoneProvider handle={handle}>
        <PhoneSettings />
      </WebPhoneProvider>,
    );
    await screen.findByText('Headset microphone');
    await userEvent.selectOptions(screen.getByLabelText('Microphone'), 'mic-2');
    expect(JSON.parse(localStorage.getItem('switchboard.webPhone.devices') ?? '{}')).toMatchObject({ microphoneId: 'mic-2' });
    expect(screen.getByRole('status').textContent).toMatch(/another tab/);
  });

  it('lets an administrator switch a user to the web phone', async () => {
    const requests: { method: string; url: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        requests.push({ method: init.method ?? 'GET', url, body: init.body ? JSON.parse(String(init.body)) : undefined });
        if (url === '/api/users') return Response.json([{ id: 'u2', login: 'agent2', displayName: 'Boris Ivanov', role: 'agent', lines: ['102'] }]);
        return new Response(null, { status: 204 });
      }),
    );
    render(
      <NoticeProvider>
        <UsersPage />
      </NoticeProvider>,
    );
    const style = await screen.findByLabelText('Phone style of Boris Ivanov');
    await userEvent.selectOptions(style, 'webPhone');
    await waitFor(() => expect(requests).toContainEqual({ method: 'PUT', url: '/api/users/u2/phone-style', body: { phoneStyle: 'webPhone' } }));
  });
});
