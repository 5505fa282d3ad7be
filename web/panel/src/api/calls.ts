import type { CallDirection, CallEndReason, CallState, Guid, IsoDateTime } from '@switchboard/cti';
import { queryString, request } from './http';

/** One row of the call log (the Calls API's CallLogEntry). */
export interface CallLogEntry {
  id: Guid;
  pbxCallId: string;
  line: string;
  conversationId: string;
  userId?: Guid | null;
  userName?: string | null;
  direction: CallDirection;
  callerNumber: string;
  callerName?: string | null;
  calleeNumber: string;
  redirectedFrom?: string | null;
  redirectedTo?: string | null;
  state: CallState;
  startedAt: IsoDateTime;
  answeredAt?: IsoDateTime | null;
  endedAt?: IsoDateTime | null;
  timeBeforeConnectionSeconds: number;
  durationSeconds: number;
  talkSeconds: number;
  holdSeconds: number;
  endReason?: CallEndReason | null;
  parentPbxCallId?: string | null;
  parentCallId?: Guid | null;
  contactId?: Guid | null;
  contactName?: string | null;
  accountId?: Guid | null;
  accountName?: string | null;
  comment?: string | null;
  updatedAt: IsoDateTime;
  /** The call has a recording: GET /api/calls/{id}/recording plays it. */
  hasRecording?: boolean;
}

export interface CallLogPage {
  items: CallLogEntry[];
  next: string | null;
}

/** The filters of GET /api/calls and of its CSV export; dates are ISO 8601. */
export interface CallFilters {
  from?: string;
  to?: string;
  direction?: CallDirection | '';
  result?: CallEndReason | '';
  number?: string;
  contactId?: Guid;
  accountId?: Guid;
  agent?: Guid;
  sort?: 'startedAt' | 'duration';
  order?: 'asc' | 'desc';
}

/** One of the user's recent calls, with the number to call back. */
export interface RecentCall {
  id: Guid;
  pbxCallId: string;
  line: string;
  direction: CallDirection;
  state: CallState;
  startedAt: IsoDateTime;
  durationSeconds: number;
  talkSeconds: number;
  endReason?: CallEndReason | null;
  missed: boolean;
  callBackNumber: string;
  callerName?: string | null;
  contactId?: Guid | null;
  contactName?: string | null;
  accountId?: Guid | null;
  accountName?: string | null;
}

export function searchCalls(filters: CallFilters, limit: number, after?: string | null): Promise<CallLogPage> {
  return request<CallLogPage>('GET', `/api/calls${queryString({ ...filters, limit, after })}`);
}

/** The address of the CSV export; the browser downloads it with the sign-in cookie. */
export function exportCallsUrl(filters: CallFilters): string {
  return `/api/calls/export.csv${queryString({ ...filters })}`;
}

export function getCall(id: Guid): Promise<CallLogEntry> {
  return request<CallLogEntry>('GET', `/api/calls/${encodeURIComponent(id)}`);
}

export function linkCall(id: Guid, link: { contactId?: Guid | null; accountId?: Guid | null }): Promise<CallLogEntry> {
  return request<CallLogEntry>('PUT', `/api/calls/${encodeURIComponent(id)}/link`, link);
}

export function commentCall(id: Guid, comment: string): Promise<CallLogEntry> {
  return request<CallLogEntry>('PUT', `/api/calls/${encodeURIComponent(id)}/comment`, { comment });
}

export function recentCalls(limit = 20): Promise<RecentCall[]> {
  return request<RecentCall[]>('GET', `/api/me/calls/recent${queryString({ limit })}`);
}
