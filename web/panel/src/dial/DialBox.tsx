import { useId, useState, type FormEvent } from 'react';
import { canAct } from '../connection/canAct';
import { useCti } from '../cti/CtiContext';
import { useNumberLookup } from './useNumberLookup';

/** Dial any number or a colleague's line; says whose number it is while typing. */
export function DialBox() {
  const { state, run } = useCti();
  const [number, setNumber] = useState('');
  const lookup = useNumberLookup(number);
  const hintId = useId();
  const line = state.line;
  const canDial = line !== null && canAct(state) && (state.lines[line]?.operations.dial ?? false);
  // Video calls exist only where the phone can make them (the web phone).
  const canVideo = canDial && (state.lines[line ?? '']?.operations.video ?? false);

  async function dial(video: boolean) {
    const typed = number.trim();
    if (!typed) return;
    if (await run((model) => model.makeCall(typed, line, video ? { video } : undefined))) setNumber('');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void dial(false);
  }

  return (
    <section className="card" aria-labelledby="dial-title">
      <h2 id="dial-title" className="section__title">
        Call
      </h2>
      <form className="input-row" onSubmit={submit}>
        <label className="field field--grow">
          <span className="field__label">Number or line</span>
          <input
            type="tel"
            inputMode="tel"
            autoComplete="off"
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            aria-describedby={hintId}
            placeholder="+7 495 123-45-67 or 102"
          />
        </label>
        <button type="submit" className="button button--success" disabled={!canDial || !number.trim()}>
          Call
        </button>
        {canVideo && (
          <button type="button" className="button" disabled={!number.trim()} onClick={() => void dial(true)}>
            Video call
          </button>
        )}
      </form>
      <p id={hintId} className="muted small" aria-live="polite">
        {lookup || (!canDial && state.ready && line ? 'Dialling is not possible right now.' : '\u00a0')}
      </p>
    </section>
  );
}
