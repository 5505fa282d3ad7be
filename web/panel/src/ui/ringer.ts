/**
 * The ringing of an incoming call, made with Web Audio so the panel ships no sound file: two
 * short tones, a pause, again. Browsers let a page play sound only after the person has
 * interacted with it; signing in counts, and a blocked ring fails quietly (the pop-up and the
 * notification still show the call).
 */
export class Ringer {
  private context: AudioContext | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  start(): void {
    if (this.timer !== undefined || !ringsHere) return;
    this.context ??= sharedContext();
    if (!this.context) return;
    void this.context.resume().catch(() => undefined);
    this.ring();
    this.timer = setInterval(() => this.ring(), 3000);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private ring(): void {
    const context = this.context;
    if (!context) return;
    for (const offset of [0, 0.45]) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.frequency.value = 440;
      gain.gain.setValueAtTime(0, context.currentTime + offset);
      gain.gain.linearRampToValueAtTime(0.15, context.currentTime + offset + 0.02);
      gain.gain.setValueAtTime(0.15, context.currentTime + offset + 0.35);
      gain.gain.linearRampToValueAtTime(0, context.currentTime + offset + 0.4);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(context.currentTime + offset);
      oscillator.stop(context.currentTime + offset + 0.42);
    }
  }
}

let ringsHere = true;

/** With the web phone only the tab that holds the phone rings; the others show the call silently. */
export function setRingsInThisTab(rings: boolean): void {
  ringsHere = rings;
}

let context: AudioContext | undefined;

function sharedContext(): AudioContext | undefined {
  const AudioContextClass = globalThis.AudioContext;
  if (!AudioContextClass) return undefined;
  context ??= new AudioContextClass();
  return context;
}

/**
 * A page reloaded with the sign-in cookie has had no click yet, and an audio context made then
 * stays suspended; the first click or key anywhere resumes it, so a later call can ring.
 */
export function unlockRingingOnFirstGesture(target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): void {
  const unlock = () => {
    void sharedContext()?.resume().catch(() => undefined);
    target.removeEventListener('pointerdown', unlock);
    target.removeEventListener('keydown', unlock);
  };
  target.addEventListener('pointerdown', unlock);
  target.addEventListener('keydown', unlock);
}
