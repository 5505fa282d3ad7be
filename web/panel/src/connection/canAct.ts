import type { CtiState } from '../cti/ctiState';

/**
 * Whether a command can reach the phone system now: the hub is connected and the server has the
 * PBX. While the banner says the panel is reconnecting, call buttons are disabled rather than
 * left to fail.
 */
export function canAct(state: Pick<CtiState, 'connection' | 'pbxConnected'>): boolean {
  return state.connection === 'connected' && state.pbxConnected;
}
