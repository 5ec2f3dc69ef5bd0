/**
 * Message boards: pre-moderation seen from three people at once (author, reader, censor),
 * the keyword filter and its trail entry, rejection with a reason, markup shown as text,
 * axe on the board pages and the moderation queue, and pictures for review.
 *
 * Posting is rate-limited per user (6 a minute), and the data lives for the whole run:
 * each persona posts at most twice in this file, and every title is unique to the run.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import type { ThreadsResponse } from '../server/protocol/api';
import { PERSONAS, expectNoSeriousA11yViolations, loginAs, openAs, pathIs, trailRows } from './helpers';

const COOKING = 'cooking-and-family';

/** The boards site shown in the in-page browser. */
function boardsSite(page: Page) {
  return page.locator('cis-boards-site');
}

/** A title no earlier run or retry has used. */
function unique(title: string, testInfo: TestInfo): string {
  return `${title} (${Date.now().toString(36)}-${testInfo.workerIndex}-${testInfo.retry})`;
}

/** Opens a board by its deep link and waits until its threads are listed and live. */
async function openBoard(page: Page, boardId: string, title: string): Promise<void> {
  await page.goto(`/portal?address=boards.intra/board/${boardId}`);
  await expect(boardsSite(page).getByRole('heading', { level: 3, name: title, exact: true })).toBeVisible();
  await expect(page.locator('cis-boards-site[data-live="on"]')).toHaveCount(1);
}

