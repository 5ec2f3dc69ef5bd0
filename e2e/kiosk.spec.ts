/**
 * The museum kiosk in real Chromium (issue 15), on a server of its own with KIOSK=1: a visit from
 * the attract screen to the tour's end in Korean by touch alone; the idle countdown and reset, after
 * which the next visitor finds none of the previous visit's posts, searches or record; the operator's
 * exit with the PIN. axe on every kiosk screen.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './helpers';

/** KIOSK_PIN of the kiosk test server (playwright.config.ts). */
const PIN = '2468';
const BOARD = 'science-and-technology';

test.use({ viewport: { width: 1280, height: 900 } });
// Whole visits with an axe pass on each screen: longer than the default 30 s.
test.describe.configure({ timeout: 120_000 });

/** The attract screen's one big button. */
const begin = (page: Page) => page.getByRole('button', { name: /Touch to begin/ });

async function cookieNames(page: Page): Promise<string[]> {
  return (await page.context().cookies()).map((c) => c.name);
}

async function startAs(page: Page, language: 'English' | '한국어', persona: RegExp) {
  await begin(page).tap();
  await page.getByRole('button', { name: language, exact: true }).tap();
  await page.getByRole('button', { name: persona }).tap();
}

test('a visit from the attract screen to the end of the tour, in Korean, by touch alone', async ({ page }) => {
  await page.goto('/');
  await expect(begin(page)).toBeVisible();
  expect(await cookieNames(page)).not.toContain('cis_token');
  await expectNoSeriousA11yViolations(page, 'the attract screen');

  await begin(page).tap();
  await expect(page.getByRole('heading', { level: 1, name: /Choose your language/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the language choice');
  await page.getByRole('button', { name: '한국어', exact: true }).tap();
  await expect(page.getByRole('heading', { level: 1, name: '삶을 고르세요' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expectNoSeriousA11yViolations(page, 'the persona cards');

  await page.getByRole('button', { name: /리철진/ }).tap();
  await expect(page).toHaveURL(/\/portal/);
  const tour = page.getByRole('region', { name: '안내 투어' });
  await expect(tour.getByText('6개 중 1번째')).toBeVisible();
  await expect(tour.getByRole('heading', { level: 2, name: /외국 뉴스 사이트에 가 보세요/ })).toBeVisible();
  expect(await cookieNames(page)).toContain('cis_token');
  // A visitor does not log out: the top bar's button ends the visit (with its ending first).
  const bar = page.locator('cis-top-bar');
  await expect(bar.getByRole('button', { name: '방문 끝내기', exact: true, includeHidden: true })).toHaveCount(1);
  await expect(bar.getByRole('button', { name: '로그아웃', exact: true, includeHidden: true })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'a screen with the tour');

  // The placard of a stop, on demand.
  await tour.getByRole('button', { name: '왜 이렇게 되어 있나요?' }).tap();
  await expect(tour.getByRole('complementary')).toBeVisible();

  // Skip to the USB stick and do that mission by touch: the state terminal refuses the foreign file.
  for (let i = 0; i < 4; i++) await tour.getByRole('button', { name: '건너뛰기', exact: true }).tap();
  await expect(tour.getByRole('heading', { level: 2, name: /USB 메모리를 꽂아 보세요/ })).toBeVisible();
  await page.getByRole('button', { name: '내 기기', exact: true }).tap();
  const device = page.getByRole('dialog').filter({ has: page.locator('#device-heading') });
  await device
    .getByRole('button', { name: / 열기$/ })
    .first()
    .tap();
  await expect(device.getByRole('alert')).toHaveText('국가 서명이 없는 파일이라 열 수 없습니다');
  await device.getByRole('button', { name: '닫기', exact: true }).tap();
  await expect(device).toBeHidden();
  await expect(tour.getByText('✓ 완료')).toBeVisible();

  // The last stop: what the device recorded; then the ending.
  await tour.getByRole('button', { name: '다음', exact: true }).tap();
  await tour.getByRole('button', { name: '가 보기', exact: true }).tap();
  await expect(page).toHaveURL(/\/record/);
  await tour.getByRole('button', { name: '마무리 보기', exact: true }).tap();
  await expect(page.getByRole('heading', { level: 1, name: '방문을 마치며' })).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByRole('row', { name: /USB 메모리의 외국 파일/ })).toContainText('1번');
  await expect(table.getByRole('row', { name: /게시판의 글/ })).toContainText('시도하지 않음');
  await expect(page.getByText(/기록/).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the ending');

  // Finish: the visit is wiped and the attract screen is back for the next visitor.
  await page.getByRole('button', { name: '마치고 내 방문 지우기', exact: true }).tap();
  await expect(begin(page)).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  expect(await cookieNames(page)).not.toContain('cis_token');
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
});

test('idle for the configured time: a countdown, then the visit is wiped; the next visitor sees none of it', async ({
  page,
}) => {
  await page.clock.install();
  await page.goto('/');
  const info = await (await page.request.get('/api/session')).json();
  const { idleSeconds, countdownSeconds } = info.kiosk.settings as { idleSeconds: number; countdownSeconds: number };
  expect(countdownSeconds).toBeGreaterThanOrEqual(20);
  await startAs(page, 'English', /Ri Chol-jin/);
  await expect(page).toHaveURL(/\/portal/);

  // The first visitor leaves traces: a thread, a search, a page in the record.
  const origin = new URL(page.url()).origin;
  const title = `Kiosk visitor ${Date.now()}`;
  const posted = await page.request.post(`/api/boards/${BOARD}/threads`, {
    data: { title, body: 'Where can I buy rice this week?' },
    headers: { origin },
  });
  expect(posted.status()).toBe(201);
  expect((await page.request.post('/api/media/search', { data: { q: 'freedom' }, headers: { origin } })).status()).toBe(
    200,
  );

  // Touching during the countdown keeps the visit.
  await page.clock.fastForward(idleSeconds * 1000);
  const dialog = page.getByRole('dialog', { name: 'Are you still there?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(`Resetting in ${countdownSeconds} s`)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the countdown');
  await dialog.getByRole('button', { name: 'Stay', exact: true }).tap();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/portal/);

  // Left alone: the countdown runs out and everything of the visit goes.
  await page.clock.fastForward(idleSeconds * 1000);
  await expect(dialog).toBeVisible();
  await page.clock.runFor((countdownSeconds - 1) * 1000);
  await expect(dialog.getByText('Resetting in 1 s')).toBeVisible();
  await page.clock.runFor(1000);
  await expect(begin(page)).toBeVisible();
  expect(await cookieNames(page)).not.toContain('cis_token');
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  expect((await page.request.get('/api/me')).status()).toBe(401);

  // The next visitor, as the same persona, finds none of it.
  await startAs(page, 'English', /Ri Chol-jin/);
  await expect(page).toHaveURL(/\/portal/);
  const threads = await (await page.request.get(`/api/boards/${BOARD}/threads`)).json();
  expect(JSON.stringify(threads)).not.toContain(title);
  const record = await (await page.request.get('/api/record')).json();
  expect(JSON.stringify(record)).not.toContain('freedom');
  await page.getByRole('button', { name: 'Go there' }).first().waitFor();
  await page.goto('/record');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('freedom')).toHaveCount(0);
  await expect(page.getByText(title)).toHaveCount(0);
});

test('the operator opens the settings with the hidden gesture and the PIN', async ({ page }) => {
  await page.goto('/');
  await expect(begin(page)).toBeVisible();
  for (let i = 0; i < 5; i++) await page.touchscreen.tap(12, 12);
  const dialog = page.getByRole('dialog', { name: 'Operator' });
  await expect(dialog).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the operator PIN');
  await dialog.getByLabel('Operator PIN').fill('1111');
  await dialog.getByRole('button', { name: 'Open the settings' }).tap();
  await expect(dialog.getByRole('alert')).toHaveText('That is not the operator PIN.');
  await dialog.getByLabel('Operator PIN').fill(PIN);
  await dialog.getByRole('button', { name: 'Open the settings' }).tap();

  const settings = page.getByRole('dialog', { name: 'Kiosk settings' });
  await expect(settings).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the operator settings');
  await settings.getByLabel('Seconds the countdown gives').fill('25');
  await settings.getByLabel('Guided tour').uncheck();
  await settings.getByRole('button', { name: 'Save', exact: true }).tap();
  await expect(settings.getByRole('status')).toHaveText('Saved. The next visit follows these settings.');
  const after = (await (await page.request.get('/api/session')).json()).kiosk.settings;
  expect(after).toMatchObject({ countdownSeconds: 25, tour: false });

  page.once('dialog', (d) => void d.accept());
  await settings.getByRole('button', { name: 'Reset all visits' }).tap();
  await expect(settings.getByRole('status')).toHaveText(/Every visit was wiped/);

  // Put the settings back for the other kiosk tests, and leave.
  await settings.getByLabel('Seconds the countdown gives').fill('30');
  await settings.getByLabel('Guided tour').check();
  await settings.getByRole('button', { name: 'Save', exact: true }).tap();
  await expect(settings.getByRole('status')).toHaveText('Saved. The next visit follows these settings.');
  await settings.getByRole('button', { name: 'Close', exact: true }).tap();
  await expect(settings).toBeHidden();
  await expect(begin(page)).toBeVisible();
});
