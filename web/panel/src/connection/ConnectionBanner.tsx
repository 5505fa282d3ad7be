import { useCti } from '../cti/CtiContext';

/** Says plainly when the panel cannot act: the server is away, or the server lost the phone system. */
export function ConnectionBanner() {
  const { state } = useCti();
  let text: string | null = null;
  if (state.connection === 'reconnecting') text = 'Connection to the server lost. Reconnecting…';
  else if (state.connection === 'connecting' || state.connection === 'idle') text = 'Connecting to the server…';
  else if (state.connection === 'connected' && !state.pbxConnected) text = 'The phone system is unreachable. Calls resume when it is back.';

  return (
    <div role="status" aria-live="polite" className={text ? 'banner banner--warning' : 'visually-hidden'}>
      {text ?? (state.ready ? 'Connected' : '')}
    </div>
  );
}
