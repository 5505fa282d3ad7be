import type { Guid } from '../contract/call.js';

/** The devices a person chose in the panel; an absent id means the browser's default. */
export interface DeviceChoice {
  microphoneId?: string | null;
  speakerId?: string | null;
  cameraId?: string | null;
}

const devicesKey = 'switchboard.webPhone.devices';

export function loadDeviceChoice(storage: Pick<Storage, 'getItem'> | null = globalStorage()): DeviceChoice {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(devicesKey) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as DeviceChoice) : {};
  } catch {
    return {};
  }
}

export function storeDeviceChoice(choice: DeviceChoice, storage: Pick<Storage, 'setItem'> | null = globalStorage()): void {
  try {
    storage?.setItem(devicesKey, JSON.stringify(choice));
  } catch {
    // Not remembered (storage refused); the choice still applies to this page.
  }
}

export function globalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** getUserMedia constraints from the choice: `ideal`, so a device unplugged since falls back to the default. */
export function mediaConstraints(choice: DeviceChoice, video: boolean): MediaStreamConstraints {
  return {
    audio: choice.microphoneId ? { deviceId: { ideal: choice.microphoneId } } : true,
    video: video ? (choice.cameraId ? { deviceId: { ideal: choice.cameraId } } : true) : false,
  };
}

/** Plays the remote side of calls: one hidden audio element per call, on the chosen speaker. */
export interface MediaOutput {
  play(callId: Guid, stream: MediaStream): void;
  release(callId: Guid): void;
  setSpeaker(speakerId: string | null): void;
}

// setSinkId picks the speaker; browsers without it play on the default one.
type SinkElement = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };

export class AudioElementOutput implements MediaOutput {
  private readonly elements = new Map<Guid, SinkElement>();

  constructor(private speakerId: string | null = null) {}

  play(callId: Guid, stream: MediaStream): void {
    let element = this.elements.get(callId);
    if (!element) {
      element = document.createElement('audio') as SinkElement;
      element.autoplay = true;
      element.dataset.webPhoneCall = callId;
      element.hidden = true;
      document.body.appendChild(element);
      this.elements.set(callId, element);
      this.applySpeaker(element);
    }

    if (element.srcObject !== stream) element.srcObject = stream;
    // The answer or dial click allows playback; a refusal leaves the call silent but connected.
    void element.play().catch(() => undefined);
  }

  release(callId: Guid): void {
    const element = this.elements.get(callId);
    if (!element) return;
    element.srcObject = null;
    element.remove();
    this.elements.delete(callId);
  }

  setSpeaker(speakerId: string | null): void {
    this.speakerId = speakerId;
    for (const element of this.elements.values()) this.applySpeaker(element);
  }

  private applySpeaker(element: SinkElement): void {
    if (typeof element.setSinkId !== 'function') return;
    void element.setSinkId(this.speakerId ?? '').catch(() => undefined);
  }
}

/** Where there is no page to play in (tests, workers). */
export const silentOutput: MediaOutput = {
  play: () => undefined,
  release: () => undefined,
  setSpeaker: () => undefined,
};
