import type { Guid } from '@switchboard/cti';
import { request } from './http';

/**
 * Where a logged call's recording plays from. Same origin, so the browser's player sends the sign-in
 * cookie with it, and the server answers its range requests (seeking) with 206.
 */
export function recordingUrl(callId: Guid): string {
  return `/api/calls/${encodeURIComponent(callId)}/recording`;
}

/** Starts or stops recording an active call (its live id from the panel's events); the PBX's events then show it. */
export function setCallRecording(callId: Guid, recording: boolean): Promise<void> {
  return request<void>('POST', `/api/calls/active/${encodeURIComponent(callId)}/recording/${recording ? 'start' : 'stop'}`);
}
