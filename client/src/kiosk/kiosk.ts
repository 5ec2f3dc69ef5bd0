/**
 * The museum kiosk's client (issue 15), loaded only when the server runs with KIOSK=1: the attract
 * screen, the tour, the idle reset, the ending and the operator's settings, and the shell's part.
 */
import './cis-kiosk-attract';
import './cis-kiosk-tour';
import './cis-kiosk-idle';
import './cis-kiosk-ending';

export { KioskShell, wipeBrowserStorage, type KioskHost, type KioskView } from './shell';
