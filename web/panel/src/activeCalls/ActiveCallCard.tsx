import { noOperations, type CallDto, type Supervision } from '@switchboard/cti';
import { useState } from 'react';
import { conferenceCall } from '../api/conference';
import { canAct } from '../connection/canAct';
import { useCti } from '../cti/CtiContext';
import { consultationPartner, isCurrent, remoteNumber } from '../cti/selectors';
import { RecordingControls } from '../recordings/RecordingControls';
import { useNotices } from '../notices/NoticeContext';
import { callStateLabels } from '../ui/format';
import { CallTimer } from './CallTimer';
import { ConferenceMembers } from './ConferenceMembers';
import { ContactMatch } from './ContactMatch';
import { DtmfKeypad } from './DtmfKeypad';
import { TransferForm } from './TransferForm';

/**
 * One call in progress with the operations it allows now: every button follows the flags of
 * the latest lineStateChanged for this call, so the panel never offers what the PBX would refuse.
 */
export function ActiveCallCard({ call }: { call: CallDto }) {
  const { state, run } = useCti();
  const { fail } = useNotices();
  const [panel, setPanel] = useState<'none' | 'transfer' | 'keypad'>('none');
  // While the server or the PBX is away no command can get through: every button waits for it.
  const ops = canAct(state) ? call.operations : noOperations;
  const current = isCurrent(state, call);
  const partner = consultationPartner(state, call);
  const number = remoteNumber(call);
  const name = call.contact?.contactName ?? call.contact?.userName ?? call.callerName;
  const titleId = `call-${call.id}`;
  // The server allows completing or cancelling on both calls of a consultation; the panel offers it
  // once, on the consultation itself, where the agent is talking to the person they consult.
  const transferDecidedHere = !partner || Boolean(call.parentCallId);
  const role = call.isListening ? listeningRole(call) : call.parentCallId ? 'Consultation' : partner ? 'Waiting for transfer' : directionText(call);

  return (
    <article className={`card call-card${current ? ' call-card--current' : ''}${call.parentCallId ? ' call-card--consultation' : ''}`} aria-labelledby={titleId}>
      <header className="call-card__header">
        <div>
          <div className="call-card__role small">
            {role}
            {current && partner && <span className="badge badge--accent">Current</span>}
          </div>
          <h3 id={titleId} className="call-card__title">
            {name ? `${name} · ${number}` : number}
          </h3>
        </div>
        <div className="call-card__status">
          <span className={`badge badge--${call.state}`}>{callStateLabels[call.state]}</span>
          {call.muted && <span className="badge">Muted</span>}
          {call.recording && <span className="badge badge--recording">Recording</span>}
          {call.supervision && (
            <span className="badge badge--accent" role="status">
              {supervisionText(call.supervision)}
            </span>
          )}
          <CallTimer call={call} />
        </div>
      </header>
      {!call.isListening && <ContactMatch call={call} />}
      {call.conference && <ConferenceMembers conference={call.conference} ownLine={call.line} />}
      <div className="button-row" role="group" aria-label={`Controls for the call with ${name ?? number}`}>
        {call.operations.answer && (
          <button type="button" className="button button--success" disabled={!ops.answer} onClick={() => void run((m) => m.answerCall(call.id))}>
            Answer
          </button>
        )}
        {call.state === 'held' ? (
          <button type="button" className="button" disabled={!ops.unhold} onClick={() => void run((m) => m.unholdCall(call.id))}>
            Resume
          </button>
        ) : (
          <button type="button" className="button" disabled={!ops.hold} onClick={() => void run((m) => m.holdCall(call.id))}>
            Hold
          </button>
        )}
        {state.capabilities?.callOperations.mute && (
          <button
            type="button"
            className="button"
            aria-pressed={call.muted}
            disabled={!ops.mute}
            onClick={() => void run((m) => (call.muted ? m.unmuteCall(call.id) : m.muteCall(call.id)))}
          >
            {call.muted ? 'Unmute' : 'Mute'}
          </button>
        )}
        <RecordingControls call={call} />
        {(call.operations.blindTransfer || call.operations.makeConsultCall) && (
          <button type="button" className="button" disabled={!ops.blindTransfer && !ops.makeConsultCall} aria-expanded={panel === 'transfer'} onClick={() => setPanel(panel === 'transfer' ? 'none' : 'transfer')}>
            Transfer…
          </button>
        )}
        {transferDecidedHere && call.operations.completeTransfer && (
          <button type="button" className="button button--primary" disabled={!ops.completeTransfer} onClick={() => void run((m) => m.transferCall(call.id))}>
            Complete transfer
          </button>
        )}
        {transferDecidedHere && call.operations.conference && (
          <button type="button" className="button" disabled={!ops.conference} onClick={() => void conferenceCall(call.id).catch((error: unknown) => fail(error, 'The conference could not be made'))}>
            Conference
          </button>
        )}
        {transferDecidedHere && call.operations.cancelTransfer && (
          <button type="button" className="button" disabled={!ops.cancelTransfer} onClick={() => void run((m) => m.cancelTransfer(call.id))}>
            Cancel consultation
          </button>
        )}
        {state.capabilities?.callOperations.dtmf !== false && !call.isListening && (
          <button type="button" className="button" aria-expanded={panel === 'keypad'} disabled={!ops.dtmf} onClick={() => setPanel(panel === 'keypad' ? 'none' : 'keypad')}>
            Keypad
          </button>
        )}
        <button type="button" className="button button--danger" disabled={!ops.drop} onClick={() => void run((m) => m.dropCall(call.id))}>
          Hang up
        </button>
      </div>
      {panel === 'transfer' && <TransferForm call={call} onDone={() => setPanel('none')} />}
      {panel === 'keypad' && <DtmfKeypad call={call} />}
    </article>
  );
}

function directionText(call: CallDto): string {
  if (call.redirectedFrom) return `Transferred from ${call.redirectedFrom}`;
  if (call.direction === 'outgoing') return call.state === 'alerting' ? 'Calling…' : 'Outgoing call';
  if (call.direction === 'internal') return 'Internal call';
  return 'Incoming call';
}

function listeningRole(call: CallDto): string {
  switch (call.listenMode) {
    case 'whisper':
      return `Whispering to ${call.calleeNumber}`;
    case 'barge':
      return 'Barged in';
    default:
      return 'Listening in';
  }
}

/** The agent is told that a supervisor is in the call, and how: silent listening too is no secret here. */
function supervisionText(supervision: Supervision): string {
  const who = `Supervisor ${supervision.supervisorLine}`;
  switch (supervision.mode) {
    case 'whisper':
      return `${who} is whispering`;
    case 'barge':
      return `${who} barged in`;
    default:
      return `${who} is listening`;
  }
}
