import { NoticeList } from '../notices/NoticeList';
import { NoticeProvider } from '../notices/NoticeContext';
import { SignInPage } from '../session/SignInPage';
import { useSession } from '../session/useSession';
import { SignedInApp } from './SignedInApp';

export function App() {
  return (
    <NoticeProvider>
      <Session />
      <NoticeList />
    </NoticeProvider>
  );
}

function Session() {
  const { session, reload, signOut, expired } = useSession();
  if (session.status === 'checking') return <p className="muted page">Loading…</p>;
  if (session.status === 'signedOut') {
    return (
      <>
        {session.error && (
          <p role="alert" className="banner banner--warning">
            {session.error}
          </p>
        )}
        <SignInPage onSignedIn={() => void reload()} />
      </>
    );
  }

  return <SignedInApp key={session.me.id} me={session.me} onSignOut={() => void signOut()} onSessionLost={expired} />;
}
