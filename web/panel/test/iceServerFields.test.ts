import { describe, expect, it } from 'vitest';
import { iceFieldsOf, iceServersOf, needsTurnCredential } from '../src/admin/iceServerFields';

describe('the STUN/TURN fields of the web-phone account form', () => {
  it('makes each STUN URL a server and the TURN URLs one server with the user name and credential', () => {
    const fields = { iceUrls: ' stun:stun.example.org \n\nturn:turn.example.org?transport=udp\r\nturns:turn.example.org:5349', turnUsername: ' ann ', turnCredential: 's3cret' };
    expect(iceServersOf(fields)).toEqual([
      { urls: ['stun:stun.example.org'] },
      { urls: ['turn:turn.example.org?transport=udp', 'turns:turn.example.org:5349'], username: 'ann', credential: 's3cret' },
    ]);
    expect(needsTurnCredential(fields)).toBe(true);
    expect(iceServersOf({ iceUrls: '', turnUsername: '', turnCredential: '' })).toEqual([]);
  });

  it('shows the servers read back one URL a line, with the TURN user name and an empty credential to type again', () => {
    const fields = iceFieldsOf([
      { urls: ['stun:stun.example.org'], username: null, hasCredential: false },
      { urls: ['turn:turn.example.org'], username: 'ann', hasCredential: true },
    ]);
    expect(fields).toEqual({ iceUrls: 'stun:stun.example.org\nturn:turn.example.org', turnUsername: 'ann', turnCredential: '' });
    expect(needsTurnCredential({ iceUrls: 'stun:x', turnUsername: '', turnCredential: '' })).toBe(false);
  });
});
