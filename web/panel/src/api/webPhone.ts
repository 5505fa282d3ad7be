import type { CallSaveRequest, CallSaveResponse, WebPhoneAccount } from '@switchboard/cti';
import { request } from './http';

/** GET /api/me/sip-account: the signed-in user's own web-phone account, password included. */
export function getOwnSipAccount(): Promise<WebPhoneAccount> {
  return request<WebPhoneAccount>('GET', '/api/me/sip-account');
}

/** PUT /api/calls/pbx/{pbxCallId}/{line}: the web phone's save of one call, by its SIP Call-ID. */
export function saveWebPhoneCall(pbxCallId: string, line: string, body: CallSaveRequest): Promise<CallSaveResponse> {
  return request<CallSaveResponse>('PUT', `/api/calls/pbx/${encodeURIComponent(pbxCallId)}/${encodeURIComponent(line)}`, body);
}
