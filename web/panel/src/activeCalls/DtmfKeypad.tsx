import type { CallDto } from '@switchboard/cti';
import { useCti } from '../cti/CtiContext';

const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/** Tone keys for menus on the other side; each press is sent at once, the digits the PBX saw are shown. */
export function DtmfKeypad({ call }: { call: CallDto }) {
  const { state, run } = useCti();
  const sent = state.dtmfByCall[call.id] ?? '';
  return (
    <div className="keypad" role="group" aria-label="Keypad">
      <output className="keypad__display" aria-label="Keys sent" aria-live="polite">
        {sent || '\u00a0'}
      </output>
      <div className="keypad__grid">
        {keys.map((key) => (
          <button
            key={key}
            type="button"
            className="button keypad__key"
            aria-label={`Key ${key}`}
            disabled={!call.operations.dtmf}
            onClick={() => void run((model) => model.sendDtmf(call.id, key))}
          >
            {key}
          </button>
        ))}
      </div>
    </div>
  );
}
