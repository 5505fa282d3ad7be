/** A message for the person at the panel: an error they should read, or news such as "connection restored". */
export interface Notice {
  id: number;
  kind: 'error' | 'info' | 'success';
  text: string;
}

/** The same text again within this time is the same failure told twice (the hub's `error` event and the rejected command). */
export const duplicateWindowMs = 3000;

/** How long a notice stays unless dismissed; errors longer, so there is time to read them, but never so long that they hide controls for good. */
export const lifetimeMs: Record<Notice['kind'], number> = { info: 6000, success: 6000, error: 12000 };

export function isDuplicate(recent: { text: string; at: number }[], text: string, now: number): boolean {
  return recent.some((entry) => entry.text === text && now - entry.at < duplicateWindowMs);
}
