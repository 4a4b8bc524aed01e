/**
 * An error meant for the person at the terminal: printed as one line, no stack trace,
 * and the command exits with `exitCode`.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * Whether `error` is a UserError. Checked by name, not `instanceof`: a command loaded from
 * its own bundle (dist/run-command.js) has its own copy of the class.
 */
export function isUserError(error: unknown): error is UserError {
  return error instanceof Error && error.name === 'UserError' && typeof (error as UserError).exitCode === 'number';
}
