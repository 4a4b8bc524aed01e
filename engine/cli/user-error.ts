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
