/**
 * The museum kiosk's client (issue 15), loaded only when the server runs with KIOSK=1: the attract
 * screen, the tour, the idle reset, the ending and the operator's settings.
 */
import './cis-kiosk-attract';
import './cis-kiosk-tour';
import './cis-kiosk-idle';
import './cis-kiosk-ending';

/** Wipes what this browser keeps of a visit: its local and session storage. */
export function wipeBrowserStorage(): void {
  try {
    localStorage.clear();
  } catch {
    // storage refused: nothing was kept there
  }
  try {
    sessionStorage.clear();
  } catch {
    // as above
  }
}
