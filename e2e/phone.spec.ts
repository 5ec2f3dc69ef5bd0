/**
 * Phones (issue 15): at 390×844 the frame is one compact bar with the address field on demand,
 * the first screen of the portal, an article and a chat room shows content, the chat composer
 * is in view without scrolling, staff tables reflow into cards, and no page scrolls sideways.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { ArticlesResponse } from '../server/protocol/api';
import {
  PERSONAS,
  PHONE,
  expectNoSeriousA11yViolations,
  expectNoSidewaysScroll,
  framePage,
  loginAs,
  pathIs,
  type Persona,
} from './helpers';

test.use({ viewport: PHONE, hasTouch: true, isMobile: true });
// Several screens with an axe pass on each: longer than the default 30 s on a busy 2-core machine.
test.describe.configure({ timeout: 90_000 });

/** The element is wholly inside the first screen (no scrolling needed to see it). */
async function expectOnFirstScreen(locator: Locator, label: string): Promise<void> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  expect(box, `${label} has a box`).not.toBeNull();
  expect(box!.y, `${label} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${label} ends on the first screen`).toBeLessThanOrEqual(PHONE.height);
}

/** Folded away to the eye: no more than a pixel of it shows. */
async function expectFolded(locator: Locator, label: string): Promise<void> {
  await expect.poll(async () => (await locator.boundingBox())?.height ?? 0, label).toBeLessThanOrEqual(1);
}

