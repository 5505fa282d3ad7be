import { CtiModel, HubTransport, parseHubTransportKind, type HubTransportKind } from '@switchboard/cti';

/**
 * Which SignalR transport the panel uses to reach the hub: the page's `transport` query parameter
 * (`?transport=longPolling`, `serverSentEvents` or `sse`, `webSockets`), else the build's
 * `VITE_HUB_TRANSPORT`, else none, and SignalR negotiates (WebSockets first). For networks whose
 * proxies block WebSockets or hold streamed responses. An unknown name is reported as `problem`,
 * and the panel negotiates as if none was given.
 */
export function hubTransportSetting(search: string, buildDefault?: string): { transport?: HubTransportKind; problem?: string } {
  const text = new URLSearchParams(search).get('transport') ?? buildDefault;
  try {
    const transport = parseHubTransportKind(text);
    return transport ? { transport } : {};
  } catch (error) {
    return { problem: `${error instanceof Error ? error.message : String(error)} Connecting with the transport the server offers.` };
  }
}

/** The panel's model on the hub, over the configured transport; a bad setting goes to `onProblem`. */
export function createHubModel(onProblem: (message: string) => void): CtiModel {
  const setting = hubTransportSetting(window.location.search, import.meta.env.VITE_HUB_TRANSPORT as string | undefined);
  if (setting.problem) onProblem(setting.problem);
  return new CtiModel(new HubTransport(setting.transport ? { transport: setting.transport } : {}));
}
