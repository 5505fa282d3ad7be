import { useCti } from '../cti/CtiContext';
import { useWebPhone } from '../webPhone/WebPhoneContext';

/**
 * Says plainly when the panel cannot act: the server is away, or the server lost the phone system.
 * With the web phone, the phone says what is wrong itself (a refused SIP password, a SIP server out
 * of reach); the hub's reasons are technical, so its banner stays general.
 */
export function ConnectionBanner() {
  const { state } = useCti();
  const webPhone = useWebPhone();
  let text: string | null = null;
  const phoneSays = webPhone ? state.connectionReason : null;
  if (state.connection === 'reconnecting') text = phoneSays ?? 'Connection to the server lost. Reconnecting…';
  else if (state.connection === 'connecting' || state.connection === 'idle') text = phoneSays ?? 'Connecting to the server…';
  else if (state.connection === 'connected' && !state.pbxConnected) text = 'The phone system is unreachable. Calls resume when it is back.';

  return (
    <div role="status" aria-live="polite" className={text ? 'banner banner--warning' : 'visually-hidden'}>
      {text ?? (state.ready ? 'Connected' : '')}
    </div>
  );
}
