/**
 * Shared helpers for the end-to-end specs: the demo personas of the default
 * scenario pack, logging in through the UI, and the accessibility check.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';
import type { Role, TrailKind } from '../server/protocol/api';
import { ROLES as VOCABULARY_ROLES } from '../server/protocol/vocabulary';

/** The password of every demo persona in the default pack. */
export const DEMO_PASSWORD = 'demo';

/** A demo persona: username = role name, and the screen the server sends it to. */
export interface Persona {
  username: Role;
  role: Role;
  displayName: string;
  /** Path of the landing page after login. */
  home: '/denied' | '/portal' | '/foreign' | '/trail' | '/console';
}

function persona(role: Role, displayName: string, home: Persona['home']): Persona {
  return { username: role, role, displayName, home };
}

/** The demo personas of fixtures/default/personas.json. */
export const PERSONAS = {
  citizen: persona('citizen', 'Pak Un-hui', '/denied'),
  elite: persona('elite', 'Ri Chol-jin', '/portal'),
  scientist: persona('scientist', 'Kang Song-mi', '/portal'),
  academic: persona('academic', 'Jo Myong-su', '/portal'),
  foreigner: persona('foreigner', 'Anna Weber', '/foreign'),
  editor: persona('editor', 'Han Yong-ae', '/portal'),
  censor: persona('censor', 'Choe Kwang-il', '/trail'),
  facilitator: persona('facilitator', 'Facilitator', '/console'),
} as const satisfies Record<Role, Persona>;

/** Every role, in the order the server's policy table lists them. */
export const ROLES: readonly Role[] = VOCABULARY_ROLES;

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A matcher for a page URL whose path is exactly `path` (any origin, query or hash). */
export function pathIs(path: string): RegExp {
  return new RegExp(`^https?://[^/]+${escapeRegExp(path)}(?:[?#].*)?$`);
}

/**
 * Opens /login and logs in through the form, as a visitor would, then waits until
 * the app has taken the persona to its landing page.
 */
export async function loginAs(page: Page, who: Persona, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Username', { exact: true }).fill(who.username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page).toHaveURL(pathIs(who.home));
}

/**
 * A link of the top bar's "Screens" navigation. On a phone the screens fold into the bar's menu:
 * it is opened first when it is shown and closed.
 */
export async function screenLink(page: Page, name: string) {
  const link = page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name, exact: true });
  await openMenuFor(page, link);
  return link;
}

/** On a phone, opens the top bar's menu (once the bar is there) so that `target`, inside it, shows. */
async function openMenuFor(page: Page, target: ReturnType<Page['getByRole']>): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  // Wait for the bar: either the target shows (a wide screen) or the menu button does (a phone).
  await expect(target.or(menu).first()).toBeVisible();
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false') await menu.click();
}

/** Clicks the top bar's "Log out" (on a phone it is in the bar's menu, opened first). */
export async function clickLogout(page: Page): Promise<void> {
  await openMenuFor(page, logoutButton(page));
  await logoutButton(page).click();
}

/** The "Log out" button of the top bar. */
export function logoutButton(page: Page) {
  return page.getByRole('button', { name: 'Log out', exact: true });
}

/**
 * Runs axe on the whole page (shadow DOM included) and fails, listing rule ids and
 * targets, when any violation has impact "serious" or "critical".
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => {
    const targets = v.nodes.map((n) => JSON.stringify(n.target)).join(', ');
    return `${v.id} [${v.impact}] ${v.help}: ${targets}`;
  });
  expect(report, `serious or critical axe violations on ${label}`).toEqual([]);
}

/**
 * What the trail screens call the kinds the specs look for (client/src/record/kind-labels.ts, in
 * English): the trail shows the kind in words, never its id.
 */
export const TRAIL_KIND_TEXT = {
  login: 'Logged in',
  page_view: 'Page opened',
  blocked_address: 'Address blocked',
  post_filtered: 'Post stopped by the filter',
  seat_joined: 'Joined the class',
  file_dropped: 'File received on a stick',
  file_found: 'File found',
  file_handed_over: 'File handed over',
  file_opened: 'File opened',
  file_refused: 'File refused: not signed',
  notel_handed_over: 'Notel handed over',
  device_inspected: 'Device inspected',
  inspection_outcome: 'Inspection outcome',
  file_traced: 'File traced',
} as const satisfies Partial<Record<TrailKind, string>>;

/** A kind the trail helpers know the words of. */
export type ShownTrailKind = keyof typeof TRAIL_KIND_TEXT;

/**
 * Rows of the surveillance trail shown on the page (censor's trail or facilitator's
 * console), narrowed to those whose person / kind cells match and that contain `text`.
 * `user` is a persona (shown by its display name) or the name a student joined under;
 * `kind` is the trail kind, matched by the words the trail shows for it.
 */
export function trailRows(page: Page, match: { user?: Persona | string; kind?: ShownTrailKind; text?: string } = {}) {
  let rows = page.getByRole('region', { name: 'Trail events' }).getByRole('row');
  if (match.user) {
    const name = typeof match.user === 'string' ? match.user : match.user.displayName;
    rows = rows.filter({ has: page.getByRole('cell', { name, exact: true }) });
  }
  if (match.kind)
    rows = rows.filter({ has: page.getByRole('cell', { name: TRAIL_KIND_TEXT[match.kind], exact: true }) });
  if (match.text) rows = rows.filter({ hasText: match.text });
  return rows;
}

/** A logged-in page in its own browser context (its own cookies: another person). Close it with its context. */
export async function openAs(browser: Browser, who: Persona): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, who);
  return page;
}

/** The page area of the in-page browser (whatever site, app or wall it shows). */
export function framePage(page: Page) {
  return page.locator('cis-site-page');
}

/** Types `address` into the in-page browser's address bar and opens it. */
export async function openAddress(page: Page, address: string): Promise<void> {
  const bar = page.getByRole('textbox', { name: 'Address' });
  await bar.fill(address);
  await bar.press('Enter');
}

/**
 * A JSON write through the page's own cookies, as the app's pages send it: with the
 * page's Origin (the server refuses writes without a same-origin Origin).
 */
export async function postJson(page: Page, path: string, data: unknown) {
  return page.request.post(path, { data, headers: { origin: new URL(page.url()).origin } });
}

/** A phone's screen, the size every page must fit without scrolling sideways. */
export const PHONE = { width: 390, height: 844 };

/** A student's phone in its own browser context (its own seat cookie). */
export async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  return context.newPage();
}

/** The page does not scroll sideways. */
export async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label} scrolls sideways`).toBeLessThanOrEqual(0);
}

/** A student joins a class by its join link, under `name`, and waits in the lobby. */
export async function joinClass(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`/join/${code}`);
  await page.getByLabel('Your name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page).toHaveURL(pathIs('/lobby'));
}

/** Dismisses the role card that a new role or round shows. */
export async function dismissRoleCard(page: Page): Promise<void> {
  const card = page.getByRole('dialog').filter({ hasText: 'Your role card' });
  await expect(card).toBeVisible({ timeout: 10_000 });
  await card.getByRole('button', { name: 'Got it', exact: true }).click();
  await expect(card).toHaveCount(0);
}
