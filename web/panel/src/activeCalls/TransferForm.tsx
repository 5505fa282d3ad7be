import type { CallDto } from '@switchboard/cti';
import { useId, useState, type FormEvent } from 'react';
import { useCti } from '../cti/CtiContext';
import { useNumberLookup } from '../dial/useNumberLookup';

/** Hand the call on: blind, or consult first; to a colleague's line or any number. */
export function TransferForm({ call, onDone }: { call: CallDto; onDone: () => void }) {
  const { run } = useCti();
  const [target, setTarget] = useState('');
  const [mode, setMode] = useState<'consult' | 'blind'>(call.operations.makeConsultCall ? 'consult' : 'blind');
  const lookup = useNumberLookup(target);
  const hintId = useId();
  const allowed = mode === 'blind' ? call.operations.blindTransfer : call.operations.makeConsultCall;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const number = target.trim();
    if (!number) return;
    const done = await run((model) => (mode === 'blind' ? model.blindTransferCall(call.id, number) : model.makeConsultCall(call.id, number)));
    if (done) onDone();
  }

  return (
    <form className="transfer" onSubmit={submit} aria-label="Transfer">
      <fieldset className="segmented">
        <legend className="visually-hidden">Kind of transfer</legend>
        <label className="segmented__option">
          <input type="radio" name={`kind-${call.id}`} checked={mode === 'consult'} disabled={!call.operations.makeConsultCall} onChange={() => setMode('consult')} />
          <span>Consult first</span>
        </label>
        <label className="segmented__option">
          <input type="radio" name={`kind-${call.id}`} checked={mode === 'blind'} disabled={!call.operations.blindTransfer} onChange={() => setMode('blind')} />
          <span>Blind</span>
        </label>
      </fieldset>
      <div className="input-row">
        <label className="field field--grow">
          <span className="field__label">Colleague's line or number</span>
          <input
            inputMode="tel"
            autoComplete="off"
            aria-describedby={hintId}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            placeholder="102 or +7 495 …"
            autoFocus
          />
        </label>
        <button type="submit" className="button button--primary" disabled={!allowed || !target.trim()}>
          {mode === 'blind' ? 'Transfer' : 'Consult'}
        </button>
        <button type="button" className="button button--ghost" onClick={onDone}>
          Close
        </button>
      </div>
      <p id={hintId} className="muted small" aria-live="polite">
        {lookup}
      </p>
    </form>
  );
}
