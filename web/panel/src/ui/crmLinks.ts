import type { Guid } from '@switchboard/cti';

/**
 * Where the panel links to CRM records. The CRM's own contact and account pages are not part
 * of this server yet, so a contact or account opens its calls in the Calls section; creating a
 * contact goes to the CRM page named by VITE_CRM_NEW_CONTACT_URL (the number is appended).
 */
export function contactCallsHref(contactId: Guid): string {
  return `#/calls?contactId=${encodeURIComponent(contactId)}`;
}

export function accountCallsHref(accountId: Guid): string {
  return `#/calls?accountId=${encodeURIComponent(accountId)}`;
}

export function newContactHref(number: string): string {
  const base = (import.meta.env.VITE_CRM_NEW_CONTACT_URL as string | undefined) ?? '/crm/contacts/new?phone=';
  return base + encodeURIComponent(number);
}

export function callCardHref(recordId: Guid): string {
  return `#/calls/${encodeURIComponent(recordId)}`;
}