/** The line of a board's thread list whose title is `title`. */
function threadLine(page: Page, title: string) {
  return boardsSite(page)
    .getByRole('list', { name: 'Threads' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

/** Opens the censor's moderation queue from the top bar and waits until it is live. */
async function openModeration(censor: Page): Promise<void> {
  await censor.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Moderation queue' }).click();
  await expect(censor).toHaveURL(pathIs('/moderation'));
  await expect(censor.getByRole('heading', { level: 1, name: 'Moderation queue' })).toBeVisible();
  await expect(censor.locator('cis-moderation-page[data-live="on"]')).toHaveCount(1);
  await expect(censor.getByRole('heading', { level: 2, name: /^Pending posts/ })).toBeVisible();
}

/** The queued post in the censor's queue that contains `text`. */
function queued(censor: Page, text: string) {
  return censor.locator('cis-moderation-item').filter({ hasText: text });
}

/** Fills and sends the "New thread" form of the board on screen. */
async function postThread(page: Page, title: string, body: string): Promise<void> {
  const form = boardsSite(page).getByRole('form', { name: 'New thread' });
  await form.getByLabel('Title', { exact: true }).fill(title);
  await form.getByLabel('Message', { exact: true }).fill(body);
  await form.getByRole('button', { name: 'Post thread' }).click();
}

/** The threads of a board as `page`'s user may read them. */
async function threadsOf(page: Page, boardId: string): Promise<ThreadsResponse> {
  const response = await page.request.get(`/api/boards/${boardId}/threads`);
  expect(response.status(), `GET /api/boards/${boardId}/threads`).toBe(200);
  return (await response.json()) as ThreadsResponse;
}

/** Marks this document: a reload or navigation would lose the mark. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
}

async function sameDocument(page: Page): Promise<boolean | undefined> {
  return page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument);
}

test('a scientist’s thread waits for the censor, who approves it live; only then does the elite see it', async ({
  browser,
}, testInfo) => {
  const [scientist, elite, censor] = await Promise.all([
    openAs(browser, PERSONAS.scientist),
    openAs(browser, PERSONAS.elite),
    openAs(browser, PERSONAS.censor),
  ]);
  try {
    const title = unique('Kimjang plans for our apartment block', testInfo);
    const body = 'Comrades, we will salt the cabbages on Sunday morning in the courtyard. Bring your own basins.';

    // The censor watches the queue; the elite has the board open, reached through the site's links.
    await openModeration(censor);
    await elite.goto('/portal?address=boards.intra');
    await expect(boardsSite(elite).getByRole('heading', { level: 3, name: 'Boards' })).toBeVisible();
    await boardsSite(elite).getByRole('link', { name: 'Cooking and Family', exact: true }).click();
    await expect(boardsSite(elite).getByRole('heading', { level: 3, name: 'Cooking and Family' })).toBeVisible();
    await expect(elite).toHaveURL(/\/portal\?address=boards\.intra\/board\/cooking-and-family$/);
    await expect(elite.locator('cis-boards-site[data-live="on"]')).toHaveCount(1);
    await markDocument(elite);

    // The scientist posts: it shows at once, marked as awaiting approval.
    await openBoard(scientist, COOKING, 'Cooking and Family');
    await postThread(scientist, title, body);
    await expect(
      boardsSite(scientist).getByRole('status').filter({ hasText: 'Your post is awaiting approval.' }),
    ).toBeVisible();
    const own = threadLine(scientist, title);
    await expect(own).toContainText('Awaiting approval');
    await expect(own).toContainText('Kang Song-mi, Scientist');
    await expect(boardsSite(scientist).getByLabel('Title', { exact: true })).toHaveValue('');

    // The censor sees it arrive in the queue without a reload; the elite sees nothing.
    const item = queued(censor, title);
    await expect(item).toContainText('New thread on Cooking and Family');
    await expect(item).toContainText('Kang Song-mi, Scientist');
    await expect(item).toContainText(body);
    await expect(threadLine(elite, title)).toHaveCount(0);
    expect((await threadsOf(elite, COOKING)).threads.map((t) => t.title)).not.toContain(title);

    // Approved: the elite's open board shows it, announced, in the same document.
    await item.getByRole('button', { name: 'Approve' }).click();
    // It leaves the queue for the history. (The censor's announcement is not checked: posts
    // from specs running in parallel can replace it at any moment.)
    await expect(item).toHaveCount(0);
    const decisions = censor.getByRole('region', { name: 'Decisions' });
    await expect(decisions.getByRole('row').filter({ hasText: title })).toContainText('Approved');

    const line = threadLine(elite, title);
    await expect(line).toBeVisible();
    await expect(line).toContainText('Kang Song-mi, Scientist');
    await expect(line).not.toContainText('Awaiting approval');
    await expect(
      boardsSite(elite)
        .getByRole('status')
        .filter({ hasText: `New thread: ${title}` }),
    ).toBeVisible();
    expect(await sameDocument(elite)).toBe(true);

    // The author's own copy loses its mark without a reload.
    await expect(own).not.toContainText('Awaiting approval');

    // The elite opens it: the post under a real name and role, and nothing to like, share or follow.
    await line.getByRole('link', { name: title }).click();
    await expect(boardsSite(elite).getByRole('heading', { level: 3, name: title })).toBeVisible();
    await expect(elite).toHaveURL(/\?address=boards\.intra\/thread\/[a-z0-9-]+$/);
    const opening = boardsSite(elite).getByRole('article', { name: 'Opening post by Kang Song-mi' });
    await expect(opening).toContainText('Kang Song-mi, Scientist');
    await expect(opening).toContainText(body);
    await expect(boardsSite(elite).getByRole('button')).toHaveText(['Post reply']);
    await expect(boardsSite(elite).getByRole('img')).toHaveCount(0);
    await expect(opening).not.toContainText(/\b(likes?|shares?|followers?)\b/i);
  } finally {
    await Promise.all([scientist, elite, censor].map((page) => page.context().close()));
  }
});

test('a post with a filtered word is refused with a neutral message and lands in the censor’s trail', async ({
  browser,
}, testInfo) => {
  const academic = await openAs(browser, PERSONAS.academic);
  const censor = await openAs(browser, PERSONAS.censor);
  try {
    const title = unique('Evening reading circle', testInfo);
    const body = 'We read about f r e e d o m in the old novels.';
    await openBoard(academic, COOKING, 'Cooking and Family');
    await postThread(academic, title, body);
    await expect(
      boardsSite(academic).getByRole('alert').filter({ hasText: 'This post cannot be published.' }),
    ).toBeVisible();
    // The text is kept, nothing was posted, and no word is named.
    const form = boardsSite(academic).getByRole('form', { name: 'New thread' });
    await expect(form.getByLabel('Title', { exact: true })).toHaveValue(title);
    await expect(form.getByLabel('Message', { exact: true })).toHaveValue(body);
    await expect(form.getByRole('status')).toHaveText('');
    await expect(threadLine(academic, title)).toHaveCount(0);
    await expect(boardsSite(academic)).not.toContainText('freedom');
    expect((await threadsOf(academic, COOKING)).threads.map((t) => t.title)).not.toContain(title);

    // The censor's trail has the hit with the term it matched; the queue never saw it.
    const rows = trailRows(censor, { user: PERSONAS.academic, kind: 'post_filtered', text: 'Filtered word: freedom' });
    await expect(rows.first()).toBeVisible();
    await expect(rows.first()).toContainText('f r e e d o m');
    const queue = await censor.request.get('/api/moderation/queue');
    expect(JSON.stringify(await queue.json())).not.toContain(title);
  } finally {
    await Promise.all([academic, censor].map((page) => page.context().close()));
  }
});

test('a rejected post shows its author the reason and never reaches the elite', async ({ browser }, testInfo) => {
  const [academic, elite, censor] = await Promise.all([
    openAs(browser, PERSONAS.academic),
    openAs(browser, PERSONAS.elite),
    openAs(browser, PERSONAS.censor),
  ]);
  try {
    const title = unique('Our factory team lost the final', testInfo);
    const reason = 'Reports of defeat lower morale.';
    await openModeration(censor);
    await openBoard(elite, 'sports', 'Sports');
    await openBoard(academic, 'sports', 'Sports');
    await postThread(academic, title, 'The other team was simply better on the day.');
    await expect(threadLine(academic, title)).toContainText('Awaiting approval');

    const item = queued(censor, title);
    await expect(item).toBeVisible();
    // No reason, no rejection: the censor is told, and the post stays in the queue.
    await item.getByRole('button', { name: 'Reject' }).click();
    await expect(item.getByRole('alert')).toHaveText('Give a reason to reject this post. Its author will read it.');
    await expect(item.getByLabel('Reason', { exact: true })).toBeFocused();
    await item.getByLabel('Reason', { exact: true }).fill(reason);
    await item.getByRole('button', { name: 'Reject' }).click();
    await expect(item).toHaveCount(0);
    const row = censor.getByRole('region', { name: 'Decisions' }).getByRole('row').filter({ hasText: title });
    await expect(row).toContainText('Rejected');
    await expect(row).toContainText(reason);

    // The author sees it rejected, with the reason, live; the elite never sees it.
    const own = threadLine(academic, title);
    await expect(own).toContainText('Rejected');
    await expect(own).toContainText(`Reason: ${reason}`);
    await expect(
      boardsSite(academic).getByRole('status').filter({ hasText: 'A censor rejected your post.' }),
    ).toBeVisible();
    await expect(threadLine(elite, title)).toHaveCount(0);
    await elite.reload();
    await expect(boardsSite(elite).getByRole('heading', { level: 3, name: 'Sports' })).toBeVisible();
    await expect(boardsSite(elite).getByRole('list', { name: 'Threads' })).toBeVisible();
    await expect(threadLine(elite, title)).toHaveCount(0);
    expect(JSON.stringify(await threadsOf(elite, 'sports'))).not.toContain(title);
  } finally {
    await Promise.all([academic, elite, censor].map((page) => page.context().close()));
  }
});

test('markup in a reply is shown as text to its author, the censor and readers, and runs nothing', async ({
  browser,
}) => {
  const [elite, censor, scientist] = await Promise.all([
    openAs(browser, PERSONAS.elite),
    openAs(browser, PERSONAS.censor),
    openAs(browser, PERSONAS.scientist),
  ]);
  try {
    const script = '<script>window.__pwned=1</script>';
    const img = `<img src=x onerror="window.__pwned=2"> ${Date.now().toString(36)}`;
    const body = `Try this recipe: ${script} and ${img} <b>bold</b>`;
    const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
    const [thread] = (await threadsOf(elite, COOKING)).threads.filter((t) => t.status === 'approved');
    expect(thread, 'an approved thread on Cooking and Family').toBeDefined();
    const address = `boards.intra/thread/${thread!.id}`;

    await openModeration(censor);
    await scientist.goto(`/portal?address=${address}`);
    await expect(boardsSite(scientist).getByRole('heading', { level: 3, name: thread!.title })).toBeVisible();
    await expect(scientist.locator('cis-boards-site[data-live="on"]')).toHaveCount(1);

    // The author's own pending reply shows at once, as text.
    await elite.goto(`/portal?address=${address}`);
    const form = boardsSite(elite).getByRole('form', { name: 'Reply' });
    await form.getByLabel('Message', { exact: true }).fill(body);
    await form.getByRole('button', { name: 'Post reply' }).click();
    await expect(form.getByRole('status')).toHaveText('Your post is awaiting approval.');
    const mine = boardsSite(elite).getByRole('article', { name: 'Reply by Ri Chol-jin' }).filter({ hasText: img });
    await expect(mine).toContainText('Awaiting approval');
    await expect(mine).toContainText(body);

    // The censor reads it as text too, and approves it.
    const item = queued(censor, img);
    await expect(item).toContainText(body);
    await expect(censor.locator('cis-moderation-item b, cis-moderation-item img')).toHaveCount(0);
    await item.getByRole('button', { name: 'Approve' }).click();
    await expect(item).toHaveCount(0);

    // The scientist, reading the thread, gets it live, as text.
    const reply = boardsSite(scientist).getByRole('article', { name: 'Reply by Ri Chol-jin' }).filter({ hasText: img });
    await expect(reply).toContainText(body);
    await expect(reply).toContainText('Ri Chol-jin, Elite');
    await expect(mine).not.toContainText('Awaiting approval');
    for (const page of [elite, censor, scientist]) {
      await expect(page.locator('cis-boards-site script, cis-boards-site img, cis-boards-site b')).toHaveCount(0);
      await expect(page.locator('img[onerror]')).toHaveCount(0);
    }
    await scientist.waitForTimeout(300);
    for (const page of [elite, censor, scientist]) expect(await pwned(page)).toBeUndefined();
  } finally {
    await Promise.all([elite, censor, scientist].map((page) => page.context().close()));
  }
});

test('the board list and a board page have no serious accessibility violations', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await loginAs(page, PERSONAS.scientist);
  await page.goto('/portal?address=boards.intra');
  await expect(boardsSite(page).getByRole('link', { name: 'Science and Technology' })).toBeVisible();
  await expect(boardsSite(page).getByRole('complementary', { name: 'Why is it like this?' })).toContainText(
    'Posts wait for approval',
  );
  await expectNoSeriousA11yViolations(page, 'the board list');
  await screenshot(page, testInfo, 'boards-list');

  // A board, with a form error showing (nothing is sent).
  await boardsSite(page).getByRole('link', { name: 'Science and Technology' }).click();
  await expect(boardsSite(page).getByRole('heading', { level: 3, name: 'Science and Technology' })).toBeFocused();
  await boardsSite(page).getByRole('button', { name: 'Post thread' }).click();
  await expect(boardsSite(page).getByRole('alert')).toHaveText('Write a title.');
  await expect(boardsSite(page).getByLabel('Title', { exact: true })).toBeFocused();
  await expect(
    boardsSite(page)
      .getByRole('complementary', { name: 'Why is it like this?' })
      .filter({ hasText: 'never get through' }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'a board page');
  await screenshot(page, testInfo, 'board');
});

test('a thread and the moderation queue have no serious accessibility violations', async ({
  browser,
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await loginAs(page, PERSONAS.scientist);

  // A thread, opened from its board, with the reader's own reply awaiting approval.
  const threads = (await threadsOf(page, 'science-and-technology')).threads;
  const thread = threads.find((t) => t.status === 'approved' && t.replyCount > 0) ?? threads[0]!;
  await openBoard(page, 'science-and-technology', 'Science and Technology');
  await threadLine(page, thread.title).getByRole('link').click();
  await expect(boardsSite(page).getByRole('heading', { level: 3, name: thread.title })).toBeFocused();
  const form = boardsSite(page).getByRole('form', { name: 'Reply' });
  const body = unique('The new calibration gas arrived this morning; I have put it in the store room.', testInfo);
  await form.getByLabel('Message', { exact: true }).fill(body);
  await form.getByRole('button', { name: 'Post reply' }).click();
  await expect(boardsSite(page).getByRole('article').filter({ hasText: body })).toContainText('Awaiting approval');
  await expectNoSeriousA11yViolations(page, 'a thread page');
  await screenshot(page, testInfo, 'thread');

  // The moderation queue, with that reply in it; approved afterwards.
  const censor = await openAs(browser, PERSONAS.censor);
  try {
    await censor.setViewportSize({ width: 1280, height: 900 });
    await openModeration(censor);
    const item = queued(censor, body);
    await expect(item).toBeVisible();
    await expectNoSeriousA11yViolations(censor, 'the moderation queue');
    await screenshot(censor, testInfo, 'moderation');
    await item.getByRole('button', { name: 'Approve' }).click();
    await expect(item).toHaveCount(0);
  } finally {
    await censor.context().close();
  }
});

test('the censor reads the boards but may not post, and the queue is closed to everyone else', async ({
  browser,
  page,
}) => {
  await loginAs(page, PERSONAS.censor);
  await page.goto(`/portal?address=boards.intra/board/${COOKING}`);
  await expect(boardsSite(page).getByRole('heading', { level: 3, name: 'Cooking and Family' })).toBeVisible();
  await expect(boardsSite(page).getByText('You may read this board, but not post on it.')).toBeVisible();
  await expect(boardsSite(page).getByRole('form')).toHaveCount(0);

  const elite = await openAs(browser, PERSONAS.elite);
  try {
    await elite.goto('/moderation');
    await expect(elite).toHaveURL(pathIs('/portal'));
    await expect(elite.getByRole('link', { name: 'Moderation queue' })).toHaveCount(0);
    expect((await elite.request.get('/api/moderation/queue')).status()).toBe(403);
  } finally {
    await elite.context().close();
  }
});

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
