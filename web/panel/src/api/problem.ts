/**
 * An HTTP answer that was not a success, made readable. The server answers errors as
 * application/problem+json (RFC 9457): a title, sometimes a detail, and for validation errors a
 * map of field names to messages; all of them go into the one sentence a person reads.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ProblemDetails {
  title?: string;
  detail?: string;
  errors?: Record<string, string[]>;
}

export function describeProblem(status: number, body: unknown): ApiError {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as ProblemDetails;
  const fieldErrors = problem.errors ?? {};
  const fieldText = Object.entries(fieldErrors)
    .map(([field, messages]) => `${field}: ${messages.join(' ')}`)
    .join('; ');
  // "One or more validation errors occurred." says nothing the field messages do not.
  const title = fieldText ? '' : problem.title ?? '';
  const parts = [title, problem.detail ?? '', fieldText].filter((part) => part.length > 0);
  return new ApiError(status, parts.length > 0 ? parts.join(' ') : fallbackMessage(status), fieldErrors);
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'You are not signed in, or your session has expired.';
  if (status === 403) return 'You may not do that.';
  if (status === 404) return 'Not found.';
  if (status >= 500) return `The server failed (HTTP ${status}). Try again in a moment.`;
  return `The request failed (HTTP ${status}).`;
}
