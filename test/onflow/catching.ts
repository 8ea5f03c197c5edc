/** Runs a call that must fail and hands back its error for assertions. */
export async function failureOf(call: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await call;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error("Expected the call to fail, but it succeeded");
}
