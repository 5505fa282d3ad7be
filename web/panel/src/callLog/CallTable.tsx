import type { CallLogEntry } from '../api/calls';
import { remoteNumber } from '../cti/selectors';
import { RecordingPlayer } from '../recordings/RecordingPlayer';
import { accountCallsHref, callCardHref, contactCallsHref } from '../ui/crmLinks';
import { directionLabels, endReasonLabels, formatDateTime, formatDuration } from '../ui/format';

/** The log's rows; on a narrow screen each row becomes a small card (see .table--cards). */
export function CallTable({ calls, onCall }: { calls: CallLogEntry[]; onCall?: (number: string) => void }) {
  return (
    <table className="table table--cards">
      <caption className="visually-hidden">Calls</caption>
      <thead>
        <tr>
          <th scope="col">Started</th>
          <th scope="col">Direction</th>
          <th scope="col">Number</th>
          <th scope="col">Contact</th>
          <th scope="col">Agent</th>
          <th scope="col">Duration</th>
          <th scope="col">Result</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {calls.map((call) => {
          const number = remoteNumber(call);
          return (
            <tr key={call.id}>
              <td data-label="Started">
                <a className="link" href={callCardHref(call.id)}>
                  {formatDateTime(call.startedAt)}
                </a>
              </td>
              <td data-label="Direction">{directionLabels[call.direction]}</td>
              <td data-label="Number">{number}</td>
              <td data-label="Contact">
                {call.contactId && call.contactName ? (
                  <a className="link" href={contactCallsHref(call.contactId)}>
                    {call.contactName}
                  </a>
                ) : (
                  <span className="muted">—</span>
                )}
                {call.accountId && call.accountName && (
                  <div className="small">
                    <a className="link" href={accountCallsHref(call.accountId)}>
                      {call.accountName}
                    </a>
                  </div>
                )}
              </td>
              <td data-label="Agent">
                {call.userName ?? '—'} <span className="muted small">({call.line})</span>
              </td>
              <td data-label="Duration">{formatDuration(call.durationSeconds)}</td>
              <td data-label="Result">
                <span className={`badge badge--${call.endReason ?? call.state}`}>
                  {call.endReason ? endReasonLabels[call.endReason] : 'In progress'}
                </span>
              </td>
              <td data-label="">
                {call.hasRecording && <RecordingPlayer callId={call.id} label={`Recording of the call with ${call.contactName ?? number}`} />}
                {onCall && (
                  <button type="button" className="button button--small" aria-label={`Call ${call.contactName ?? number}`} onClick={() => onCall(number)}>
                    Call
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
