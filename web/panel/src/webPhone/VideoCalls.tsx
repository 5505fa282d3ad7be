import { useEffect, useRef } from 'react';
import { useCti } from '../cti/CtiContext';
import { remoteNumber } from '../cti/selectors';
import { useWebPhone } from './WebPhoneContext';
import type { VideoStreams } from './webPhoneHandle';

/** The picture of each video call of the web phone: the other side large, this side's camera small. */
export function VideoCalls() {
  const phone = useWebPhone();
  const { state } = useCti();
  if (!phone) return null;
  const calls = Object.entries(phone.view.videos).filter(([callId]) => callId in state.calls);
  if (calls.length === 0) return null;
  return (
    <section className="card stack" aria-label="Video">
      {calls.map(([callId, streams]) => {
        const call = state.calls[callId];
        return <VideoCall key={callId} streams={streams} label={call ? remoteNumber(call) : ''} />;
      })}
    </section>
  );
}

function VideoCall({ streams, label }: { streams: VideoStreams; label: string }) {
  return (
    <figure className="video-call">
      <StreamVideo stream={streams.remote} className="video-call__remote" label={`Video from ${label}`} />
      <StreamVideo stream={streams.local} className="video-call__local" label="Your camera" />
      <figcaption className="small muted">{label}</figcaption>
    </figure>
  );
}

function StreamVideo({ stream, className, label }: { stream: MediaStream | undefined; className: string; label: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video || !stream) return;
    video.srcObject = stream;
    void video.play().catch(() => undefined);
    return () => {
      video.srcObject = null;
    };
  }, [stream]);
  // The remote sound plays through the phone's own audio element, so every video stays muted.
  return stream ? <video ref={ref} className={className} aria-label={label} autoPlay playsInline muted /> : null;
}
