import { useCallback, useEffect, useState } from 'react';
import { recentCalls, type RecentCall } from '../api/calls';
import { listColleagues, namesByLine } from '../api/colleagues';
import { canAct } from '../connection/canAct';
import { useCti } from '../cti/CtiContext';
import { useNotices } from '../notices/NoticeContext';
import { accountCallsHref, callCardHref, contactCallsHref } from '../ui/crmLinks';
import { directionLabels, endReasonLabels, formatDuration, formatWhen } from '../ui/format';

/**
 * The user's latest calls with their result and a call-back button; the contacts among them
 * are the panel's click-to-call list. Refreshed whenever a call of the user is saved.
 */
const recentCount = 8;

export function RecentCalls() {
  const { state, run } = useCti();
  const { fail } = useNotices();
  const [calls, setCalls] = useState<RecentCall[] | null>(null);
  const [colleagues, setColleagues] = useState<Map<string, string>>(new Map());
  const savesConfirmed = state.savesConfirmed;
  const activeCount = Object.keys(state.calls).length;

  const load = useCallback(() => {
    recentCalls(recentCount)
      .then(setCalls)
      .catch((error: unknown) => fail(error, 'Recent calls could not be loaded'));
  }, [fail]);

  // A call's last save lands after its end (the outbox may send it later still): reload after every
  // confirmed save, and when calls start or end.
  useEffect(() => {
    load();
  }, [load, savesConfirmed, activeCount]);

  // A call with a colleague shows their name, not their extension.
  useEffect(() => {
    listColleagues()
      .then((list) => setColleagues(namesByLine(list)))
      .catch((error: unknown) => fail(error, 'Colleagues could not be loaded'));
  }, [fail]);

  const line = state.line;
  const canDial = line !== null && canAct(state) && (state.lines[line]?.operations.dial ?? false);
  // The caller's name is the other side's only on a call that came in; on one this line placed it is ours.
  const whoOf = (call: RecentCall) =>
    call.contactName ?? colleagues.get(call.callBackNumber) ?? (call.direction === 'incoming' ? call.callerName : null) ?? call.callBackNumber;
  const callBack = (number: string) => void run((model) => model.makeCall(number, line));

  return (
    <section className="card" aria-labelledby="recent-title">
      <div className="section__header">
        <h2 id="recent-title" className="section__title">
          Recent calls
        </h2>
        <button type="button" className="button button--ghost button--small" onClick={load}>
          Refresh
        </button>
      </div>
      {calls === null ? (
        <p className="muted">Loading…</p>
      ) : calls.length === 0 ? (
        <p className="muted empty">No calls yet.</p>
      ) : (
        <ul className="list" aria-label="Recent calls">
          {calls.map((call) => (
            <li key={call.id} className="list__item recent">
              <div className="recent__main">
                <a className="link recent__who" href={callCardHref(call.id)}>
                  {whoOf(call)}
                </a>
                <div className="muted small">
                  {directionLabels[call.direction]} · {formatWhen(call.startedAt)}
                  {call.accountId && call.accountName && (
                    <>
                      {' · '}
                      <a className="link" href={accountCallsHref(call.accountId)}>
                        {call.accountName}
                      </a>
                    </>
                  )}
                </div>
              </div>
              <span className={`badge ${call.missed ? 'badge--missed' : ''}`}>
                {call.missed ? 'Missed' : call.endReason ? endReasonLabels[call.endReason] : 'In progress'}
                {call.talkSeconds > 0 && ` · ${formatDuration(call.talkSeconds)}`}
              </span>
              <button
                type="button"
                className="button button--small"
                disabled={!canDial}
                aria-label={`Call back ${whoOf(call)}`}
                onClick={() => callBack(call.callBackNumber)}
              >
                Call back
              </button>
            </li>
          ))}
        </ul>
      )}
      {calls && <RecentContacts calls={calls} canDial={canDial} onCall={callBack} />}
    </section>
  );
}

/** The distinct contacts of the recent calls, each one click away. */
function RecentContacts({ calls, canDial, onCall }: { calls: RecentCall[]; canDial: boolean; onCall: (number: string) => void }) {
  const contacts = new Map<string, RecentCall>();
  for (const call of calls) if (call.contactId && !contacts.has(call.contactId)) contacts.set(call.contactId, call);
  if (contacts.size === 0) return null;
  return (
    <>
      <h3 className="subsection__title">Contacts</h3>
      <ul className="chips" aria-label="Recent contacts">
        {[...contacts.values()].map((call) => (
          <li key={call.contactId} className="chip">
            <a className="link" href={contactCallsHref(call.contactId!)}>
              {call.contactName}
            </a>
            <button type="button" className="button button--small" disabled={!canDial} aria-label={`Call ${call.contactName} at ${call.callBackNumber}`} onClick={() => onCall(call.callBackNumber)}>
              Call
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