/** The page fits the phone's width and passes axe. */
async function expectFits(page: Page, label: string): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${label} is wider than the phone`).toBe(
    PHONE.width,
  );
  await expectNoSidewaysScroll(page, label);
  await expectNoSeriousA11yViolations(page, label);
}

/** The page the frame shows, at the top of the document (as it is after a navigation). */
async function top(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** A staff screen in the top bar's nav, by its link. */
async function openScreen(page: Page, link: string, path: string): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: link, exact: true }).click();
  await expect(page).toHaveURL(pathIs(path));
  await expect(menu).toHaveAttribute('aria-expanded', 'false'); // following a link folds the menu
}

test('the login page fits a phone', async ({ page }) => {
  await page.goto('/login');
  await expectOnFirstScreen(page.getByRole('button', { name: 'Log in', exact: true }), 'the Log in button');
  await expectFits(page, 'the login page');
});

test('the portal, an article, a board and a chat room: content on the first screen, nothing sideways', async ({
  page,
}) => {
  await loginAs(page, PERSONAS.elite);
  const frame = framePage(page);

  // The top bar is one compact row: the screens, the name and the controls fold into its menu.
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
  expect(
    (await page.locator('cis-top-bar header').boundingBox())!.height,
    'the top bar is one row',
  ).toBeLessThanOrEqual(64);
  await expect(page.getByRole('button', { name: 'Log out', exact: true })).toBeHidden();
  await menu.click();
  await expect(page.getByRole('button', { name: 'Log out', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Language' })).toBeVisible();
  await expectFits(page, 'the portal with the menu open');
  await menu.click();
  await expect(page.getByRole('button', { name: 'Log out', exact: true })).toBeHidden();

  // The portal: the frame is one compact bar, the site's heading and its first entry show at once.
  await expect(frame.getByRole('heading', { level: 2, name: 'National Portal', exact: true })).toBeVisible();
  await top(page);
  const address = page.getByRole('textbox', { name: 'Address' });
  const addressForm = page.locator('cis-browser-frame #address-form');
  await expectFolded(addressForm, 'the address field waits to be asked for');
  const toggle = page.getByRole('button', { name: /^Address/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toContainText('portal.intra');
  const toolbar = page.locator('cis-browser-frame .toolbar');
  const bar = await toolbar.boundingBox();
  expect(bar!.height, 'the frame’s bar is one row').toBeLessThanOrEqual(60);
  await expectOnFirstScreen(
    frame.getByRole('heading', { level: 2, name: 'National Portal', exact: true }),
    'portal heading',
  );
  await expectOnFirstScreen(
    frame.getByText('Welcome to the national intranet', { exact: false }),
    'the portal’s first lines',
  );
  await expectFits(page, 'the portal');

  // The address on demand: the button shows the field, an address and Enter go there, it folds away.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(address).toBeVisible();
  await expect(address).toBeFocused();
  await expectFits(page, 'the portal with the address field open');
  await address.fill('news.intra');
  await address.press('Enter');
  await expect(frame.getByRole('heading', { level: 2, name: 'Central News Agency (simulated)' })).toBeVisible();
  await expectFolded(addressForm, 'the address field folds away again');
  await expect(address).toHaveValue('news.intra');
  await expect(toggle).toContainText('news.intra');
  await expectFits(page, 'the news agency');

  // An article: its headline on the first screen.
  const listed = await page.request.get('/api/media/articles?site=news-agency&pageSize=1');
  const [article] = ((await listed.json()) as ArticlesResponse).articles;
  expect(article, 'a published article').toBeTruthy();
  await page.goto(`/portal?address=news.intra/article/${article!.id}`);
  const headline = frame.getByRole('heading', { level: 3, name: article!.title, exact: true });
  await expect(headline).toBeVisible();
  await top(page);
  await expectOnFirstScreen(headline, 'the article headline');
  await expectFits(page, 'an article');

  // A board.
  await page.goto('/portal?address=boards.intra');
  await expect(frame.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await top(page);
  await expectOnFirstScreen(frame.getByRole('heading', { level: 2 }).first(), 'the boards heading');
  await expectFits(page, 'the boards');

  // A chat room: the composer in view without scrolling, the log scrolling inside.
  await page.goto('/portal?address=chat.intra/room/general');
  await expect(page.locator('cis-chat-room[data-live="on"]')).toHaveCount(1);
  await top(page);
  const composer = frame.getByRole('textbox', { name: 'Message', exact: true });
  await expectOnFirstScreen(composer, 'the chat composer');
  await expectOnFirstScreen(frame.getByRole('button', { name: 'Send', exact: true }), 'the Send button');
  await expectFits(page, 'a chat room');

  // The record page.
  await page.goto('/record');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectFits(page, 'the record page');
});

/** A staff screen at phone size: it fits, and its table (when it has rows) shows cards with labels. */
async function expectStaffScreen(page: Page, label: string, table?: { region: string; label: string }): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  if (table) {
    const region = page.getByRole('region', { name: table.region });
    const row = region.getByRole('row').nth(1);
    await expect(row).toBeVisible();
    // Each row is a card: its cells stack, each with its column's name beside it.
    await expect(row.locator('.cell-label').filter({ hasText: table.label }).first()).toBeVisible();
    const header = region.getByRole('row').first();
    expect((await header.boundingBox())?.height ?? 0, 'the header row is hidden to the eye').toBeLessThanOrEqual(1);
  }
  await expectFits(page, label);
}

const staff: [Persona, string, (page: Page) => Promise<void>][] = [
  [
    PERSONAS.censor,
    'the censor’s screens',
    async (page) => {
      await expect(page.getByText('Live', { exact: true })).toBeVisible();
      await expectStaffScreen(page, 'the trail', { region: 'Trail events', label: 'What happened' });
      // The trail speaks people's language: a display name and the kind in words, no login name.
      const rows = page.getByRole('region', { name: 'Trail events' }).getByRole('row');
      const own = rows.filter({ has: page.getByRole('cell', { name: PERSONAS.censor.displayName, exact: true }) });
      await expect(
        own.filter({ has: page.getByRole('cell', { name: 'Logged in', exact: true }) }).first(),
      ).toBeVisible();
      await expect(page.getByRole('cell', { name: 'login', exact: true })).toHaveCount(0);
      await openScreen(page, 'Moderation queue', '/moderation');
      await expectStaffScreen(page, 'moderation');
      await openScreen(page, 'Chat monitor', '/monitor');
      await expectStaffScreen(page, 'the chat monitor');
    },
  ],
  [
    PERSONAS.editor,
    'the desk',
    async (page) => {
      await openScreen(page, 'Editor desk', '/desk');
      await expect(page.getByRole('table', { name: 'Articles' }).getByRole('row').nth(1)).toBeVisible();
      await expect(page.getByRole('table', { name: 'Articles' }).locator('.cell-label').first()).toBeVisible();
      await expectStaffScreen(page, 'the desk');
    },
  ],
  [PERSONAS.facilitator, 'the console', (page) => expectStaffScreen(page, 'the console')],
];

for (const [who, label, check] of staff) {
  test(`${label} fit a phone`, async ({ page }) => {
    await loginAs(page, who);
    await check(page);
  });
}
