import type { Guid, UserRole } from '@switchboard/cti';
import { request } from './http';

/** How the user's calls reach the panel: through the server's PBX link, or the browser is the phone. */
export type PhoneStyle = 'thirdParty' | 'webPhone';

/** GET /api/me: the signed-in user. */
export interface Me {
  id: Guid;
  login: string;
  displayName: string;
  role: UserRole;
  lines: string[];
  teamId?: Guid | null;
  teamName?: string | null;
  /** Absent means thirdParty. */
  phoneStyle?: PhoneStyle;
}

interface TokenAnswer {
  token: string;
  expiresAt: string;
}

/** Signs in with the HttpOnly cookie, which the API and the hub both accept; the token itself is not kept. */
export async function signIn(login: string, password: string): Promise<void> {
  await request<TokenAnswer>('POST', '/api/auth/login?useCookie=true', { login, password });
}

export function signOut(): Promise<void> {
  return request<void>('POST', '/api/auth/logout');
}

/** A new cookie before the old one expires, so that a panel left open all day stays signed in. */
export async function refreshSession(): Promise<void> {
  await request<TokenAnswer>('POST', '/api/auth/refresh');
}

export function getMe(): Promise<Me> {
  return request<Me>('GET', '/api/me');
}
