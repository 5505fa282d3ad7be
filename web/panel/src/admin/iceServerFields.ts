import type { IceServerInput, IceServerSummary } from '../api/users';

/** The STUN/TURN part of the web-phone account form: URLs one per line, one TURN user and credential. */
export interface IceServerFields {
  iceUrls: string;
  turnUsername: string;
  turnCredential: string;
}

const isTurn = (url: string) => /^turns?:/i.test(url);

/**
 * The form's fields as the API's servers: each STUN URL a server of its own, and the TURN URLs one
 * server with the user name and credential (what a TURN service hands out: several URLs, one login).
 */
export function iceServersOf(fields: IceServerFields): IceServerInput[] {
  const urls = fields.iceUrls
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const servers: IceServerInput[] = urls.filter((url) => !isTurn(url)).map((url) => ({ urls: [url] }));
  const turn = urls.filter(isTurn);
  if (turn.length > 0) servers.push({ urls: turn, username: fields.turnUsername.trim() || null, credential: fields.turnCredential || null });
  return servers;
}

/** The servers an administrator reads back, as the form shows them; the credential is never read back, so it is typed again. */
export function iceFieldsOf(servers: readonly IceServerSummary[] | undefined): IceServerFields {
  const all = servers ?? [];
  return {
    iceUrls: all.flatMap((server) => server.urls).join('\n'),
    turnUsername: all.find((server) => server.urls.some(isTurn))?.username ?? '',
    turnCredential: '',
  };
}

/** Whether the account has a TURN server whose credential must be typed again to save. */
export function needsTurnCredential(fields: IceServerFields): boolean {
  return fields.iceUrls.split(/\r?\n/).some((line) => isTurn(line.trim()));
}
