import type { ContactCandidate } from '@switchboard/cti';
import { queryString, request } from './http';

/** The ranked candidates for a number in any format; empty when nothing matches. */
export function lookupNumber(number: string): Promise<ContactCandidate[]> {
  return request<ContactCandidate[]>('GET', `/api/contacts/lookup${queryString({ number })}`);
}
