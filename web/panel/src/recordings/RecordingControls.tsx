import type { CallDto } from '@switchboard/cti';
import { useState } from 'react';
import { setCallRecording } from '../api/recordings';
import { canAct } from '../connection/canAct';
import { useCti } from '../cti/CtiContext';
import { useNotices } from '../notices/NoticeContext';

/**
 * Start and stop recording a call from its card, where the server offers it (capabilities.callRecording: the PBX
 * can and the administrator allows it). The button follows what the PBX reports (call.recording), not the click.
 */
export function RecordingControls({ call }: { call: CallDto }) {
  const { state } = useCti();
  const { fail } = useNotices();
  const [busy, setBusy] = useState(false);
  const recordable = call.state === 'connected' || call.state === 'held';
  if (!state.capabilities?.callRecording || call.isListening || (!recordable && !call.recording)) return null;

  const recording = call.recording ?? false;
  async function toggle() {
    setBusy(true);
    try {
      await setCallRecording(call.id, !recording);
    } catch (failure) {
      fail(failure, recording ? 'The recording was not stopped' : 'The recording was not started');
    } finally {
      setBusy(false);
    }
  }

  return (
    <button type="button" className="button" aria-pressed={recording} disabled={busy || !canAct(state)} onClick={() => void toggle()}>
      {recording ? 'Stop recording' : 'Record'}
    </button>
  );
}
