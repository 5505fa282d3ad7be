/** A small typed event emitter: one listener's exception never keeps the others from hearing. */
export class Emitter<TMap extends object> {
  private readonly listeners = new Map<keyof TMap, Set<(payload: never) => void>>();

  constructor(private readonly onListenerError: (error: unknown) => void) {}

  on<K extends keyof TMap>(name: K, listener: (payload: TMap[K]) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }

    set.add(listener as (payload: never) => void);
    return () => this.off(name, listener);
  }

  off<K extends keyof TMap>(name: K, listener: (payload: TMap[K]) => void): void {
    this.listeners.get(name)?.delete(listener as (payload: never) => void);
  }

  emit<K extends keyof TMap>(name: K, payload: TMap[K]): void {
    const set = this.listeners.get(name);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        (listener as (payload: TMap[K]) => void)(payload);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}
