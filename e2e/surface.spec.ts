/**
 * The grand surface (issue 15): the login page's national banner (the fictional Republic's
 * flag, a sunrise over mountains); on the state sites the Hangul nameplate beside the English
 * title, the Juche year beside the common date, the band of slogans that scrolls, pauses and
 * stands still for reduced motion, and the news agency's wire against the daily's broadsheet.
 * All axe-clean and no wider than a phone.
 */
import { expect, test, type Page } from '@playwright/test';
import { PERSONAS, PHONE, expectNoSeriousA11yViolations, expectNoSidewaysScroll, framePage, loginAs } from './helpers';

/** The state-media site shown in the in-page browser. */
function mediaSite(page: Page) {
  return page.locator('cis-media-site');
}

/** Opens a state-media front page by its address and waits for its lead story. */
async function openFront(page: Page, address: string, title: string): Promise<void> {
  await page.goto(`/portal?address=${address}`);
  await expect(framePage(page).getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
  await expect(framePage(page).getByRole('region', { name: /^Lead story/ })).toBeVisible();
}

/** The running animation of the slogans' band: its name and play state. */
function tickerAnimation(page: Page): Promise<{ name: string; state: string }> {
  return mediaSite(page)
    .locator('cis-slogan-ticker .track')
    .evaluate((track) => {
      const style = getComputedStyle(track);
      return { name: style.animationName, state: style.animationPlayState };
    });
}

const YEAR = new Date().getFullYear();
const JUCHE = YEAR - 1911;

test('the login page flies the fictional flag over a sunrise, keeps its form, and stays axe-clean', async ({
  page,
}) => {
  await page.goto('/login');
  const flag = page.getByRole('img', { name: 'Flag of the Republic, a fictional state', exact: true });
  await expect(flag).toBeVisible();
  // Images (SVG files), not script: the login page's first load stays small.
  expect(await flag.evaluate((node) => node.tagName.toLowerCase())).toBe('img');
  expect(await flag.evaluate((node) => (node as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  // The sunrise over mountains: decorative, so out of the accessibility tree.
  const scene = page.locator('cis-login-page img.scene');
  await expect(scene).toBeVisible();
  await expect(scene).toHaveAttribute('alt', '');
  expect(
    await scene.evaluate((node) => (node as HTMLImageElement).complete && (node as HTMLImageElement).naturalWidth > 0),
  ).toBe(true);
  // The banner is the state's red, not the admin panel's white.
  const banner = await page.locator('cis-login-page .intro').evaluate((node) => getComputedStyle(node).backgroundColor);
  expect(banner).toBe('rgb(143, 17, 17)');
  await expect(page.getByLabel('Username', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log in', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Language' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the login page');

  await page.setViewportSize(PHONE);
  await expect(flag).toBeVisible();
  await expectNoSidewaysScroll(page, 'the login page at 390×844');
});

test('a masthead carries the Hangul nameplate beside the title and the Juche year beside the date', async ({
  page,
}) => {
  await loginAs(page, PERSONAS.elite);
  await openFront(page, 'news.intra', 'Central News Agency (simulated)');
  const banner = mediaSite(page).locator('cis-media-masthead .banner');
  const nameplate = banner.locator('.nameplate');
  await expect(nameplate).toHaveText('중앙통신');
  await expect(nameplate).toHaveAttribute('lang', 'ko');
  const date = banner.locator('.date');
  await expect(date).toContainText(`Juche ${JUCHE}`);
  await expect(date).toContainText(String(YEAR));
  await expect(date.locator('time')).toHaveAttribute('datetime', new RegExp(`^${YEAR}-\\d{2}-\\d{2}$`));

  await openFront(page, 'daily.intra', 'The Daily Banner (simulated)');
  await expect(banner.locator('.nameplate')).toHaveText('일간 기치');

  // In Korean: the title is Korean, so the nameplate beside it is the English one, marked so;
  // the date is the state's own form, "주체115(2026)년 …".
  await page.goto('/portal?address=news.intra&lang=ko');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(
    framePage(page).getByRole('heading', { level: 2, name: '중앙통신사 (모의)', exact: true }),
  ).toBeVisible();
  await expect(banner.locator('.nameplate')).toHaveText('Central News Agency');
  await expect(banner.locator('.nameplate')).toHaveAttribute('lang', 'en');
  await expect(banner.locator('.date')).toContainText(`주체${JUCHE}(${YEAR})년`);
  await expectNoSeriousA11yViolations(page, 'the news agency in Korean');
  // Back to English, for the specs that log in as the elite after this one.
  await page.getByRole('group', { name: '언어' }).getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the band of slogans scrolls, pauses with its button, and stands still for reduced motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await loginAs(page, PERSONAS.elite);
  await openFront(page, 'news.intra', 'Central News Agency (simulated)');
  const ticker = mediaSite(page).locator('cis-slogan-ticker');
  await expect(ticker.getByRole('list', { name: 'Slogans' })).toContainText(
    'Let us fulfil the plan ahead of schedule!',
  );
  expect(await tickerAnimation(page)).toEqual({ name: 'cis-ticker', state: 'running' });
  // It really moves.
  const track = ticker.locator('.track');
  const x0 = await track.evaluate((node) => node.getBoundingClientRect().x);
  await page.waitForTimeout(400);
  expect(await track.evaluate((node) => node.getBoundingClientRect().x)).toBeLessThan(x0);

  // WCAG 2.2.2: a Pause button of touch size stops it; Play starts it again.
  const pause = ticker.getByRole('button', { name: 'Pause the slogans', exact: true });
  const box = await pause.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  expect(box?.width ?? 0).toBeGreaterThanOrEqual(44);
  await pause.click();
  const play = ticker.getByRole('button', { name: 'Play the slogans', exact: true });
  await expect(play).toBeVisible();
  // Moving the mouse away and blurring the button: the pause is the button's, not the hover's.
  await page.mouse.move(0, 0);
  await play.evaluate((node) => (node as HTMLElement).blur());
  expect((await tickerAnimation(page)).state).toBe('paused');
  await play.click();
  await page.mouse.move(0, 0);
  await ticker.getByRole('button', { name: 'Pause the slogans' }).evaluate((node) => (node as HTMLElement).blur());
  expect((await tickerAnimation(page)).state).toBe('running');
  await expectNoSeriousA11yViolations(page, 'the news agency with its ticker running');

  // Reduced motion: no animation at all, the slogans wrap in place, and nothing to pause.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect((await tickerAnimation(page)).name).toBe('none');
  await expect(ticker.getByRole('button')).toHaveCount(0);
  await expect(ticker.getByRole('list', { name: 'Slogans' })).toBeVisible();
});

test('the news agency is a one-column wire of dated bulletins; the daily is a broadsheet in columns', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await loginAs(page, PERSONAS.elite);

  await openFront(page, 'news.intra', 'Central News Agency (simulated)');
  const front = mediaSite(page).locator('cis-media-front');
  await expect(front).toHaveAttribute('layout', 'wire');
  const bulletins = front.locator('ol.wire > li');
  expect(await bulletins.count()).toBeGreaterThan(2);
  // One column: every bulletin starts at the same x, one under the other, each with its date.
  const boxes = await bulletins.evaluateAll((items) =>
    items.map((item) => {
      const r = item.getBoundingClientRect();
      return { x: Math.round(r.x), top: r.top, bottom: r.bottom };
    }),
  );
  expect(new Set(boxes.map((b) => b.x)).size).toBe(1);
  for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom - 1);
  await expect(bulletins.first().locator('time.stamp')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  await expect(front.locator('.sheet-columns')).toHaveCount(0);

  await openFront(page, 'daily.intra', 'The Daily Banner (simulated)');
  await expect(front).toHaveAttribute('layout', 'broadsheet');
  await expect(front.locator('ol.wire')).toHaveCount(0);
  await expect(framePage(page).getByRole('region', { name: 'In this edition' })).toBeVisible();
  // The lead and the edition's headlines side by side; the sections in several newspaper columns.
  const lead = await front.locator('.lead').boundingBox();
  const edition = await front.locator('.edition').boundingBox();
  expect(edition!.x).toBeGreaterThan(lead!.x + lead!.width - 1);
  const columns = await front
    .locator('.sheet-columns > .column')
    .evaluateAll((groups) => groups.map((group) => Math.round(group.getBoundingClientRect().x)));
  expect(new Set(columns).size).toBeGreaterThan(1);
  await expect(front.locator('.lead svg.monument')).toHaveAttribute('aria-hidden', 'true');
  await expectNoSeriousA11yViolations(page, 'the daily’s broadsheet');
});

test('the state fronts fit a phone: no sideways scrolling', async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  try {
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await loginAs(page, PERSONAS.elite);
    for (const [address, title] of [
      ['news.intra', 'Central News Agency (simulated)'],
      ['daily.intra', 'The Daily Banner (simulated)'],
    ] as const) {
      await openFront(page, address, title);
      await expect(mediaSite(page).locator('cis-slogan-ticker')).toBeVisible();
      await expectNoSidewaysScroll(page, `${address} at 390×844`);
    }
  } finally {
    await context.close();
  }
});
