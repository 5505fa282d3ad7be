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
    if (this.timer !== undefined) return;
    const AudioContextClass = globalThis.AudioContext;
    if (!AudioContextClass) return;
    this.context ??= new AudioContextClass();
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
