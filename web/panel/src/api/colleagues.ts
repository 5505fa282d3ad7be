import { request } from './http';

/** A colleague as every user may see them (GET /api/colleagues). */
export interface Colleague {
  id: string;
  displayName: string;
  lines: string[];
  teamName: string | null;
}

export function listColleagues(): Promise<Colleague[]> {
  return request<Colleague[]>('GET', '/api/colleagues');
}

/** Colleagues' names by their lines, to name a number that is a colleague's extension. */
export function namesByLine(colleagues: readonly Colleague[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const colleague of colleagues) for (const line of colleague.lines) names.set(line, colleague.displayName);
  return names;
}
