import { choosableAgentStates, type ChoosableAgentState } from '@switchboard/cti';
import { useCti } from '../cti/CtiContext';
import type { LineView } from '../cti/ctiState';
import { agentStateLabels } from '../ui/format';

/** The agent's line, their state (available, away with a reason, offline…) and the call-centre mode switch. */
export function AgentBar() {
  const { state } = useCti();
  const lines = Object.values(state.lines);
  if (!state.ready) return null;
  if (lines.length === 0) {
    return (
      <section className="card agent-bar" aria-label="Your line">
        <p className="muted">You have no phone line; an administrator can give you one.</p>
      </section>
    );
  }

  return (
    <section className="card agent-bar" aria-label="Your line and state">
      {lines.map((line) => (
        <LineControls key={line.line} line={line} />
      ))}
    </section>
  );
}

function LineControls({ line }: { line: LineView }) {
  const { state, run } = useCti();
  const current = line.agent.state;
  const systemState = !(choosableAgentStates as readonly string[]).includes(current);
  // "away" with a reason is one choice per reason, so the select says everything in one control.
  const value = current === 'away' ? `away:${line.agent.reason ?? ''}` : current;

  function choose(choice: string) {
    const [agentState, reason] = choice.split(':', 2) as [ChoosableAgentState, string | undefined];
    void run((model) => model.setAgentState(agentState, reason || null, line.line));
  }

  return (
    <div className="agent-bar__line">
      <div className="agent-bar__identity">
        <span className={`status-dot status-dot--${current}`} aria-hidden="true" />
        <div>
          <div className="agent-bar__name">{state.user?.displayName}</div>
          <div className="muted small">
            Line <strong>{line.line}</strong>
            {systemState && <> · {agentStateLabels[current]}</>}
          </div>
        </div>
      </div>
      <label className="field field--inline">
        <span className="field__label">State</span>
        <select aria-label={`Agent state on line ${line.line}`} value={systemState ? '' : value} onChange={(e) => choose(e.target.value)}>
          {systemState && (
            <option value="" disabled>
              {agentStateLabels[current]}
            </option>
          )}
          <option value="available">{agentStateLabels.available}</option>
          {state.awayReasons.length === 0 && <option value="away:">{agentStateLabels.away}</option>}
          {state.awayReasons.map((reason) => (
            <option key={reason} value={`away:${reason}`}>
              Away: {reason}
            </option>
          ))}
          <option value="doNotDisturb">{agentStateLabels.doNotDisturb}</option>
          <option value="offline">{agentStateLabels.offline}</option>
        </select>
      </label>
      {state.capabilities?.callCentreMode && (
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            aria-checked={line.callCentreMode}
            checked={line.callCentreMode}
            onChange={(e) => void run((model) => model.setCallCentreMode(e.target.checked, line.line))}
          />
          <span className="switch__track" aria-hidden="true" />
          <span>Call-centre mode</span>
        </label>
      )}
    </div>
  );
}
