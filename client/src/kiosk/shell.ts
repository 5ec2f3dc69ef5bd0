/**
 * The kiosk's part of the app shell, loaded only with KIOSK=1 (so the first load of every other
 * server stays small): it answers the kiosk's events — a visit started, the ending, another life,
 * the reset that wipes the visit (server, cookie, this browser's storage) — through what the shell
 * lends it.
 */
import type { KioskInfo, Me } from '../../../server/protocol/api';
import { authApi } from '../auth/api';
import { setLocale } from '../core/localization';
import { kioskApi } from './api';

/** What a kiosk visit shows besides its screens: nothing, the ending, or the persona cards again. */
export type KioskView = 'none' | 'ending' | 'another';

/** What the shell lends the kiosk. */
export interface KioskHost {
  element: HTMLElement;
  info(): KioskInfo | undefined;
  setInfo(info: KioskInfo): void;
  setView(view: KioskView): void;
  setUser(me: Me | undefined): void;
  /** Goes to the user's home screen, or to `path`. */
  goHome(me: Me): void;
  goTo(path: string): void;
}

/** Wipes what this browser keeps of a visit: its local and session storage. */
export function wipeBrowserStorage(): void {
  for (const storage of [() => localStorage, () => sessionStorage]) {
    try {
      storage().clear();
    } catch {
      // storage refused: nothing was kept there
    }
  }
}

/** Listens for the kiosk's events on the shell's element. */
export class KioskShell {
  private readonly handlers: [string, EventListener][];

  constructor(private readonly host: KioskHost) {
    this.handlers = [
      ['cis-kiosk-visit', (e) => this.started((e as CustomEvent<{ me: Me }>).detail.me)],
      ['cis-kiosk-reset', () => void this.reset()],
      ['cis-kiosk-ending', () => host.setView('ending')],
      ['cis-kiosk-another', () => host.setView('another')],
      ['cis-kiosk-stay', () => host.setView('none')],
      ['cis-kiosk-back', () => host.setView('none')],
      [
        'cis-kiosk-settings',
        (e) => {
          const info = host.info();
          const { settings } = (e as GlobalEventHandlersEventMap['cis-kiosk-settings']).detail;
          if (info) host.setInfo({ ...info, settings });
        },
      ],
    ];
    for (const [name, fn] of this.handlers) host.element.addEventListener(name, fn);
  }

  /** Stops listening. */
  detach(): void {
    for (const [name, fn] of this.handlers) this.host.element.removeEventListener(name, fn);
  }

  private started(me: Me): void {
    try {
      sessionStorage.clear(); // the tour of a life before starts again
    } catch {
      // storage refused
    }
    this.host.setView('none');
    this.host.setUser(me);
    this.host.goHome(me);
  }

  /** Reads the kiosk's settings and persona cards again (after a language choice or a reset). */
  async reload(): Promise<void> {
    try {
      const { kiosk } = await authApi.session();
      if (kiosk) this.host.setInfo(kiosk);
    } catch {
      // keep what we had
    }
  }

  /** Wipes the visit (server, cookie, this browser's storage) and brings the attract screen back. */
  async reset(): Promise<void> {
    await kioskApi.end().catch(() => undefined); // the server may have ended it already
    wipeBrowserStorage();
    this.host.setView('none');
    this.host.setUser(undefined);
    await this.reload(); // the operator may have changed the settings
    const info = this.host.info();
    if (info) await setLocale(info.settings.locale).catch(() => undefined);
    this.host.goTo('/');
  }
}
