import { loadDeviceChoice, storeDeviceChoice, type DeviceChoice } from '@switchboard/cti';
import { useEffect, useId, useState } from 'react';
import { useWebPhone } from './WebPhoneContext';

interface Devices {
  microphones: MediaDeviceInfo[];
  speakers: MediaDeviceInfo[];
  cameras: MediaDeviceInfo[];
}

const none: Devices = { microphones: [], speakers: [], cameras: [] };

async function listDevices(): Promise<Devices> {
  const all = (await globalThis.navigator?.mediaDevices?.enumerateDevices?.()) ?? [];
  return {
    microphones: all.filter((d) => d.kind === 'audioinput'),
    speakers: all.filter((d) => d.kind === 'audiooutput'),
    cameras: all.filter((d) => d.kind === 'videoinput'),
  };
}

/**
 * The web phone's box in the panel: whether this tab is the phone, and the microphone, speaker
 * and camera it uses, remembered in this browser. Browsers name devices only after the first
 * permission; until then the list shows the defaults.
 */
export function PhoneSettings() {
  const phone = useWebPhone();
  const [devices, setDevices] = useState<Devices>(none);
  const [choice, setChoice] = useState<DeviceChoice>(() => loadDeviceChoice());
  const ids = { microphone: useId(), speaker: useId(), camera: useId() };

  useEffect(() => {
    let live = true;
    const refresh = () =>
      void listDevices()
        .then((found) => live && setDevices(found))
        .catch(() => undefined);
    refresh();
    const media = globalThis.navigator?.mediaDevices;
    media?.addEventListener?.('devicechange', refresh);
    return () => {
      live = false;
      media?.removeEventListener?.('devicechange', refresh);
    };
  }, []);

  if (!phone) return null;

  function choose(change: DeviceChoice) {
    const next = { ...choice, ...change };
    setChoice(next);
    storeDeviceChoice(next);
    if ('speakerId' in change) phone?.handle.setSpeaker(next.speakerId ?? null);
  }

  const select = (id: string, label: string, list: MediaDeviceInfo[], value: string | null | undefined, pick: (deviceId: string | null) => void) => (
    <label className="field" htmlFor={id}>
      <span className="field__label">{label}</span>
      <select id={id} value={value ?? ''} onChange={(e) => pick(e.target.value || null)}>
        <option value="">Browser default</option>
        {list
          .filter((d) => d.deviceId && d.deviceId !== 'default')
          .map((d, index) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || `${label} ${index + 1}`}
            </option>
          ))}
      </select>
    </label>
  );

  return (
    <section className="card stack" aria-labelledby="web-phone-title">
      <h2 id="web-phone-title" className="section__title">
        Web phone
      </h2>
      <p className="muted small" role="status">
        {phone.view.holdsPhone ? 'This tab is your phone: calls ring and play here.' : 'Your phone is in another tab of this browser; calls are shown and controlled here.'}
      </p>
      {select(ids.microphone, 'Microphone', devices.microphones, choice.microphoneId, (microphoneId) => choose({ microphoneId }))}
      {devices.speakers.length > 0 && select(ids.speaker, 'Speaker', devices.speakers, choice.speakerId, (speakerId) => choose({ speakerId }))}
      {select(ids.camera, 'Camera', devices.cameras, choice.cameraId, (cameraId) => choose({ cameraId }))}
    </section>
  );
}
