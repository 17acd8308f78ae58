/** The contender's side of a race (see race.ts). No vitest here: it runs in a plain worker thread. */
import type { MessagePort } from 'node:worker_threads';

/**
 * The worker's side: opens nothing itself; `attempt` runs once per message, after the release.
 * Every contender says it is in position, then blocks until the parent releases all at once.
 */
export function serveAttempts<Attempt, Outcome>(
  port: MessagePort,
  attempt: (input: Attempt) => Outcome,
  close: () => void,
): void {
  port.on('message', (message: { input: Attempt; start: Int32Array } | 'close') => {
    if (message === 'close') {
      close();
      port.close();
      return;
    }
    port.postMessage('waiting');
    Atomics.wait(message.start, 0, 0);
    let outcome: Outcome | { error: string };
    try {
      outcome = attempt(message.input);
    } catch (error) {
      outcome = { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
    port.postMessage(outcome);
  });
  port.postMessage('ready');
}
