import type { CallDto } from '@switchboard/cti';
import { useEffect, useRef } from 'react';
import { canAct } from '../connection/canAct';
import { useCti } from '../cti/CtiContext';
import { incomingRinging, remoteNumber } from '../cti/selectors';
import { showCallNotification } from '../ui/desktopNotifications';
import { Ringer } from '../ui/ringer';
import { CallTimer } from './CallTimer';
import { ContactMatch } from './ContactMatch';

/** Incoming calls pop up with who is calling, ring, and raise a browser notification until answered or gone. */
export function IncomingCalls() {
  const { state } = useCti();
  const ringing = incomingRinging(state);
  useRinging(ringing.length > 0);
  if (ringing.length === 0) return null;
  return (
    <div className="incoming">
      {ringing.map((call) => (
        <IncomingCallPopup key={call.id} call={call} />
      ))}
    </div>
  );
}

function IncomingCallPopup({ call }: { call: CallDto }) {
  const { state, run } = useCti();
  const online = canAct(state);
  const number = remoteNumber(call);
  const who = call.contact?.contactName ?? call.contact?.userName ?? call.callerName ?? number;
  const answerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const closeNotification = showCallNotification(`Incoming call: ${who}`, [number, call.contact?.accountName].filter(Boolean).join(' · '), call.id);
    return closeNotification;
  }, [call.id, who, number, call.contact?.accountName]);

  // Focus goes to the answer button only if the person was not typing somewhere else.
  useEffect(() => {
    if (document.activeElement === document.body) answerRef.current?.focus();
  }, []);

  const titleId = `incoming-${call.id}`;
  return (
    <section className="card incoming__card" role="dialog" aria-modal="false" aria-labelledby={titleId}>
      <div className="incoming__header">
        <span className="pulse" aria-hidden="true" />
        <h2 id={titleId} className="incoming__title">
          Incoming call{call.redirectedFrom ? ` (transferred from ${call.redirectedFrom})` : ''}
        </h2>
        <CallTimer call={call} />
      </div>
      <p className="incoming__number">{number}</p>
      <ContactMatch call={call} />
      <div className="button-row">
        <button
          ref={answerRef}
          type="button"
          className="button button--success"
          disabled={!online || !call.operations.answer}
          title={call.operations.answer ? undefined : 'Answer on your phone'}
          onClick={() => void run((model) => model.answerCall(call.id))}
        >
          Answer
        </button>
        <button type="button" className="button button--danger" disabled={!online || !call.operations.drop} onClick={() => void run((model) => model.dropCall(call.id))}>
          Decline
        </button>
      </div>
    </section>
  );
}

function useRinging(ringing: boolean) {
  const ringer = useRef<Ringer | null>(null);
  useEffect(() => {
    if (!ringing) return;
    ringer.current ??= new Ringer();
    const current = ringer.current;
    try {
      current.start();
    } catch {
      // No sound where the browser refuses audio; the pop-up and the notification remain.
    }
    return () => current.stop();
  }, [ringing]);
}
