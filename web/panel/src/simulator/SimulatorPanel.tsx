import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { actAsOutsideParty, listSimCalls, placeInboundCall, pressKeysAsOutsideParty, setPbxLink, type SimAction, type SimCall } from '../api/simulator';
import { useCti } from '../cti/CtiContext';
import { useNotices } from '../notices/NoticeContext';

// The demo data's callers (README, "Demo logins"), offered so a demo needs no typing.
const demoCallers = [
  { number: '+74951234567', name: 'Ivan Sidorov' },
  { number: '+74957654321', name: 'Pavel Kuznetsov' },
  { number: '+74951112233', name: 'Olga Smirnova' },
  { number: '+74990000000', name: 'an unknown number' },
];

/**
 * Developer controls that play the outside world of the built-in PBX simulator: call in, answer
 * or refuse a call the agent placed, hang up, press keys, cut the PBX link. Shown only when the
 * simulator is the PBX (demo mode). The server lets an agent play only their own lines' calls,
 * and only an administrator cut the link, which serves everyone: others do not get that button.
 */
export function SimulatorPanel() {
  const { state } = useCti();
  const { fail } = useNotices();
  const [calls, setCalls] = useState<SimCall[]>([]);
  const [from, setFrom] = useState(demoCallers[0]!.number);
  const [to, setTo] = useState(state.line ?? '101');
  const [digits, setDigits] = useState('');
  const [linkUp, setLinkUp] = useState(state.pbxConnected);
  const administers = state.user?.role === 'administrator';
  const changes = Object.values(state.calls)
    .map((call) => `${call.id}:${call.state}`)
    .join();

  const refresh = useCallback(() => {
    listSimCalls()
      .then(setCalls)
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, 2000);
    return () => clearInterval(timer);
  }, [refresh, changes]);

  useEffect(() => setLinkUp(state.pbxConnected), [state.pbxConnected]);

  const act = (work: () => Promise<unknown>) =>
    work()
      .then(refresh)
      .catch((error: unknown) => fail(error, 'Simulator'));

  function callIn(event: FormEvent) {
    event.preventDefault();
    void act(() => placeInboundCall(from.trim(), to.trim()));
  }

  return (
    <section className="card simulator" aria-labelledby="sim-title">
      <div className="section__header">
        <h2 id="sim-title" className="section__title">
          Simulator <span className="badge">demo</span>
        </h2>
      </div>
      <form className="input-row input-row--wrap" onSubmit={callIn} aria-label="Simulate an incoming call">
        <label className="field field--grow">
          <span className="field__label">Caller</span>
          <input list="sim-callers" value={from} onChange={(e) => setFrom(e.target.value)} autoComplete="off" />
          <datalist id="sim-callers">
            {demoCallers.map((caller) => (
              <option key={caller.number} value={caller.number}>
                {caller.name}
              </option>
            ))}
          </datalist>
        </label>
        <label className="field">
          <span className="field__label">Calls line or queue</span>
          <input value={to} onChange={(e) => setTo(e.target.value)} size={6} autoComplete="off" />
        </label>
        <button type="submit" className="button button--primary">
          Simulate incoming call
        </button>
      </form>
      <h3 className="subsection__title">Simulator calls</h3>
      {calls.length === 0 ? (
        <p className="muted small">None.</p>
      ) : (
        <ul className="list" aria-label="Simulator calls">
          {calls.map((call) => (
            <li key={call.id} className="list__item list__item--wrap">
              <div className="recent__main small">
                <strong>{call.id}</strong> {call.caller.number} → {call.callee?.number ?? call.queue ?? '…'} · {call.state}
              </div>
              <div className="button-row">
                {(['answer', 'busy', 'hangup'] as SimAction[]).map((action) => (
                  <button
                    key={action}
                    type="button"
                    className="button button--small"
                    aria-label={`Simulator: ${actionLabel[action]} ${call.id}`}
                    onClick={() => void act(() => actAsOutsideParty(call.id, action))}
                  >
                    {actionLabel[action]}
                  </button>
                ))}
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Simulator: press keys on ${call.id}`}
                  disabled={!/^[0-9*#A-Da-d]{1,32}$/.test(digits)}
                  onClick={() => void act(() => pressKeysAsOutsideParty(call.id, digits))}
                >
                  Press keys
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="input-row input-row--wrap">
        <label className="field">
          <span className="field__label">Keys the outside party presses</span>
          <input value={digits} onChange={(e) => setDigits(e.target.value)} size={8} autoComplete="off" placeholder="12#" />
        </label>
        {administers && (
          <button type="button" className="button" onClick={() => void act(() => setPbxLink(!linkUp))}>
            {linkUp ? 'Cut the PBX link' : 'Restore the PBX link'}
          </button>
        )}
      </div>
    </section>
  );
}

const actionLabel: Record<SimAction, string> = { answer: 'Answer', busy: 'Busy', hangup: 'Hang up' };
