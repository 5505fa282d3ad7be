import { CtiModel, WebPhoneTransport, type Guid } from '@switchboard/cti';
import type { Me } from '../api/auth';
import { createHubModel } from '../connection/hubTransportSetting';
import { lookupNumber } from '../api/contacts';
import { getOwnSipAccount, saveWebPhoneCall } from '../api/webPhone';
import { setRingsInThisTab, unlockRingingOnFirstGesture } from '../ui/ringer';

/** The picture of one video call: this side's camera and the other side's. */
export interface VideoStreams {
  local?: MediaStream;
  remote?: MediaStream;
}

export interface WebPhoneView {
  /** This tab holds the phone (registers, rings, plays the media); other tabs of the user follow it. */
  holdsPhone: boolean;
  videos: Record<Guid, VideoStreams>;
}

/**
 * What the panel needs of the web phone besides the CtiModel: whether this tab is the phone,
 * the video streams of its calls, and the speaker choice. Read with useSyncExternalStore.
 */
export class WebPhoneHandle {
  private view: WebPhoneView = { holdsPhone: false, videos: {} };
  private readonly listeners = new Set<() => void>();

  constructor(readonly transport: WebPhoneTransport) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): WebPhoneView => this.view;

  setSpeaker(speakerId: string | null): void {
    this.transport.setSpeaker(speakerId);
  }

  update(change: (view: WebPhoneView) => WebPhoneView): void {
    this.view = change(this.view);
    for (const listener of this.listeners) listener();
  }
}

/**
 * The user's CtiModel: over the hub for the third-party style (on the transport the page's
 * settings force, if any), or over the web phone in this browser when the user's phone style is
 * `webPhone`. The panel above it is the same.
 */
export function createCtiModel(me: Me, onProblem: (message: string) => void): { model: CtiModel; webPhone: WebPhoneHandle | null } {
  if (me.phoneStyle !== 'webPhone') return { model: createHubModel(onProblem), webPhone: null };
  let handle: WebPhoneHandle | null = null;
  const transport = new WebPhoneTransport({
    user: { id: me.id, login: me.login, displayName: me.displayName, role: me.role },
    account: getOwnSipAccount,
    lookup: lookupNumber,
    sendSave: saveWebPhoneCall,
    onLeadershipChanged: (holdsPhone) => {
      setRingsInThisTab(holdsPhone);
      handle?.update((view) => ({ ...view, holdsPhone }));
    },
  });
  handle = new WebPhoneHandle(transport);
  const webPhone = handle;
  const model = new CtiModel(transport);
  model.on('webRtcVideoStarted', (event) =>
    webPhone.update((view) => ({ ...view, videos: { ...view.videos, [event.callId]: { ...(event.localStream ? { local: event.localStream } : {}), ...(event.remoteStream ? { remote: event.remoteStream } : {}) } } })),
  );
  const forget = (callId: Guid) =>
    webPhone.update((view) => {
      const { [callId]: _gone, ...videos } = view.videos;
      return { ...view, videos };
    });
  model.on('webRtcDestroyed', (event) => forget(event.callId));
  model.on('callFinished', (call) => forget(call.id));
  unlockRingingOnFirstGesture();
  return { model, webPhone };
}
