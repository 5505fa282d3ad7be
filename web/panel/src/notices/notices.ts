/** A message for the person at the panel: an error they should read, or news such as "connection restored". */
export interface Notice {
  id: number;
  kind: 'error' | 'info' | 'success';
  text: string;
}

/** The same text again within this time is the same failure told twice (the hub's `error` event and the rejected command). */
export const duplicateWindowMs = 3000;

/** How long a notice that is not an error stays; errors stay until dismissed. */
export const infoLifetimeMs = 6000;

export function isDuplicate(recent: { text: string; at: number }[], text: string, now: number): boolean {
  return recent.some((entry) => entry.text === text && now - entry.at < duplicateWindowMs);
}
