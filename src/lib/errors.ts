/**
 * Payung's few error classes. Each carries a message a person can act on, structured fields,
 * and the underlying `cause`. A vendor's bad answer is never an exception: it is a flow event.
 */
export class PayungError extends Error {
  override readonly name: string = 'PayungError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A configuration value is missing or wrong; names the environment variable. */
export class ConfigError extends PayungError {
  override readonly name = 'ConfigError';
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
  }
}

/** A flow script or locale file failed validation; `issues` lists every problem with file:line. */
export class FlowError extends PayungError {
  override readonly name = 'FlowError';
  constructor(message: string, readonly issues: readonly { file: string; line: number; message: string }[] = []) {
    super(message);
  }
}

/** The store could not do what was asked (connection, constraint, migration). */
export class StoreError extends PayungError {
  override readonly name = 'StoreError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
