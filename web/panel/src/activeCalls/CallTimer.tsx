import type { CallDto } from '@switchboard/cti';
import { formatDuration, secondsSince } from '../ui/format';
import { useNow } from '../ui/useNow';

/** Talk time since the answer, or ringing time before it; it runs while the call lasts. */
export function CallTimer({ call }: { call: CallDto }) {
  const now = useNow(call.state !== 'finished');
  const since = call.answeredAt ?? call.startedAt;
  return (
    <time className="call-timer" aria-label={call.answeredAt ? 'Call time' : 'Ringing time'}>
      {formatDuration(secondsSince(since, now))}
    </time>
  );
}
