import { describe, expect, it } from 'vitest';
import { describeProblem } from '../src/api/problem';

describe('describeProblem', () => {
  it('reads the title of a problem', () => {
    expect(describeProblem(401, { title: 'Wrong login or password.', status: 401 }).message).toBe('Wrong login or password.');
  });

  it('names each invalid field instead of the generic validation title', () => {
    const error = describeProblem(400, {
      title: 'One or more validation errors occurred.',
      errors: { direction: ['Expected one of: incoming, outgoing, internal.'] },
    });
    expect(error.message).toBe('direction: Expected one of: incoming, outgoing, internal.');
    expect(error.fieldErrors.direction).toHaveLength(1);
  });

  it('adds the detail after the title', () => {
    expect(describeProblem(429, { title: 'Too many failed logins.', detail: 'Try again in 30 seconds.' }).message).toBe(
      'Too many failed logins. Try again in 30 seconds.',
    );
  });

  it('says something readable when the body is not a problem', () => {
    expect(describeProblem(502, undefined).message).toMatch(/server failed/);
  });
});
