/**
 * The base of every site app's element (`site-apps.ts`): the site it shows, the path within
 * it, and moving focus to its heading when the browser frame opens a page.
 */
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Site } from '../../../server/protocol/api';

/** A site app's element, as the browser frame's page area drives it. */
export abstract class SiteAppElement extends LitElement {
  /** The site being shown. */
  @property({ attribute: false }) site: Site | undefined;

  /** What followed the host in the address ('' for the site's front page). */
  @property() path = '';

  /** Move focus to the page's heading (after the frame opened a new page). */
  abstract focusHeading(): Promise<void>;
}
