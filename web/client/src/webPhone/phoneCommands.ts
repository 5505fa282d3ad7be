import type { CtiCommandName } from '../contract/names.js';
import { CtiCommandError } from '../errors.js';
import { webPhoneBanners as banners, webPhoneMessages as say, WebPhoneProblem } from './webPhoneErrors.js';

// Small rules the web phone's commands share: arguments, wording, JsSIP's re-INVITE guard.

export const operationVerb: Partial<Record<string, string>> = {
  answer: 'be answered',
  drop: 'be hung up',
  hold: 'be held',
  unhold: 'be taken off hold',
  mute: 'be muted',
  dtmf: 'take keys',
  blindTransfer: 'be transferred',
  makeConsultCall: 'start a consultation',
};

/**
 * Hold and unhold are re-INVITEs, and JsSIP refuses one (returns false) while another is still
 * waiting for its answer: the command waits a little for it instead of failing at once.
 */
export async function reOffer(command: CtiCommandName, verb: string, attempt: () => boolean): Promise<void> {
  for (let tries = 0; tries < 30; tries++) {
    if (attempt()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  throw new CtiCommandError(command, say.notAllowed(verb));
}

export function text(command: CtiCommandName, value: string | undefined, name: string): string {
  const trimmed = value?.trim();
  if (!trimmed) throw new CtiCommandError(command, `The ${name} is missing.`);
  return trimmed;
}

export function registrationProblem(event: { cause: string; response?: { status_code: number } }): WebPhoneProblem {
  const status = event.response?.status_code;
  if (event.cause === 'Authentication Error' || event.cause === 'Rejected' || status === 401 || status === 403 || status === 407) {
    return new WebPhoneProblem(say.registrationRefused(status), banners.refused);
  }

  return new WebPhoneProblem(say.registrationFailed(status ? `${status}, ${event.cause}` : event.cause), banners.failed);
}

export function deviceMessage(error: unknown): string {
  const name = error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error) ? String((error as { name: unknown }).name) : '';
  return name === 'NotFoundError' || name === 'OverconstrainedError' ? say.cameraOrMicrophoneMissing : say.microphoneDenied;
}
