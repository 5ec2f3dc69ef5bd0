/**
 * A student's screens, in one chunk (they need them in turn: join, lobby, then the seat's
 * chrome on every screen): one lazy load, and one entry fewer in the first-load preload map.
 */
import './join/cis-join-page';
import './cis-lobby-page';
import './cis-seat-chrome';
