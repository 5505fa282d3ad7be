import { useState } from 'react';
import { askForNotifications, notificationPermission } from '../ui/desktopNotifications';

/** Browsers show notifications only after the person agrees, and ask only on a click: this is that click. */
export function NotificationPrompt() {
  const [permission, setPermission] = useState(notificationPermission);
  if (permission !== 'default') return null;
  return (
    <button type="button" className="button button--ghost button--small" onClick={() => void askForNotifications().then(setPermission)}>
      Enable call notifications
    </button>
  );
}
