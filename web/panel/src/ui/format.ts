import type { AgentState, CallDirection, CallEndReason, CallState } from '@switchboard/cti';

/** 75 → "1:15", 3725 → "1:02:05": the way phones show call time. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** Seconds from an ISO moment to now, never negative (the clocks of server and browser may differ a little). */
export function secondsSince(iso: string, now: number): number {
  return Math.max(0, (now - Date.parse(iso)) / 1000);
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** Today's calls by time only; older ones with their date. */
export function formatWhen(iso: string, now = Date.now()): string {
  const date = new Date(iso);
  return new Date(now).toDateString() === date.toDateString() ? timeOnly.format(date) : dateTime.format(date);
}

export const directionLabels: Record<CallDirection, string> = {
  incoming: 'Incoming',
  outgoing: 'Outgoing',
  internal: 'Internal',
};

export const endReasonLabels: Record<CallEndReason, string> = {
  completed: 'Completed',
  missed: 'Missed',
  busy: 'Busy',
  abandoned: 'Abandoned',
  rejected: 'Rejected',
  failed: 'Failed',
  transferred: 'Transferred',
};

export const callStateLabels: Record<CallState, string> = {
  alerting: 'Ringing',
  connected: 'Connected',
  held: 'On hold',
  busy: 'Busy',
  finished: 'Finished',
};

export const agentStateLabels: Record<AgentState, string> = {
  available: 'Available',
  away: 'Away',
  doNotDisturb: 'Do not disturb',
  wrapUp: 'Wrap-up',
  busy: 'On a call',
  offline: 'Offline',
};
