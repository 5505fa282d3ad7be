/**
 * A command the server refused or could not carry out. `message` is the server's own reason,
 * written for a person ("There is no active call …"), without SignalR's wrapping.
 */
export class CtiCommandError extends Error {
  constructor(
    readonly command: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CtiCommandError';
  }
}

// SignalR wraps a HubException as "An unexpected error occurred invoking 'x' on the server. HubException: reason".
const hubExceptionPrefix = /^.*?HubException:\s*/s;

/** The readable part of an invocation failure. */
export function readableReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const stripped = text.replace(hubExceptionPrefix, '').trim();
  return stripped.length > 0 ? stripped : 'The server did not say why the command failed.';
}
