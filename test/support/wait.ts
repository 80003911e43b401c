/** Polls an async condition (used where the thing awaited is state on the broker, which sends no event). */
export async function until(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 30000, everyMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
