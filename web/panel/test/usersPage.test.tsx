import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsersPage } from '../src/admin/UsersPage';
import { NoticeProvider } from '../src/notices/NoticeContext';

const boris = { id: 'u2', login: 'agent2', displayName: 'Boris Ivanov', role: 'agent', lines: ['102'], phoneStyle: 'thirdParty', disabled: false };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the users page', () => {
  it('disables a user with the whole user sent back, and shows them disabled', async () => {
    const sent: { method: string; url: string; body: unknown }[] = [];
    let current = boris;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        const method = init?.method ?? 'GET';
        if (method === 'PUT') {
          const body = JSON.parse(String(init?.body)) as typeof boris;
          sent.push({ method, url, body });
          current = { ...current, disabled: body.disabled };
          return new Response(JSON.stringify(current), { status: 200, headers: { 'Content-Type': 'application/json' } });
        }

        return new Response(JSON.stringify([current]), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }),
    );
    render(
      <NoticeProvider>
        <UsersPage />
      </NoticeProvider>,
    );

    await userEvent.click(await screen.findByRole('checkbox', { name: 'Boris Ivanov may sign in' }));

    expect(sent).toEqual([
      { method: 'PUT', url: '/api/users/u2', body: { login: 'agent2', displayName: 'Boris Ivanov', role: 'agent', disabled: true } },
    ]);
    expect(await screen.findByText(/· disabled/)).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Boris Ivanov may sign in' }) as HTMLInputElement).checked).toBe(false);
  });
});
