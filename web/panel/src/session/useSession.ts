import { useCallback, useEffect, useState } from 'react';
import { getMe, refreshSession, signOut as signOutRequest, type Me } from '../api/auth';
import { ApiError } from '../api/problem';

export type Session = { status: 'checking' } | { status: 'signedOut'; error?: string } | { status: 'signedIn'; me: Me };

// Tokens last hours (Auth:TokenLifetime); renewing the cookie every half hour keeps an open panel signed in.
const refreshEveryMs = 30 * 60 * 1000;

/** Who is signed in, from the cookie the browser holds; the panel never sees the token. */
export function useSession() {
  const [session, setSession] = useState<Session>({ status: 'checking' });

  const load = useCallback(async () => {
    try {
      setSession({ status: 'signedIn', me: await getMe() });
    } catch (error) {
      setSession(
        error instanceof ApiError && error.status === 401
          ? { status: 'signedOut' }
          : { status: 'signedOut', error: error instanceof Error ? error.message : String(error) },
      );
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (session.status !== 'signedIn') return;
    const timer = setInterval(() => {
      refreshSession().catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) setSession({ status: 'signedOut', error: 'Your session has ended. Sign in again.' });
      });
    }, refreshEveryMs);
    return () => clearInterval(timer);
  }, [session.status]);

  const signOut = useCallback(async () => {
    await signOutRequest().catch(() => undefined);
    setSession({ status: 'signedOut' });
  }, []);

  const expired = useCallback(() => setSession({ status: 'signedOut', error: 'Your session has ended. Sign in again.' }), []);

  return { session, reload: load, signOut, expired };
}
