/**
 * Korean and English: `?lang=ko` opens the sandbox in Korean with `<html lang="ko">`; the switch on
 * every screen changes the language in place (no reload) and the choice lasts across screens, a
 * reload and the login (the server keeps it: `GET /api/me` carries `locale`).
 */
import { expect, test } from '@playwright/test';
import { PERSONAS, clickLogout, expectNoSeriousA11yViolations, loginAs, pathIs } from './helpers';

test('the login page opens in Korean with ?lang=ko and switches in place', async ({ page }) => {
  await page.goto('/login?lang=ko');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('button', { name: '로그인', exact: true })).toBeVisible();
  await expect(page.getByLabel('사용자 이름', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the login page in Korean');

  // A marker on the window survives only if the page is not reloaded.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  const switcher = page.getByRole('group', { name: '언어' });
  await switcher.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Log in', exact: true })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'English' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
});

test('the choice lasts across screens, a reload and the login, and the server keeps it', async ({ page }) => {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '한국어' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page.getByLabel('사용자 이름', { exact: true }).fill(PERSONAS.elite.username);
  await page.getByLabel('비밀번호', { exact: true }).fill('demo');
  await page.getByRole('button', { name: '로그인', exact: true }).click();
  await expect(page).toHaveURL(pathIs(PERSONAS.elite.home));
  await expect(page.getByRole('button', { name: '로그아웃', exact: true })).toBeVisible();
  // The content too: the pack's portal in Korean, under the persona's Korean name.
  await expect(page.getByRole('heading', { level: 2, name: '국가 포털', exact: true })).toBeVisible();
  await expect(page.getByRole('banner').getByText('리철진')).toBeVisible();
  // Switched in place, the screen fetches its content again in the new language.
  await page.getByRole('group', { name: '언어' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'National Portal', exact: true })).toBeVisible();
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '한국어' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '국가 포털', exact: true })).toBeVisible();
  const me = await page.evaluate(() => fetch('/api/me').then((r) => r.json() as Promise<{ locale: string }>));
  expect(me.locale).toBe('ko');

  // Another screen, then a reload: still Korean.
  await page.getByRole('navigation').getByRole('link').last().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('button', { name: '로그아웃', exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'a screen in Korean');

  // Back to English from the top bar: the server follows.
  await page.getByRole('group', { name: '언어' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Log out', exact: true })).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => fetch('/api/me').then((r) => r.json() as Promise<{ locale: string }>)))
    .toMatchObject({ locale: 'en' });
});

test('the Korean font comes from this server, and only the subsets of the Korean text shown', async ({
  page,
  baseURL,
}) => {
  const fonts: string[] = [];
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== new URL(baseURL!).origin) foreign.push(request.url());
    if (request.resourceType() === 'font') fonts.push(url.pathname);
  });
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Log in', exact: true })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  // In English the only Korean on screen is the switch's own name (한국어): a subset or two at most.
  const english = fonts.length;
  expect(english).toBeLessThanOrEqual(2);
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '한국어' }).click();
  await expect(page.getByRole('button', { name: '로그인', exact: true })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  expect(fonts.length).toBeGreaterThan(english);
  expect(
    fonts.every((path) => /^\/assets\/noto-sans-kr-[\w-]+\.woff2$/.test(path)),
    fonts.join(', '),
  ).toBe(true);
  expect(foreign).toEqual([]);
});

test('a half-written message survives the switch and a reload, and goes with the login', async ({ page }) => {
  await loginAs(page, PERSONAS.elite);
  await page.goto('/portal?address=chat.intra/room/general');
  await expect(page.locator('cis-chat-room[data-live="on"]')).toHaveCount(1);
  const field = page.locator('cis-chat-composer textarea');
  await field.fill('Half a thought about the harvest');
  // The switch builds the screen again: the room comes back in Korean with the words still there.
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '한국어' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.locator('cis-chat-room[data-live="on"]')).toHaveCount(1);
  await expect(field).toHaveValue('Half a thought about the harvest');
  await page.reload();
  await expect(page.locator('cis-chat-room[data-live="on"]')).toHaveCount(1);
  await expect(field).toHaveValue('Half a thought about the harvest');
  // Sent, it is gone from the field and from the drafts.
  await field.press('Enter');
  await expect(field).toHaveValue('');
  await field.fill('Never sent');
  // The next login at this screen does not find the last one's words.
  await page.getByRole('group', { name: '언어' }).getByRole('button', { name: 'English' }).click();
  await clickLogout(page);
  await page.getByRole('button', { name: 'Continue to log out', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Log in', exact: true })).toBeVisible();
  await loginAs(page, PERSONAS.elite);
  await page.goto('/portal?address=chat.intra/room/general');
  await expect(page.locator('cis-chat-room[data-live="on"]')).toHaveCount(1);
  await expect(field).toHaveValue('');
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('cis-draft:')))).toEqual([]);
});

test('Korean is set in a Korean font, the served one where the machine has none: no empty boxes', async ({ page }) => {
  await loginAs(page, PERSONAS.elite);
  await page.goto('/portal?address=news.intra&lang=ko');
  const title = page.locator('cis-media-masthead').getByRole('heading', { level: 2 }).first();
  await expect(title).toContainText('중앙통신사');
  await page.evaluate(() => document.fonts.ready);
  // What Chromium drew the title's glyphs with: each font a Korean one (a machine's own) or a web font.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  type Node = { nodeId: number; nodeName: string; nodeValue?: string; children?: Node[]; shadowRoots?: Node[] };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
  const find = (node: Node): Node | undefined => {
    if (node.nodeName === 'H2' && node.children?.some((c) => c.nodeValue?.includes('중앙통신사'))) return node;
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
      const found = find(child);
      if (found) return found;
    }
    return undefined;
  };
  const heading = find(root);
  expect(heading, 'the masthead title in the DOM').toBeDefined();
  // Its Hangul syllables (the parentheses and the space come from the stack's Latin fonts).
  const hangul = ((await title.textContent()) ?? '').match(/[\uac00-\ud7af]/gu)?.length ?? 0;
  expect(hangul).toBeGreaterThan(0);
  await expect
    .poll(async () => {
      const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId: heading!.nodeId })) as {
        fonts: { familyName: string; isCustomFont: boolean; glyphCount: number }[];
      };
      const korean = fonts.filter(
        (f) => f.isCustomFont || /\b(KR|CJK|Korean|Gothic|Myeongjo|Batang)\b/i.test(f.familyName),
      );
      return korean.reduce((sum, f) => sum + f.glyphCount, 0) >= hangul;
    })
    .toBe(true);
});
