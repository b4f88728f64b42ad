// Removing a browser's temporary profile after it quits. The browser's child processes may still be writing
// it for a moment (seconds on a loaded machine): retried, and a folder left behind in the system's temporary
// directory is reported, not counted as a failure of the test that used it.
import { rmSync } from 'node:fs';

export function removeTemporary(dir: string): void {
  try {
    // Node waits retryDelay × n before the n-th retry: about 11 s in all before giving up.
    rmSync(dir, { recursive: true, force: true, maxRetries: 8, retryDelay: 300 });
  } catch (error) {
    console.warn(`Dossier temporaire laissé en place (${dir}) : ${String(error)}`);
  }
}
