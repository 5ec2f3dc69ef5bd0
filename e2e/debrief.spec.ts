/**
 * The debrief end to end: a short two-round class with three students. They answer the
 * before-quiz in the lobby; round 1 is closed (A posts on a board, B sends a chat message),
 * round 2 open (A posts a story on the Commons, B shares it, C shares B's share); the facilitator
 * opens the after-quiz, the students answer it and see their own before and after; then the
 * debrief shows both rounds side by side, the spread of the story (A → B → C) and the quiz's
 * change; it prints to a PDF; the projector view hides names until asked.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { SessionsResponse } from '../server/protocol/api';
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

/** The pack's quiz, read from the shipped scenario (the test server runs SCENARIO=default). */
const QUIZ = JSON.parse(readFileSync('fixtures/default/quiz.json', 'utf8')) as {
  items: { id: string; text: string; truth: boolean }[];
};
const TRUE_ITEMS = QUIZ.items.filter((item) => item.truth).length;

/**
 * Answers every statement of the quiz form inside `scope`: `pick` chooses from the pack's truth
 * of the statement (found by its text in the legend). Checks the progress line as it goes.
 */
async function answerQuiz(scope: Locator, pick: (truth: boolean) => boolean): Promise<void> {
  const groups = scope.getByRole('group', { name: /^Statement \d+:/ });
  await expect(groups).toHaveCount(QUIZ.items.length);
  const total = QUIZ.items.length;
  for (let index = 0; index < total; index += 1) {
    const group = groups.nth(index);
    const legend = (await group.locator('legend').textContent()) ?? '';
    const item = QUIZ.items.find((entry) => legend.includes(entry.text));
    expect(item, `a pack statement in "${legend}"`).toBeDefined();
    await group.getByRole('radio', { name: pick(item!.truth) ? 'True' : 'False', exact: true }).check();
    await expect(scope.getByRole('status').filter({ hasText: 'answered' })).toHaveText(
      `${index + 1} of ${total} answered`,
    );
  }
  await scope.getByRole('button', { name: 'Send my answers', exact: true }).click();
}

/** The Commons inside the in-page browser. */
function commons(page: Page) {
  return page.locator('cis-social-site');
}

function feedPost(page: Page, label: string | RegExp, text?: string) {
  const posts = commons(page).getByRole('article', { name: label });
  return text ? posts.filter({ hasText: text }) : posts;
}

async function openCommons(page: Page): Promise<void> {
  await openAddress(page, 'commons.open');
  await expect(commons(page).getByRole('heading', { level: 3, name: 'Home feed' })).toBeVisible();
  await expect(page.locator('cis-social-site[data-live="on"]')).toHaveCount(1);
}

