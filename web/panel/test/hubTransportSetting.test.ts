import { describe, expect, it } from 'vitest';
import { hubTransportSetting } from '../src/connection/hubTransportSetting';

describe('the hub transport setting', () => {
  it('takes the page query parameter first, then the build default, else lets SignalR negotiate', () => {
    expect(hubTransportSetting('?transport=longPolling', 'webSockets')).toEqual({ transport: 'longPolling' });
    expect(hubTransportSetting('?transport=sse')).toEqual({ transport: 'serverSentEvents' });
    expect(hubTransportSetting('', 'serverSentEvents')).toEqual({ transport: 'serverSentEvents' });
    expect(hubTransportSetting('?other=1')).toEqual({});
  });

  it('reports an unknown transport in words and falls back to negotiating', () => {
    const setting = hubTransportSetting('?transport=smoke-signals');
    expect(setting.transport).toBeUndefined();
    expect(setting.problem).toMatch(/Unknown hub transport 'smoke-signals'.*Connecting with the transport the server offers\./);
  });
});
