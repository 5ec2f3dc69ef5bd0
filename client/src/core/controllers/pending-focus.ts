/**
 * Focus that waits for a page to load: opening an address asks the site app to focus its
 * heading, but the heading exists only once the page's data has arrived.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Options for a `PendingFocus`. */
export interface PendingFocusOptions {
  /** Whether the host shows something to focus (its page is no longer loading). */
  ready: () => boolean;
  /** Moves focus into the host. */
  focus: () => void;
}

/** Remembers a request for focus and carries it out after the first update at which the host is ready. */
export class PendingFocus implements ReactiveController {
  private pending = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PendingFocusOptions,
  ) {
    host.addController(this);
  }

  /** Ask for focus; resolves after the next update (which moved it, if the host was ready). */
  async request(): Promise<void> {
    this.pending = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
  }

  hostUpdated(): void {
    if (!this.pending || !this.options.ready()) return;
    this.pending = false;
    this.options.focus();
  }
}