/** How many pages a PDF has (its `/Type /Page` objects, not `/Pages`). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

test('a two-round class, the quiz before and after, and its debrief', async ({ browser, browserName }) => {
  test.setTimeout(150_000);
  const run = Date.now().toString(36);
  const sessionName = `Debrief class ${run}`;
  const names = { a: `Ada ${run}`.slice(0, 20), b: `Ben ${run}`.slice(0, 20), c: `Cai ${run}`.slice(0, 20) };
  const story = `Story ${run}: the river bridge is closed`;

  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  const phones: Page[] = [];
  try {
    await loginAs(teacher, PERSONAS.facilitator);
    await teacher.getByLabel('Name', { exact: true }).fill(sessionName);
    await teacher.getByRole('button', { name: 'Create session', exact: true }).click();
    await expect(teacher.getByRole('heading', { level: 2, name: sessionName, exact: true })).toBeVisible();
    const list = (await (await teacher.request.get('/api/sessions')).json()) as SessionsResponse;
    const session = list.sessions.find((s) => s.name === sessionName)!;

    // Three students join and answer the before-quiz in the lobby.
    const [a, b, c] = [await phone(browser), await phone(browser), await phone(browser)];
    phones.push(a, b, c);
    for (const [page, name] of [
      [a, names.a],
      [b, names.b],
      [c, names.c],
    ] as const) {
      await joinClass(page, session.code, name);
    }
    const lobbyQuiz = (page: Page) => page.getByRole('region', { name: 'Before we start: true or false?' });
    await expect(lobbyQuiz(a).getByRole('status').filter({ hasText: 'answered' })).toHaveText(
      `0 of ${QUIZ.items.length} answered`,
    );
    // Sending with statements left is refused on the spot; the first one left is focused.
    await lobbyQuiz(a).getByRole('radio', { name: 'True', exact: true }).first().check();
    await lobbyQuiz(a).getByRole('button', { name: 'Send my answers', exact: true }).click();
    await expect(lobbyQuiz(a).getByRole('alert')).toContainText(
      `${QUIZ.items.length - 1} statements have no answer yet`,
    );
    await expect(
      lobbyQuiz(a)
        .getByRole('group', { name: /^Statement 2:/ })
        .getByRole('radio')
        .first(),
    ).toBeFocused();
    await expectNoSeriousA11yViolations(a, 'the before-quiz in the lobby');
    await expectNoSidewaysScroll(a, 'the before-quiz in the lobby');
    await a.screenshot({ path: test.info().outputPath('before-quiz.png'), fullPage: true });
    // A says "true" to everything, B "false" to everything, C gets them all right.
    await answerQuiz(lobbyQuiz(a), () => true);
    await answerQuiz(lobbyQuiz(b), () => false);
    await answerQuiz(lobbyQuiz(c), (truth) => truth);
    for (const page of phones) await expect(lobbyQuiz(page)).toContainText('your answers are in');
    // The server refuses a second "before".
    const again = await a.request.post('/api/quiz/answers', {
      data: { phase: 'before', answers: QUIZ.items.map((item) => ({ itemId: item.id, answer: true })) },
      headers: { origin: new URL(a.url()).origin },
    });
    expect(again.status()).toBeGreaterThanOrEqual(400);

    // Roles by hand; round 1, closed: A posts on a board, B sends a chat message.
    for (const name of Object.values(names)) {
      await teacher.getByLabel(`Role of ${name}`, { exact: true }).selectOption('elite');
      await expect(teacher.getByLabel(`Role of ${name}`, { exact: true })).toHaveValue('elite');
    }
    await teacher.getByRole('button', { name: 'Start round 1', exact: true }).click();
    await expect(teacher.getByText(/Round 1 running since .*Closed/)).toBeVisible();
    for (const page of phones) {
      await expect(page).toHaveURL(pathIs('/portal'));
      await dismissRoleCard(page);
    }
    const boardsSite = a.locator('cis-boards-site');
    const boards = (await (await a.request.get('/api/boards')).json()) as {
      boards: { id: string; mayPost: boolean }[];
    };
    const board = boards.boards.find((entry) => entry.mayPost)!;
    await openAddress(a, `boards.intra/board/${board.id}`);
    const form = boardsSite.getByRole('form', { name: 'New thread' });
    await form.getByLabel('Title', { exact: true }).fill(`Bridge ${run}`);
    await form.getByLabel('Message', { exact: true }).fill(`The bridge ${run}`);
    await form.getByRole('button', { name: 'Post thread' }).click();
    await expect(form.getByRole('status')).toHaveText('Your post is awaiting approval.');

    await openAddress(b, 'chat.intra/room/general');
    await expect(framePage(b).getByRole('heading', { level: 3, name: 'General room', exact: true })).toBeVisible();
    await expect(b.locator('cis-chat-room[data-live="on"]')).toHaveCount(1);
    const field = framePage(b).getByRole('textbox', { name: 'Message', exact: true });
    await field.fill(`Hello ${run}`);
    await framePage(b).getByRole('button', { name: 'Send', exact: true }).click();
    await expect(
      framePage(b)
        .getByRole('region', { name: 'Messages' })
        .getByRole('listitem')
        .filter({ hasText: `Hello ${run}` }),
    ).not.toContainText('Sending…');

    await teacher.getByRole('button', { name: 'End round', exact: true }).click();
    await expect(teacher.getByText('No round running.')).toBeVisible();

    // Round 2, open: A posts a story on the Commons, B shares it, C shares B's share.
    await teacher.getByLabel('Mode', { exact: true }).selectOption('open');
    // After "End round" the console names the next one by the rounds played (SessionDetail.roundsPlayed).
    await teacher.getByRole('button', { name: 'Start round 2', exact: true }).click();
    await expect(teacher.getByText(/Round 2 running since .*Open/)).toBeVisible();
    for (const page of phones) {
      await dismissRoleCard(page);
      await openCommons(page);
    }
    const composer = commons(a).getByRole('form', { name: 'New post' });
    await composer.getByLabel('Write a post', { exact: true }).fill(story);
    await composer.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(composer.getByRole('status')).toHaveText('Posted: everyone can see it now.');
    const bOriginal = feedPost(b, `Post by ${names.a}`, story);
    await bOriginal.getByRole('button', { name: 'Share', exact: true }).click();
    await bOriginal.getByRole('button', { name: 'Share now', exact: true }).click();
    const bShareOnC = feedPost(c, `${names.b} shared a post`);
    await bShareOnC.getByRole('button', { name: 'Share', exact: true }).click();
    await bShareOnC.getByRole('button', { name: 'Share now', exact: true }).click();
    await expect(feedPost(a, `${names.c} shared a post`)).toBeVisible();

    // The after-quiz: the facilitator opens it; it comes over each student's screen.
    await teacher.getByRole('button', { name: 'Open the after-quiz', exact: true }).click();
    await expect(teacher.getByRole('status').filter({ hasText: 'After-quiz opened' })).toBeVisible();
    const afterQuiz = (page: Page) => page.getByRole('dialog', { name: 'At the end: true or false?' });
    for (const page of phones) await expect(afterQuiz(page)).toBeVisible({ timeout: 20_000 });
    await expectNoSeriousA11yViolations(c, 'the after-quiz dialog');
    await expectNoSidewaysScroll(c, 'the after-quiz dialog');
    // At the end A and C get every statement right; B still says "false" to everything.
    await answerQuiz(afterQuiz(a), (truth) => truth);
    await answerQuiz(afterQuiz(b), () => false);
    await answerQuiz(afterQuiz(c), (truth) => truth);
    const total = QUIZ.items.length;
    const expected = [
      { page: a, before: TRUE_ITEMS, after: total },
      { page: b, before: total - TRUE_ITEMS, after: total - TRUE_ITEMS },
      { page: c, before: total, after: total },
    ];
    for (const { page, before, after } of expected) {
      const result = page.getByRole('region', { name: 'Your before and after' });
      await expect(result).toContainText(`Before: ${before} of ${total} right.`);
      await expect(result).toContainText(`After: ${after} of ${total} right.`);
      await expect(result.getByRole('row')).toHaveCount(total + 1);
    }
    const aResult = a.getByRole('region', { name: 'Your before and after' });
    const firstTrue = QUIZ.items.find((item) => item.truth)!;
    await expect(aResult.getByRole('row').filter({ hasText: firstTrue.text })).toContainText('True (right)');
    const firstFalse = QUIZ.items.find((item) => !item.truth)!;
    await expect(aResult.getByRole('row').filter({ hasText: firstFalse.text })).toContainText('True (wrong)');
    await expectNoSeriousA11yViolations(a, 'your before and after');
    await expectNoSidewaysScroll(a, 'your before and after');
    await a
      .getByRole('dialog', { name: 'Thank you: your answers are in' })
      .screenshot({ path: test.info().outputPath('before-and-after.png') });
    // A student may not read the debrief.
    expect((await a.request.get(`/api/sessions/${session.id}/debrief`)).status()).toBe(403);

    await teacher.getByRole('button', { name: 'End round', exact: true }).click();
    await expect(teacher.getByText('No round running.')).toBeVisible();

    // The debrief: both rounds side by side, the spread of the story, the quiz's change.
    await teacher.getByRole('link', { name: 'Debrief', exact: true }).click();
    await expect(teacher.getByRole('heading', { level: 1, name: 'Debrief' })).toBeVisible();
    const round1 = teacher.getByRole('region', { name: 'Round 1 (closed)' });
    const round2 = teacher.getByRole('region', { name: 'Round 2 (open)' });
    await expect(round1).toBeVisible();
    await expect(round2).toBeVisible();
    const [box1, box2] = [await round1.boundingBox(), await round2.boundingBox()];
    expect(box1 && box2 && Math.abs(box1.y - box2.y) < 5 && box2.x > box1.x, 'rounds side by side').toBe(true);
    for (const round of [round1, round2]) {
      await expect(round.locator('svg').first()).toBeVisible();
      await expect(round.getByRole('table').first()).toBeVisible();
    }
    // The figures come from the trail: round 1 has A's post and B's message, round 2 the story that reached three.
    const figure = (round: Locator, name: string) =>
      round
        .getByRole('row')
        .filter({ has: teacher.getByRole('rowheader', { name, exact: true }) })
        .first();
    await expect(figure(round1, 'sent')).toHaveText(/^\s*sent\s*1\s*$/);
    await expect(figure(round1, 'submitted')).toHaveText(/^\s*submitted\s*1\s*$/);
    await expect(figure(round2, 'sent')).toHaveText(/^\s*sent\s*0\s*$/);
    await expect(round2).toContainText('Reached 3 people');
    // The facilitator's own view names the students: the spread's list says who passed it to whom.
    const debrief = teacher.locator('cis-debrief-page');
    const spread = teacher.getByRole('figure', { name: new RegExp(`^Spread of .*${run}`) }).first();
    await expect(spread).toBeVisible();
    const hops = spread.getByRole('listitem');
    await expect(hops).toHaveCount(2);
    await expect(hops.filter({ hasText: `${names.a} → ${names.b}` })).toHaveCount(1);
    await expect(hops.filter({ hasText: `${names.b} → ${names.c}` })).toHaveCount(1);
    const quiz = teacher.getByRole('region', { name: 'Quiz' });
    await expect(quiz).toBeVisible();
    await expect(quiz.locator('svg').first()).toBeVisible();
    await expect(quiz.getByRole('table').first()).toBeVisible();
    await expectNoSeriousA11yViolations(teacher, 'the debrief');
    await teacher.screenshot({ path: test.info().outputPath('debrief.png'), fullPage: true });

    // The print view: the figures still show, and the browser makes a PDF of one page or more.
    await teacher.emulateMedia({ media: 'print' });
    await expect(round1.locator('svg').first()).toBeVisible();
    await expect(round2.locator('svg').first()).toBeVisible();
    await expect(spread).toBeVisible();
    await expect(quiz).toBeVisible();
    if (browserName === 'chromium') {
      const pdf = await teacher.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pages = pdfPageCount(pdf);
      expect(pages, 'pages in the debrief PDF').toBeGreaterThanOrEqual(1);
      expect(pages, 'pages in the debrief PDF').toBeLessThanOrEqual(15);
      await test.info().attach('debrief.pdf', { body: pdf, contentType: 'application/pdf' });
    }
    await teacher.emulateMedia({ media: 'screen' });

    // The projector view: large type, and no names until the facilitator switches them on.
    const projector = teacher.getByRole('button', { name: 'Projector view' });
    await projector.click();
    await expect(projector).toHaveAttribute('aria-pressed', 'true');
    const showNames = teacher.getByRole('switch', { name: 'Show names' });
    await expect(showNames).not.toBeChecked();
    await expect(hops.first()).toContainText(/Student \d+ → Student \d+/);
    for (const name of Object.values(names)) await expect(debrief).not.toContainText(name);
    await expectNoSeriousA11yViolations(teacher, 'the debrief projector view');
    await teacher.screenshot({ path: test.info().outputPath('debrief-projector.png') });
    await showNames.click();
    await expect(showNames).toBeChecked();
    await expect(hops.filter({ hasText: `${names.a} → ${names.b}` })).toHaveCount(1);
  } finally {
    await Promise.all([teacherContext, ...phones.map((p) => p.context())].map((context) => context.close()));
  }
});
