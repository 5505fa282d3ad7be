import type { CallDto } from '@switchboard/cti';
import { useCallback, useEffect, useState } from 'react';
import { teamActiveCalls, teamActiveCallsPath } from '../api/team';
import { useCti } from '../cti/CtiContext';
import { remoteNumber } from '../cti/selectors';
import { useNotices } from '../notices/NoticeContext';
import { callStateLabels } from '../ui/format';
import { CallTimer } from '../activeCalls/CallTimer';

const refreshEveryMs = 5000;

/** Supervisors: the team's calls in progress, each with a button to listen in from the supervisor's own line. */
export function TeamCalls() {
  const { state, run } = useCti();
  const { fail } = useNotices();
  const [answer, setAnswer] = useState<{ available: boolean; calls: CallDto[] } | null>(null);
  const canListen = state.capabilities?.listen ?? false;

  const load = useCallback(() => {
    teamActiveCalls()
      .then((result) => setAnswer(result.available ? result : { available: false, calls: [] }))
      .catch((error: unknown) => fail(error, "The team's calls could not be loaded"));
  }, [fail]);

  useEffect(() => {
    load();
    const timer = setInterval(load, refreshEveryMs);
    return () => clearInterval(timer);
  }, [load]);

  return (
    <section className="card" aria-labelledby="team-title">
      <div className="section__header">
        <h2 id="team-title" className="section__title">
          Team calls
        </h2>
        <button type="button" className="button button--ghost button--small" onClick={load}>
          Refresh
        </button>
      </div>
      {answer === null && <p className="muted">Loading…</p>}
      {answer?.available === false && (
        <p className="muted">The server does not list the team's calls yet ({teamActiveCallsPath} is missing).</p>
      )}
      {answer?.available && answer.calls.length === 0 && <p className="muted empty">Nobody in the team is on a call.</p>}
      {answer?.available && answer.calls.length > 0 && (
        <ul className="list" aria-label="Team calls">
          {answer.calls.map((call) => (
            <li key={call.id} className="list__item">
              <div className="recent__main">
                <strong>Line {call.line}</strong> · {call.contact?.contactName ?? remoteNumber(call)}
                <div className="muted small">
                  {callStateLabels[call.state]} · <CallTimer call={call} />
                </div>
              </div>
              <button
                type="button"
                className="button button--small"
                disabled={!canListen || state.line === null}
                aria-label={`Listen to the call on line ${call.line}`}
                onClick={() => void run((model) => model.listenCall(call.id))}
              >
                Listen
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
