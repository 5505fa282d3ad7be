import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { WebPhoneHandle, WebPhoneView } from './webPhoneHandle';

const WebPhoneContext = createContext<WebPhoneHandle | null>(null);

/** Makes the web phone (null for the third-party style) available to its own panel parts. */
export function WebPhoneProvider({ handle, children }: { handle: WebPhoneHandle | null; children: ReactNode }) {
  return <WebPhoneContext.Provider value={handle}>{children}</WebPhoneContext.Provider>;
}

const noView: WebPhoneView = { holdsPhone: false, videos: {} };
const noSubscription = () => () => undefined;

/** The web phone and what it shows now, or null when the user's calls come from the server's PBX link. */
export function useWebPhone(): { handle: WebPhoneHandle; view: WebPhoneView } | null {
  const handle = useContext(WebPhoneContext);
  const view = useSyncExternalStore(handle?.subscribe ?? noSubscription, handle?.getSnapshot ?? (() => noView));
  return handle ? { handle, view } : null;
}
