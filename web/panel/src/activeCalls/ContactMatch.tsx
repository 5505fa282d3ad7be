import type { CallDto, ContactCandidate } from '@switchboard/cti';
import { useState } from 'react';
import { linkCall } from '../api/calls';
import { useCti } from '../cti/CtiContext';
import { remoteNumber } from '../cti/selectors';
import { useNotices } from '../notices/NoticeContext';
import { accountCallsHref, contactCallsHref, newContactHref } from '../ui/crmLinks';

/**
 * Who the caller is: the matched contact and account, a choice when the number matched several,
 * and a link to create a contact when it matched none. A colleague's line shows their name.
 */
export function ContactMatch({ call }: { call: CallDto }) {
  const { state } = useCti();
  const { fail, notify } = useNotices();
  const [saving, setSaving] = useState(false);
  const recordId = state.recordIdByCall[call.id];
  const colleague = call.contact?.matchedBy === 'extension' ? call.contact : undefined;

  if (colleague) {
    return <p className="contact-match">Colleague: {colleague.userName ?? colleague.contactName ?? call.line}</p>;
  }

  async function choose(candidate: ContactCandidate) {
    if (!recordId) return;
    setSaving(true);
    try {
      await linkCall(recordId, { contactId: candidate.contactId, accountId: candidate.accountId });
      notify('success', `Call linked to ${describe(candidate)}.`);
    } catch (error) {
      fail(error, 'The call could not be linked');
    } finally {
      setSaving(false);
    }
  }

  const chosenKey = call.contact ? key(call.contact) : '';
  return (
    <div className="contact-match">
      {call.contact ? <CandidateLinks candidate={call.contact} /> : <span className="muted">Unknown caller</span>}
      {call.candidates.length > 1 && (
        <label className="field field--inline">
          <span className="field__label">Matches</span>
          <select
            aria-label="Choose the contact of this call"
            value={chosenKey}
            disabled={!recordId || saving}
            title={recordId ? undefined : 'Available once the call is in the log'}
            onChange={(e) => {
              const candidate = call.candidates.find((c) => key(c) === e.target.value);
              if (candidate) void choose(candidate);
            }}
          >
            {!call.contact && <option value="">Choose…</option>}
            {call.candidates.map((candidate) => (
              <option key={key(candidate)} value={key(candidate)}>
                {describe(candidate)}
              </option>
            ))}
          </select>
        </label>
      )}
      {call.candidates.length === 0 && !call.contact && call.direction !== 'internal' && (
        <a className="link" href={newContactHref(remoteNumber(call))} target="_blank" rel="noreferrer">
          Create a contact for {remoteNumber(call)}
        </a>
      )}
    </div>
  );
}

export function CandidateLinks({ candidate }: { candidate: ContactCandidate }) {
  return (
    <span className="candidate">
      {candidate.contactId && candidate.contactName && (
        <a className="link candidate__contact" href={contactCallsHref(candidate.contactId)}>
          {candidate.contactName}
        </a>
      )}
      {candidate.accountId && candidate.accountName && (
        <a className="link candidate__account" href={accountCallsHref(candidate.accountId)}>
          {candidate.accountName}
        </a>
      )}
    </span>
  );
}

function key(candidate: ContactCandidate): string {
  return `${candidate.contactId ?? ''}|${candidate.accountId ?? ''}`;
}

function describe(candidate: ContactCandidate): string {
  return [candidate.contactName, candidate.accountName].filter(Boolean).join(', ') || 'Unnamed record';
}
