/**
 * The open network end to end: a facilitator switches a live class of three students (one
 * citizen, two elites) from closed to open and back. The citizen who saw "not authorised" gets
 * the portal and the Commons without a reload; A posts a story, B shares it, C shares B's share,
 * and A's page counts the shares live; a link out leads to the "leaving the sandbox" page and no
 * request leaves for the outside; open-mode controls sit on a board thread; after the switch back
 * they are gone (a draft survives) and the same story posted on a board waits for a censor.
 */
import { expect, test, type Page } from '@playwright/test';
import type { BoardsResponse, SessionsResponse, ThreadsResponse } from '../server/protocol/api';
import {
  dismissRoleCard,
  expectNoSeriousA11yViolations,
  expectNoSidewaysScroll,
  framePage,
  joinClass,
  loginAs,
  openAddress,
  pathIs,
  PERSONAS,
  phone,
} from './helpers';

/**
 * The seat's chrome may show the role card again when the round's mode changes (its "may" list
 * changes with the mode): dismiss it if it comes within a moment.
 */
async function dismissCardIfShown(page: Page): Promise<void> {
  const card = page.getByRole('dialog').filter({ hasText: 'Your role card' });
  try {
    await card.waitFor({ state: 'visible', timeout: 2_000 });
  } catch {
    return;
  }
  await dismissRoleCard(page);
}

/** Marks this document: a reload would lose the mark. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
}

async function expectSameDocument(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
}

/** The Commons inside the in-page browser. */
function commons(page: Page) {
  return page.locator('cis-social-site');
}

/** The posts of the Commons' feed. */
function feedPost(page: Page, label: string | RegExp, text?: string) {
  const posts = commons(page).getByRole('article', { name: label });
  return text ? posts.filter({ hasText: text }) : posts;
}

async function openCommons(page: Page): Promise<void> {
  await openAddress(page, 'commons.open');
  await expect(commons(page).getByRole('heading', { level: 3, name: 'Home feed' })).toBeVisible();
  await expect(page.locator('cis-social-site[data-live="on"]')).toHaveCount(1);
}

