import type { CtiEventMap, InitializedEvent } from '../contract/events.js';
import type { CtiCommandName, CtiEventName } from '../contract/names.js';
import type { ConnectionState } from '../transport.js';

/** What the tabs of one user tell each other over their BroadcastChannel. */
export type TabMessage =
  | { kind: 'hello'; from: string }
  | { kind: 'leader'; from: string }
  | { kind: 'leaving'; from: string }
  | { kind: 'state'; state: ConnectionState; reason?: string }
  | { kind: 'event'; name: CtiEventName; payload: unknown }
  | { kind: 'sync'; to: string; state: ConnectionState; reason?: string; initialized: InitializedEvent | null; snapshot: CtiEventMap['activeCallSnapshot'] | null }
  | { kind: 'command'; from: string; id: number; command: CtiCommandName; argument: unknown }
  | { kind: 'reply'; to: string; id: number; ok: boolean; value?: unknown; message?: string };

/** The part of BroadcastChannel used here. */
export interface TabChannel {
  postMessage(message: TabMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<TabMessage>) => void): void;
  close(): void;
}

/**
 * A payload fit to cross to another tab: media streams live in the page that holds the phone
 * and cannot be copied, so they are left out (other tabs show no video).
 */
export function withoutStreams(payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null) return payload;
  const { remoteStream: _remote, localStream: _local, ...rest } = payload as Record<string, unknown>;
  return rest;
}
