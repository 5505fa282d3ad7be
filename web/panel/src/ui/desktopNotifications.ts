/** Browser notifications for incoming calls, so a call is seen while another tab is in front. */

export function notificationsSupported(): boolean {
  return typeof globalThis.Notification === 'function';
}

export function notificationPermission(): NotificationPermission | 'unsupported' {
  return notificationsSupported() ? Notification.permission : 'unsupported';
}

/** Must run from a click: browsers ask only on a person's gesture. */
export async function askForNotifications(): Promise<NotificationPermission | 'unsupported'> {
  return notificationsSupported() ? Notification.requestPermission() : 'unsupported';
}

/** Shows a notification that brings the panel to the front when clicked; returns how to close it. */
export function showCallNotification(title: string, body: string, tag: string): () => void {
  if (notificationPermission() !== 'granted') return () => undefined;
  const notification = new Notification(title, { body, tag, requireInteraction: true });
  notification.onclick = () => {
    window.focus();
    notification.close();
  };
  return () => notification.close();
}
