import { useState } from 'react';
import { recordingUrl } from '../api/recordings';

/**
 * Plays a logged call's recording in the browser's own player. Nothing is fetched until the user
 * plays it (preload none), so a long log does not download every file. A player that cannot load
 * the file (the server's 404 when it is gone from the recordings folder) says so instead.
 */
export function RecordingPlayer({ callId, label }: { callId: string; label: string }) {
  const [missing, setMissing] = useState(false);
  if (missing) {
    return (
      <span className="muted small" role="status">
        The recording is missing
      </span>
    );
  }

  return <audio className="recording-player" controls preload="none" src={recordingUrl(callId)} aria-label={label} onError={() => setMissing(true)} />;
}
