import { ActiveCalls } from '../activeCalls/ActiveCalls';
import { IncomingCalls } from '../activeCalls/IncomingCallPopup';
import { AgentBar } from '../agent/AgentBar';
import { useCti } from '../cti/CtiContext';
import { DialBox } from '../dial/DialBox';
import { RecentCalls } from '../dial/RecentCalls';
import { SimulatorPanel } from '../simulator/SimulatorPanel';
import { TeamCalls } from '../supervisor/TeamCalls';
import { PhoneSettings } from '../webPhone/PhoneSettings';
import { VideoCalls } from '../webPhone/VideoCalls';

/** The CTI panel: the line and state, the calls, the dial box and recent calls; the team for supervisors. */
export function PhonePage({ simulator }: { simulator: boolean }) {
  const { state } = useCti();
  const supervises = state.user?.role === 'supervisor' || state.user?.role === 'administrator';
  return (
    <main className="phone" aria-label="Phone">
      <h1 className="visually-hidden">Phone</h1>
      <div className="phone__main">
        <AgentBar />
        {/* Below the line and state, so a call ringing in never covers the agent-state menu. */}
        <IncomingCalls />
        <VideoCalls />
        <ActiveCalls />
        {supervises && <TeamCalls />}
      </div>
      <aside className="phone__side" aria-label="Dialling and history">
        <DialBox />
        <RecentCalls />
        <PhoneSettings />
        {simulator && <SimulatorPanel />}
      </aside>
    </main>
  );
}
