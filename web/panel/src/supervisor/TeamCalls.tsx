import type { CallDto, SupervisionMode } from '@switchboard/cti';
import { useCallback, useEffect, useState } from 'react';
import { teamActiveCalls, teamActiveCallsPath } from '../api/team';
import { useCti } from '../cti/CtiContext';
import { remoteNumber } from '../cti/selectors';
import { useNotices } from '../notices/NoticeContext';
import { callStateLabels } from '../ui/format';
import { CallTimer } from '../activeCalls/CallTimer';

const refreshEveryMs = 5000;

const supervisionModes: { mode: SupervisionMode; label: string; verb: string }[] = [
  { mode: 'listen', label: 'Listen', verb: 'Listen to' },
  { mode: 'whisper', label: 'Whisper', verb: 'Whisper to the agent in' },
  { mode: 'barge', label: 'Barge', verb: 'Barge into' },
];

/**
 * Supervisors: the team's calls in progress, each with buttons to listen in from the supervisor's own line,
 * and to whisper to the agent or barge in where the PBX can.
 */
export function TeamCalls() {
  const { state, run } = useCti();
  const { fail } = useNotices();
  const [answer, setAnswer] = useState<{ available: boolean; calls: CallDto[] } | null>(null);
  const canListen = state.capabilities?.listen ?? false;
  // Whisper and barge appear only where the PBX has them; listening needs no more than `listen`.
  const modes = supervisionModes.filter((m) => canListen && (m.mode === 'listen' || state.capabilities?.[m.mode] === true));

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
              <div className="button-row" role="group" aria-label={`Supervise the call on line ${call.line}`}>
                {(modes.length > 0 ? modes : supervisionModes.slice(0, 1)).map((m) => (
                  <button
                    key={m.mode}
                    type="button"
                    className="button button--small"
                    disabled={!canListen || state.line === null}
                    aria-label={`${m.verb} the call on line ${call.line}`}
                    onClick={() => void run((model) => (m.mode === 'listen' ? model.listenCall(call.id) : model.listenCall(call.id, m.mode)))}
                  >
                    {m.label}
                  </button>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
