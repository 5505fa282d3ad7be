import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { isDuplicate, lifetimeMs, type Notice } from './notices';

interface NoticeApi {
  notices: Notice[];
  notify(kind: Notice['kind'], text: string): void;
  /** Shows why something failed; the message of an Error, else its text. */
  fail(error: unknown, prefix?: string): void;
  dismiss(id: number): void;
}

const NoticeContext = createContext<NoticeApi | null>(null);

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);
  const recent = useRef<{ text: string; at: number }[]>([]);

  const dismiss = useCallback((id: number) => setNotices((all) => all.filter((n) => n.id !== id)), []);

  const notify = useCallback(
    (kind: Notice['kind'], text: string) => {
      const now = Date.now();
      if (isDuplicate(recent.current, text, now)) return;
      recent.current = [...recent.current.filter((entry) => now - entry.at < 10_000), { text, at: now }];
      const id = nextId.current++;
      setNotices((all) => [...all.slice(-4), { id, kind, text }]);
      setTimeout(() => dismiss(id), lifetimeMs[kind]);
    },
    [dismiss],
  );

  const fail = useCallback(
    (error: unknown, prefix?: string) => {
      const reason = error instanceof Error ? error.message : String(error);
      notify('error', prefix ? `${prefix}: ${reason}` : reason);
    },
    [notify],
  );

  const api = useMemo(() => ({ notices, notify, fail, dismiss }), [notices, notify, fail, dismiss]);
  return <NoticeContext.Provider value={api}>{children}</NoticeContext.Provider>;
}

export function useNotices(): NoticeApi {
  const api = useContext(NoticeContext);
  if (!api) throw new Error('useNotices needs a NoticeProvider above it.');
  return api;
}
