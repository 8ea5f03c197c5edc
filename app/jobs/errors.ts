/** Thrown by a handler when trying again cannot help (a malformed payload, a refused request). */
export class PermanentJobError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "PermanentJobError";
  }
}

/** Thrown by a handler that knows when trying again makes sense (a Retry-After, a release date). */
export class RetryLaterError extends Error {
  constructor(message: string, readonly delayMs: number) {
    super(message);
    this.name = "RetryLaterError";
  }
}

/** Error text safe to store and show: first line only, bounded, never a stack. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.message}` : String(error);
  return text.split("\n")[0]!.slice(0, 500);
}
