import { ApiError } from './problem';
import { request } from './http';

/** An active call of the simulator (GET /api/simulator/calls). */
export interface SimCall {
  id: string;
  conversationId: string;
  state: 'ringing' | 'waiting' | 'connected' | (string & {});
  caller: SimEnd;
  callee: SimEnd | null;
  queue: string | null;
  listeningTo: string | null;
}

export interface SimEnd {
  number: string;
  kind: 'line' | 'external' | (string & {});
  state: 'dialing' | 'ringing' | 'connected' | 'held' | (string & {});
  pbxCallId: string | null;
}

export type SimAction = 'answer' | 'busy' | 'hangup';

export function listSimCalls(): Promise<SimCall[]> {
  return request<SimCall[]>('GET', '/api/simulator/calls');
}

/**
 * Whether the simulator is the PBX, and so whether the demo's simulator controls belong on the
 * page. Listing its calls (those of the user's own lines) changes nothing; a server with another
 * PBX has no such endpoint (404).
 */
export async function simulatorIsPresent(): Promise<boolean> {
  try {
    await listSimCalls();
    return true;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return false;
    throw error;
  }
}

export function placeInboundCall(from: string, to: string): Promise<{ id: string }> {
  return request<{ id: string }>('POST', '/api/simulator/calls', { from, to });
}

export function actAsOutsideParty(callId: string, action: SimAction): Promise<void> {
  return request<void>('POST', `/api/simulator/calls/${encodeURIComponent(callId)}/${action}`);
}

export function pressKeysAsOutsideParty(callId: string, digits: string): Promise<void> {
  return request<void>('POST', `/api/simulator/calls/${encodeURIComponent(callId)}/dtmf`, { digits });
}

export function setPbxLink(up: boolean): Promise<void> {
  return request<void>('POST', up ? '/api/simulator/link/up' : '/api/simulator/link/down', up ? undefined : { reason: 'Cut from the demo controls' });
}
