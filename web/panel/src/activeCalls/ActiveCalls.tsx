import { useCti } from '../cti/CtiContext';
import { callsInProgress } from '../cti/selectors';
import { ActiveCallCard } from './ActiveCallCard';

/** The calls in progress; the two calls of a consultation sit together, the current one marked. */
export function ActiveCalls() {
  const { state } = useCti();
  const calls = callsInProgress(state);
  return (
    <section aria-labelledby="active-calls-title" className="section">
      <h2 id="active-calls-title" className="section__title">
        Calls in progress
      </h2>
      {calls.length === 0 ? (
        <p className="muted empty">No call right now.</p>
      ) : (
        <div className="stack">
          {calls.map((call) => (
            <ActiveCallCard key={call.id} call={call} />
          ))}
        </div>
      )}
    </section>
  );
}
