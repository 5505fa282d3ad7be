import type { CallDto } from '@switchboard/cti';
import { ApiError } from './problem';
import { request } from './http';

/**
 * The active calls of a supervisor's team, with the call ids that listenCall takes.
 * Not on the server yet: this is the endpoint the panel asks for (GET /api/team/calls/active),
 * and until it exists the supervisor's list says so instead of failing.
 */
export const teamActiveCallsPath = '/api/team/calls/active';

export type TeamCallsAnswer = { available: true; calls: CallDto[] } | { available: false };

export async function teamActiveCalls(): Promise<TeamCallsAnswer> {
  try {
    return { available: true, calls: await request<CallDto[]>('GET', teamActiveCallsPath) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { available: false };
    throw error;
  }
}
