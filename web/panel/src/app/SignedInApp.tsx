import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../api/auth';
import { simulatorIsPresent } from '../api/simulator';
import { CallCardPage } from '../callLog/CallCardPage';
import { CallsPage } from '../callLog/CallsPage';
import { ConnectionBanner } from '../connection/ConnectionBanner';
import { UsersPage } from '../admin/UsersPage';
import { CtiProvider } from '../cti/CtiContext';
import { WebPhoneProvider } from '../webPhone/WebPhoneContext';
import { createCtiModel, type WebPhoneHandle } from '../webPhone/webPhoneHandle';
import { NotificationPrompt } from './NotificationPrompt';
import { PhonePage } from './PhonePage';
import { useHashRoute } from './useHashRoute';

/** The signed-in page: a header with the two sections (Phone, Calls), the connection banner and the section shown. */
export function SignedInApp({ me, onSignOut, onSessionLost }: { me: Me; onSignOut: () => void; onSessionLost: () => void }) {
  const route = useHashRoute();
  const [simulator, setSimulator] = useState(false);
  const [webPhone, setWebPhone] = useState<WebPhoneHandle | null>(null);
  // The user's phone style picks where calls come from: the server's PBX link, or this browser as the phone.
  const createModel = useCallback(
    (onProblem: (message: string) => void) => {
      const created = createCtiModel(me, onProblem);
      setWebPhone(created.webPhone);
      return created.model;
    },
    [me],
  );

  useEffect(() => {
    simulatorIsPresent()
      .then(setSimulator)
      .catch(() => setSimulator(false));
  }, []);

  const inCalls = route.path.startsWith('/calls');
  const inUsers = route.path === '/admin/users' && me.role === 'administrator';
  const callId = /^\/calls\/([^/]+)$/.exec(route.path)?.[1];
  return (
    <WebPhoneProvider handle={webPhone}>
      <CtiProvider
        onSessionLost={onSessionLost}
        createModel={createModel}
        {...(me.phoneStyle === 'webPhone' ? { connectFailure: 'The web phone cannot start; trying again' } : {})}
      >
        <a className="skip-link" href="#content">
          Skip to content
        </a>
        <header className="topbar">
          <span className="topbar__brand">
            <span className="brand-mark" aria-hidden="true" />
            Switchboard
          </span>
          <nav aria-label="Sections" className="topbar__nav">
            <a className="topbar__link" href="#/" aria-current={inCalls || inUsers ? undefined : 'page'}>
              Phone
            </a>
            <a className="topbar__link" href="#/calls" aria-current={inCalls ? 'page' : undefined}>
              Calls
            </a>
            {me.role === 'administrator' && (
              <a className="topbar__link" href="#/admin/users" aria-current={inUsers ? 'page' : undefined}>
                Users
              </a>
            )}
          </nav>
          <div className="topbar__user">
            <NotificationPrompt />
            <span className="small">{me.displayName}</span>
            <button type="button" className="button button--ghost button--small" onClick={onSignOut}>
              Sign out
            </button>
          </div>
        </header>
        <ConnectionBanner />
        <div id="content" tabIndex={-1}>
          {callId ? (
            <CallCardPage id={decodeURIComponent(callId)} />
          ) : inCalls ? (
            <CallsPage params={route.params} />
          ) : inUsers ? (
            <UsersPage />
          ) : (
            <PhonePage simulator={simulator} />
          )}
        </div>
      </CtiProvider>
    </WebPhoneProvider>
  );
}
