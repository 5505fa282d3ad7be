import type { Guid } from '@switchboard/cti';
import { request } from './http';

/**
 * Merges the consultation and the held call into a conference of the three parties (either call's id will do).
 * An HTTP endpoint of the Messaging Service, not a hub command: the hub's command names are fixed.
 */
export function conferenceCall(callId: Guid): Promise<void> {
  return request<void>('POST', `/api/line-calls/${encodeURIComponent(callId)}/conference`);
}