test('a class switches to the open network and back', async ({ browser }) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  const sessionName = `Open class ${run}`;
  const names = { a: `Ada ${run}`.slice(0, 20), b: `Ben ${run}`.slice(0, 20), c: `Cai ${run}`.slice(0, 20) };
  const story = `Story ${run}: the river bridge is closed, see https://example.org/bridge-${run}`;

  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  const phones: Page[] = [];
  const outside: string[] = [];
  try {
    await loginAs(teacher, PERSONAS.facilitator);
    await teacher.getByLabel('Name', { exact: true }).fill(sessionName);
    await teacher.getByRole('button', { name: 'Create session', exact: true }).click();
    await expect(teacher.getByRole('heading', { level: 2, name: sessionName, exact: true })).toBeVisible();
    const list = (await (await teacher.request.get('/api/sessions')).json()) as SessionsResponse;
    const code = list.sessions.find((s) => s.name === sessionName)!.code;

    const [a, b, c] = [await phone(browser), await phone(browser), await phone(browser)];
    phones.push(a, b, c);
    for (const page of phones) {
      page.on('request', (request) => {
        const host = new URL(request.url()).hostname;
        if (host !== '127.0.0.1' && host !== 'localhost') outside.push(request.url());
      });
    }
    await joinClass(a, code, names.a);
    await joinClass(b, code, names.b);
    await joinClass(c, code, names.c);
    for (const [name, role] of [
      [names.a, 'elite'],
      [names.b, 'elite'],
      [names.c, 'citizen'],
    ] as const) {
      await teacher.getByLabel(`Role of ${name}`, { exact: true }).selectOption(role);
      await expect(teacher.getByLabel(`Role of ${name}`, { exact: true })).toHaveValue(role);
    }
    await teacher.getByRole('button', { name: 'Start round 1', exact: true }).click();
    await expect(teacher.getByText(/Round 1 running since .*Closed/)).toBeVisible();
    await expect(a).toHaveURL(pathIs('/portal'));
    await expect(c).toHaveURL(pathIs('/denied'));
    for (const page of phones) await dismissRoleCard(page);
    await expect(
      c.getByRole('heading', { level: 1, name: 'This terminal is not authorised for the national network' }),
    ).toBeVisible();
    // Closed: no Commons in the directory.
    await expect(framePage(a).getByRole('button', { name: 'Commons (simulated)' })).toHaveCount(0);

    // The switch to open: the citizen gets the portal without a reload, and the Commons is listed.
    for (const page of phones) await markDocument(page);
    await teacher.getByRole('button', { name: 'Switch this round to open', exact: true }).click();
    await expect(teacher.getByText(/Round 1 running since .*Open/)).toBeVisible();
    await expect(c).toHaveURL(pathIs('/portal'));
    for (const page of phones) await dismissCardIfShown(page);
    await expect(framePage(c).getByRole('button', { name: 'Commons (simulated)' })).toBeVisible();
    await expect(framePage(a).getByRole('button', { name: 'Commons (simulated)' })).toBeVisible();
    await expectSameDocument(c);
    await framePage(c).getByRole('button', { name: 'Commons (simulated)' }).click();
    await expect(commons(c).getByRole('heading', { level: 3, name: 'Home feed' })).toBeVisible();
    await openCommons(a);
    await openCommons(b);

    // A posts a story: published at once, and it reaches B and C live.
    const composer = commons(a).getByRole('form', { name: 'New post' });
    await composer.getByLabel('Write a post', { exact: true }).fill(story);
    await expect(composer.getByText(`${1000 - story.length} characters left`)).toBeVisible();
    await composer.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(composer.getByRole('status')).toHaveText('Posted: everyone can see it now.');
    const original = feedPost(a, `Post by ${names.a}`, story);
    await expect(original.locator('.shares')).toHaveText('0 shares');
    await expect(feedPost(b, `Post by ${names.a}`, story)).toBeVisible();
    await expect(feedPost(c, `Post by ${names.a}`, story)).toBeVisible();
    await expectNoSeriousA11yViolations(c, 'the Commons feed');
    await expectNoSidewaysScroll(c, 'the Commons feed');
    await c.screenshot({ path: test.info().outputPath('commons-feed.png'), fullPage: true });

    // B shares it with a comment; A's page counts the share live and shows B's share.
    const bOriginal = feedPost(b, `Post by ${names.a}`, story);
    await bOriginal.getByRole('button', { name: 'Share', exact: true }).click();
    await bOriginal.getByLabel('Add a comment to your share (optional)').fill(`Passing this on ${run}`);
    await bOriginal.getByRole('button', { name: 'Share now', exact: true }).click();
    await expect(original.locator('.shares')).toHaveText('1 share');
    await expectSameDocument(a);
    const bShareOnA = feedPost(a, `${names.b} shared a post`);
    await expect(bShareOnA).toContainText(`Passing this on ${run}`);
    await expect(bShareOnA.getByRole('group', { name: `Original post by ${names.a}` })).toContainText(story);

    // C shares B's share: B's share counts it, live, on A's page.
    const bShareOnC = feedPost(c, `${names.b} shared a post`);
    await bShareOnC.getByRole('button', { name: 'Share', exact: true }).click();
    await bShareOnC.getByRole('button', { name: 'Share now', exact: true }).click();
    await expect(bShareOnA.locator('.shares')).toHaveText('1 share');
    await expect(feedPost(a, `${names.c} shared a post`)).toBeVisible();

    // A likes B's share (aria-pressed follows the server).
    const like = bShareOnA.getByRole('button', { name: 'Like', exact: true });
    await like.click();
    await expect(like).toHaveAttribute('aria-pressed', 'true');
    await expect(bShareOnA.locator('.likes')).toHaveText('1 like');

    // The trending list shows scores and says plainly that they decay.
    await commons(a).getByRole('navigation', { name: 'Commons' }).getByRole('link', { name: 'Trending' }).click();
    const trending = commons(a).locator('cis-social-trending');
    await expect(trending.getByRole('heading', { level: 3, name: 'Trending' })).toBeVisible();
    await expect(trending).toContainText(/Scores decay: each like or share counts half as much every \d+ minutes/);
    await expect(
      trending.getByRole('list', { name: 'Trending posts, highest score first' }).getByRole('article').first(),
    ).toContainText(/Score now: \d/);
    await commons(a).getByRole('navigation', { name: 'Commons' }).getByRole('link', { name: 'Home feed' }).click();
    await expect(commons(a).getByRole('heading', { level: 3, name: 'Home feed' })).toBeVisible();

    // A link out: the leaving page names the address, opens nothing, and leads back.
    await feedPost(c, `Post by ${names.a}`, story)
      .getByRole('link', { name: `https://example.org/bridge-${run}` })
      .click();
    const leaving = framePage(c);
    await expect(leaving.getByRole('heading', { level: 2, name: 'You are leaving the sandbox' })).toBeVisible();
    await expect(leaving).toContainText(`https://example.org/bridge-${run}`);
    await expect(leaving).toContainText('It is not opened');
    await expect(leaving.locator('a[href*="example.org"], iframe, img, object, embed')).toHaveCount(0);
    await expectNoSeriousA11yViolations(c, 'the leaving-the-sandbox page');
    await c.screenshot({ path: test.info().outputPath('leaving.png') });
    await leaving.getByRole('button', { name: 'Back to where you were' }).click();
    await expect(commons(c).getByRole('heading', { level: 3, name: 'Home feed' })).toBeVisible();

    // B's profile, from the author link on A's page; A follows B.
    await bShareOnA.getByRole('link', { name: names.b, exact: true }).first().click();
    await expect(commons(a).getByRole('heading', { level: 3, name: names.b, exact: true })).toBeVisible();
    await expect(commons(a)).toContainText('Role not shown');
    const follow = commons(a).getByRole('button', { name: 'Follow', exact: true });
    await follow.click();
    await expect(follow).toHaveAttribute('aria-pressed', 'true');
    await expect(commons(a).getByRole('status').filter({ hasText: 'You follow' })).toBeVisible();
    await expectNoSeriousA11yViolations(a, 'a Commons profile');

    // An open-mode board thread: like, share and comments are there; a reply draft is started.
    const boards = (await (await a.request.get('/api/boards')).json()) as BoardsResponse;
    const board = boards.boards.find((entry) => entry.mayPost && entry.threadCount > 0)!;
    const threads = (await (await a.request.get(`/api/boards/${board.id}/threads`)).json()) as ThreadsResponse;
    const thread = threads.threads.find((entry) => entry.status === 'approved')!;
    await openAddress(a, `boards.intra/thread/${thread.id}`);
    const boardsSite = a.locator('cis-boards-site');
    await expect(boardsSite.getByRole('heading', { level: 3, name: thread.title })).toBeVisible();
    const bar = boardsSite.locator('cis-social-bar');
    await expect(bar.getByRole('button', { name: 'Like', exact: true })).toBeVisible();
    await bar.getByRole('button', { name: /comments?$/ }).click();
    await bar.getByLabel('Your comment', { exact: true }).fill(`A comment ${run}`);
    await bar.getByRole('button', { name: 'Post comment', exact: true }).click();
    await expect(bar.getByRole('list', { name: 'Comments' })).toContainText(`A comment ${run}`);
    await expect(bar.getByRole('button', { name: '1 comment', exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(a, 'an open-mode board thread');
    await bar.screenshot({ path: test.info().outputPath('thread-social-bar.png') });
    const draft = `Draft reply ${run}`;
    await boardsSite.getByLabel('Message', { exact: true }).fill(draft);

    // Back to closed: the controls go, the draft stays, the citizen is shut out again.
    await teacher.getByRole('button', { name: 'Switch this round to closed', exact: true }).click();
    await expect(teacher.getByText(/Round 1 running since .*Closed/)).toBeVisible();
    await expect(a.locator('cis-social-bar')).toHaveCount(0);
    for (const page of phones) await dismissCardIfShown(page);
    await expect(boardsSite.getByLabel('Message', { exact: true })).toHaveValue(draft);
    await expect(c).toHaveURL(pathIs('/denied'));
    await expect(commons(b).getByRole('heading', { name: 'The open network is switched off' })).toBeVisible();
    await expect(commons(b).getByRole('button', { name: 'Share' })).toHaveCount(0);
    await expectSameDocument(a);
    await expectSameDocument(c);

    // The same story, posted on a board in closed mode, waits for a censor.
    await openAddress(a, `boards.intra/board/${board.id}`);
    const form = boardsSite.getByRole('form', { name: 'New thread' });
    await form.getByLabel('Title', { exact: true }).fill(`Bridge ${run}`);
    await form.getByLabel('Message', { exact: true }).fill(story);
    await form.getByRole('button', { name: 'Post thread' }).click();
    await expect(form.getByRole('status')).toHaveText('Your post is awaiting approval.');
    const after = (await (await a.request.get(`/api/boards/${board.id}/threads`)).json()) as ThreadsResponse;
    expect(after.threads.find((entry) => entry.title === `Bridge ${run}`)?.status).toBe('pending');
    expect(
      after.threads.some((entry) => 'social' in entry),
      'no social fields in closed mode',
    ).toBe(false);

    expect(outside, 'requests that left the sandbox').toEqual([]);
  } finally {
    await Promise.all([teacherContext, ...phones.map((p) => p.context())].map((context) => context.close()));
  }
});
