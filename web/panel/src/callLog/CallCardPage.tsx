import { useEffect, useState, type FormEvent } from 'react';
import { commentCall, getCall, type CallLogEntry } from '../api/calls';
import { useCti } from '../cti/CtiContext';
import { remoteNumber } from '../cti/selectors';
import { useNotices } from '../notices/NoticeContext';
import { RecordingPlayer } from '../recordings/RecordingPlayer';
import { accountCallsHref, contactCallsHref, newContactHref } from '../ui/crmLinks';
import { callStateLabels, directionLabels, endReasonLabels, formatDateTime, formatDuration } from '../ui/format';

/** One call of the log: its times, parties, links to its contact and account, and its comment. */
export function CallCardPage({ id }: { id: string }) {
  const { state, run } = useCti();
  const { notify, fail } = useNotices();
  const [call, setCall] = useState<CallLogEntry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [comment, setComment] = useState('');

  useEffect(() => {
    getCall(id)
      .then((found) => {
        setCall(found);
        setComment(found.comment ?? '');
      })
      .catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  }, [id]);

  async function saveComment(event: FormEvent) {
    event.preventDefault();
    try {
      setCall(await commentCall(id, comment));
      notify('success', 'Comment saved.');
    } catch (failure) {
      fail(failure, 'The comment was not saved');
    }
  }

  if (error) {
    return (
      <main className="page">
        <p role="alert" className="form-error">
          {error}
        </p>
        <a className="link" href="#/calls">
          Back to calls
        </a>
      </main>
    );
  }

  if (!call) return <main className="page muted">Loading…</main>;
  const number = remoteNumber(call);
  const canDial = state.line !== null && (state.lines[state.line]?.operations.dial ?? false);
  return (
    <main className="page" aria-labelledby="call-card-title">
      <a className="link small" href="#/calls">
        ← Calls
      </a>
      <div className="page__header">
        <h1 id="call-card-title" className="page__title">
          {directionLabels[call.direction]} call · {number}
        </h1>
        <button type="button" className="button button--success" disabled={!canDial} onClick={() => void run((m) => m.makeCall(number, state.line))}>
          Call {number}
        </button>
      </div>
      <div className="card">
        <dl className="details">
          <dt>Contact</dt>
          <dd>
            {call.contactId && call.contactName ? (
              <a className="link" href={contactCallsHref(call.contactId)}>
                {call.contactName}
              </a>
            ) : (
              <a className="link" href={newContactHref(number)} target="_blank" rel="noreferrer">
                Create a contact
              </a>
            )}
          </dd>
          <dt>Account</dt>
          <dd>
            {call.accountId && call.accountName ? (
              <a className="link" href={accountCallsHref(call.accountId)}>
                {call.accountName}
              </a>
            ) : (
              '—'
            )}
          </dd>
          <dt>Caller</dt>
          <dd>
            {call.callerNumber}
            {call.callerName ? ` (${call.callerName})` : ''}
          </dd>
          <dt>Called</dt>
          <dd>{call.calleeNumber}</dd>
          {call.redirectedFrom && (
            <>
              <dt>Transferred from</dt>
              <dd>{call.redirectedFrom}</dd>
            </>
          )}
          {call.redirectedTo && (
            <>
              <dt>Transferred to</dt>
              <dd>{call.redirectedTo}</dd>
            </>
          )}
          <dt>Agent</dt>
          <dd>
            {call.userName ?? '—'} (line {call.line})
          </dd>
          <dt>Result</dt>
          <dd>{call.endReason ? endReasonLabels[call.endReason] : callStateLabels[call.state]}</dd>
          <dt>Started</dt>
          <dd>{formatDateTime(call.startedAt)}</dd>
          {call.answeredAt && (
            <>
              <dt>Answered</dt>
              <dd>{formatDateTime(call.answeredAt)}</dd>
            </>
          )}
          {call.endedAt && (
            <>
              <dt>Ended</dt>
              <dd>{formatDateTime(call.endedAt)}</dd>
            </>
          )}
          <dt>Waiting</dt>
          <dd>{formatDuration(call.timeBeforeConnectionSeconds)}</dd>
          <dt>Talk</dt>
          <dd>{formatDuration(call.talkSeconds)}</dd>
          <dt>On hold</dt>
          <dd>{formatDuration(call.holdSeconds)}</dd>
          <dt>Duration</dt>
          <dd>{formatDuration(call.durationSeconds)}</dd>
          {call.hasRecording && (
            <>
              <dt>Recording</dt>
              <dd>
                <RecordingPlayer callId={call.id} label="Recording of this call" />
              </dd>
            </>
          )}
        </dl>
      </div>
      <form className="card" onSubmit={saveComment}>
        <label className="field">
          <span className="field__label">Comment</span>
          <textarea rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
        </label>
        <button type="submit" className="button button--primary">
          Save comment
        </button>
      </form>
    </main>
  );
}
