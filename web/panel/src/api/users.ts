import type { Guid, UserRole } from '@switchboard/cti';
import type { PhoneStyle } from './auth';
import { request } from './http';

/** A user as administrators list them (GET /api/users). */
export interface UserEntry {
  id: Guid;
  login: string;
  displayName: string;
  role: UserRole;
  lines: string[];
  phoneStyle?: PhoneStyle;
}

/** A web-phone account as administrators see it: never the password. */
export interface SipAccountSummary {
  address: string;
  authUser: string;
  webSocketUrl: string;
  displayName?: string | null;
}

export interface SipAccountInput extends SipAccountSummary {
  password: string;
}

export function listUsers(): Promise<UserEntry[]> {
  return request<UserEntry[]>('GET', '/api/users');
}

export function setPhoneStyle(userId: Guid, phoneStyle: PhoneStyle): Promise<void> {
  return request<void>('PUT', `/api/users/${encodeURIComponent(userId)}/phone-style`, { phoneStyle });
}

export function getSipAccount(userId: Guid): Promise<SipAccountSummary> {
  return request<SipAccountSummary>('GET', `/api/users/${encodeURIComponent(userId)}/sip-account`);
}

export function setSipAccount(userId: Guid, account: SipAccountInput): Promise<void> {
  return request<void>('PUT', `/api/users/${encodeURIComponent(userId)}/sip-account`, account);
}

export function removeSipAccount(userId: Guid): Promise<void> {
  return request<void>('DELETE', `/api/users/${encodeURIComponent(userId)}/sip-account`);
}
