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
  /** A disabled user cannot sign in, and their open sessions have ended. */
  disabled?: boolean;
}

export type DtmfTransport = 'rfc4733' | 'info';

/** A STUN or TURN server as administrators read it back: whether it has a credential, never the credential. */
export interface IceServerSummary {
  urls: string[];
  username?: string | null;
  hasCredential: boolean;
}

export interface IceServerInput {
  urls: string[];
  username?: string | null;
  credential?: string | null;
}

interface SipAccountFields {
  address: string;
  authUser: string;
  webSocketUrl: string;
  displayName?: string | null;
  dtmfTransport?: DtmfTransport;
}

/** A web-phone account as administrators see it: never the password or a TURN credential. */
export interface SipAccountSummary extends SipAccountFields {
  iceServers?: IceServerSummary[];
}

export interface SipAccountInput extends SipAccountFields {
  password: string;
  iceServers?: IceServerInput[];
}

export function listUsers(): Promise<UserEntry[]> {
  return request<UserEntry[]>('GET', '/api/users');
}

/** Disables a user (their sessions end at once) or enables them again; the rest of the user stays as it is. */
export function setDisabled(user: UserEntry, disabled: boolean): Promise<void> {
  return request<void>('PUT', `/api/users/${encodeURIComponent(user.id)}`, {
    login: user.login,
    displayName: user.displayName,
    role: user.role,
    disabled,
  });
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
