import { HttpTransportType } from '@microsoft/signalr';
import { describe, expect, it } from 'vitest';
import { CtiModel, HubTransport, connectionOptions, parseHubTransportKind, signalRTransport, type HubTransportOptions } from '../src/index.js';
import { FakeHubConnection } from './fakeHubConnection.js';

describe('the hub transport option', () => {
  it('reads a transport from a setting in any case, with sse for Server-Sent Events, and none from an empty one', () => {
    expect(parseHubTransportKind('longPolling')).toBe('longPolling');
    expect(parseHubTransportKind('LONGPOLLING')).toBe('longPolling');
    expect(parseHubTransportKind('sse')).toBe('serverSentEvents');
    expect(parseHubTransportKind('ServerSentEvents')).toBe('serverSentEvents');
    expect(parseHubTransportKind(' webSockets ')).toBe('webSockets');
    expect(parseHubTransportKind('')).toBeUndefined();
    expect(parseHubTransportKind(null)).toBeUndefined();
  });

  it('refuses an unknown transport with the names it knows', () => {
    expect(() => parseHubTransportKind('carrier pigeon')).toThrow(/Unknown hub transport 'carrier pigeon': use webSockets, serverSentEvents, longPolling/);
  });

  it("maps each transport to SignalR's own flag", () => {
    expect(signalRTransport('webSockets')).toBe(HttpTransportType.WebSockets);
    expect(signalRTransport('serverSentEvents')).toBe(HttpTransportType.ServerSentEvents);
    expect(signalRTransport('longPolling')).toBe(HttpTransportType.LongPolling);
  });

  it('builds the connection with only the forced transport, and lets SignalR negotiate when none is forced', () => {
    const token = () => 't';
    expect(connectionOptions({ transport: 'longPolling' })).toEqual({ transport: HttpTransportType.LongPolling });
    expect(connectionOptions({ transport: 'serverSentEvents', accessTokenFactory: token })).toEqual({
      transport: HttpTransportType.ServerSentEvents,
      accessTokenFactory: token,
    });
    expect(connectionOptions({})).toEqual({});
  });

  it('hands the forced transport to the connection it builds', async () => {
    let seen: HubTransportOptions | undefined;
    const model = new CtiModel(
      new HubTransport({
        transport: 'longPolling',
        createConnection: (_url, options) => {
          seen = options;
          return new FakeHubConnection();
        },
      }),
    );
    await model.start();
    expect(seen?.transport).toBe('longPolling');
    await model.stop();
  });
});
