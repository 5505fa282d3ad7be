import { ApiError, describeProblem } from './problem';

/**
 * The panel's one way to call the server: same origin, so the HttpOnly sign-in cookie goes
 * along; JSON both ways; every failure becomes an ApiError with a message fit to show.
 */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check the connection and try again.');
  }

  if (!response.ok) {
    throw describeProblem(response.status, await readJson(response));
  }

  return (response.status === 204 ? undefined : await readJson(response)) as T;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A query string from the values that are set; empty ones are left out. */
export function queryString(values: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }

  const text = query.toString();
  return text ? `?${text}` : '';
}
