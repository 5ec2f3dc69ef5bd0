/**
 * The simulated cast, alone in the demo session (no other browser plays a part): the censor bureau
 * decides the elite's posts, colleagues sit in the general room and answer a greeting, the bureau
 * warns after two blocked messages, the hotel guide answers the foreigner; the facilitator's cast
 * settings check their input; the censor's history names the bureau. Every cast member shown
 * carries the "Simulated" badge; each screen is axe-clean.
 *
 * Runs in the 'cast' project: its own server with the cast on and a quick bureau
 * (CAST_DELAY_SECONDS=1,2); the other projects' servers run with the cast off. Colleagues answer
 * after 2–5 s (the pack's replyDelaySeconds), so waits on the cast allow 15 s.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import type { ThreadsResponse } from '../server/protocol/api';
import {
  PERSONAS,
  PHONE,
  expectNoSeriousA11yViolations,
  expectNoSidewaysScroll,
  framePage,
  loginAs,
  openAs,
  pathIs,
  postJson,
} from './helpers';

/** How long to wait on something the cast does by itself. */
const CAST_TIMEOUT = 15_000;
const BUREAU = 'Publications Review Bureau';
const GUIDE = 'Kim Ok-sun, hotel guide';
/** The pack's reason for a complaint about supply (fixtures/default/cast.json, rule "supply"). */
const SUPPLY_REASON =
  'Complaints about supply are not published. Report shortages to your work unit through the proper channel.';

/** A tag no earlier run or retry has used, to find this test's posts and messages. */
function tag(testInfo: TestInfo): string {
  return `${Date.now().toString(36)}-${testInfo.retry}`;
}

/** The boards site shown in the in-page browser. */
function boardsSite(page: Page) {
  return page.locator('cis-boards-site');
}

/** The line of a board's thread list whose title is `title`. */
function threadLine(page: Page, title: string) {
  return boardsSite(page)
    .getByRole('list', { name: 'Threads' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

/** Fills and sends the "New thread" form of the board on screen, and waits for its answer. */
async function postThread(page: Page, title: string, body: string): Promise<void> {
  const form = boardsSite(page).getByRole('form', { name: 'New thread' });
  await form.getByLabel('Title', { exact: true }).fill(title);
  await form.getByLabel('Message', { exact: true }).fill(body);
  await form.getByRole('button', { name: 'Post thread' }).click();
  await expect(form.getByRole('status')).toHaveText('Your post is awaiting approval.');
}

/** The items of the room's message list. */
function messages(page: Page) {
  return framePage(page).getByRole('region', { name: 'Messages' }).getByRole('listitem');
}

/** Opens a chat address by deep link and waits until the room is joined. */
async function openRoom(page: Page, url: string, title: string): Promise<void> {
  await page.goto(url);
  await expect(framePage(page).getByRole('heading', { level: 3, name: title, exact: true })).toBeVisible();
  await expect(page.locator('cis-chat-room[data-live="on"]')).toHaveCount(1);
}

/** Types a message into the composer and sends it with Enter. */
async function send(page: Page, text: string): Promise<void> {
  const field = framePage(page).getByRole('textbox', { name: 'Message', exact: true });
  await field.fill(text);
  await field.press('Enter');
}

/** The room's "In this room:" line. */
function presence(page: Page) {
  return page.locator('cis-chat-room .presence');
}

test('the bureau decides the elite’s posts with nobody else here: one approved, a complaint rejected with the reason', async ({
  page,
}, testInfo) => {
  const run = tag(testInfo);
  const harmless = `Our factory team trains on Sunday (${run})`;
  const complaint = `The queues at the shop (${run})`;
  await loginAs(page, PERSONAS.elite);
  await page.goto('/portal?address=boards.intra/board/sports');
  await expect(boardsSite(page).getByRole('heading', { level: 3, name: 'Sports', exact: true })).toBeVisible();
  await expect(page.locator('cis-boards-site[data-live="on"]')).toHaveCount(1);

  await postThread(page, harmless, 'Everyone is welcome at the stadium at nine. Bring your own water.');
  await postThread(page, complaint, 'There is a shortage of cooking oil again and the queues are long every morning.');
  await expect(threadLine(page, harmless)).toContainText('Awaiting approval');
  await expect(threadLine(page, complaint)).toContainText('Awaiting approval');

  // Decided live, without a reload and without a censor: one published, the other rejected with the pack's reason.
  await expect(threadLine(page, harmless)).not.toContainText('Awaiting approval', { timeout: CAST_TIMEOUT });
  await expect(threadLine(page, harmless)).not.toContainText('Rejected');
  await expect(threadLine(page, complaint)).toContainText('Rejected', { timeout: CAST_TIMEOUT });
  await expect(threadLine(page, complaint)).toContainText(`Reason: ${SUPPLY_REASON}`);
  await expectNoSeriousA11yViolations(page, 'a board with posts decided by the bureau');

  // The thread says who decided: the bureau, marked simulated, and the placard says why.
  await threadLine(page, complaint).getByRole('link', { name: complaint, exact: true }).click();
  const opening = boardsSite(page).getByRole('article', { name: `Opening post by ${PERSONAS.elite.displayName}` });
  await expect(opening).toContainText(`Rejected by ${BUREAU}`);
  await expect(opening.locator('.decided cis-simulated-badge')).toHaveCount(1);
  await expect(opening).toContainText(`Reason: ${SUPPLY_REASON}`);
  await expect(boardsSite(page).getByRole('heading', { level: 3, name: 'Simulated people' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'a thread rejected by the bureau');

  await page.goto('/portal?address=boards.intra/board/sports');
  await threadLine(page, harmless).getByRole('link', { name: harmless, exact: true }).click();
  await expect(
    boardsSite(page).getByRole('article', { name: `Opening post by ${PERSONAS.elite.displayName}` }),
  ).toContainText(`Approved by ${BUREAU}`);
});

test('the general room has live colleagues, marked simulated, and one answers a greeting', async ({ page }) => {
  await loginAs(page, PERSONAS.elite);
  await openRoom(page, '/portal?address=chat.intra/room/general', 'General room');

  // The colleagues sit in the room: listed in presence with the badge, beside the elite.
  const here = presence(page);
  await expect(here).toContainText('Kim Yong-su');
  await expect(here).toContainText('So Hye-gyong');
  await expect(here).toContainText(PERSONAS.elite.displayName);
  await expect(here.locator('.person').filter({ hasText: 'Kim Yong-su' }).locator('cis-simulated-badge')).toHaveCount(
    1,
  );
  await expect(
    here.locator('.person').filter({ hasText: PERSONAS.elite.displayName }).locator('cis-simulated-badge'),
  ).toHaveCount(0);
  await expect(framePage(page).getByRole('heading', { level: 3, name: 'Simulated people' })).toBeVisible();

  // "Hello" draws a greeting back from one of them, marked simulated.
  await send(page, 'Hello');
  const greeting = messages(page).filter({
    hasText: /Good day, comrade\. Welcome to the general room\.|Hello! Everything here is recorded/,
  });
  await expect(greeting.first()).toBeVisible({ timeout: CAST_TIMEOUT });
  await expect(greeting.first()).toContainText(/Kim Yong-su|So Hye-gyong/);
  await expect(greeting.first().locator('cis-simulated-badge')).toHaveCount(1);
  const mine = messages(page).filter({ hasText: PERSONAS.elite.displayName }).filter({ hasText: 'Hello' });
  await expect(mine.first().locator('cis-simulated-badge')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'the general room with simulated colleagues');
});

test('two blocked messages draw the bureau’s warning, shown as text and dismissible', async ({ page }) => {
  await loginAs(page, PERSONAS.elite);
  await openRoom(page, '/portal?address=chat.intra/room/general', 'General room');
  for (const text of ['We should talk about freedom', 'Freedom, I said']) {
    await send(page, text);
    await expect(framePage(page).locator('cis-chat-room').getByRole('alert')).toHaveText(
      'Message could not be delivered.',
    );
  }
  const warning = framePage(page).locator('cis-cast-warning').getByRole('alert');
  await expect(warning).toContainText('Two of your messages had to be corrected or stopped.', {
    timeout: CAST_TIMEOUT,
  });
  await expect(warning).toContainText(BUREAU);
  await expect(warning.locator('cis-simulated-badge')).toHaveCount(1);
  await expectNoSeriousA11yViolations(page, 'the bureau’s chat warning');
  await warning.getByRole('button', { name: 'Dismiss the warning' }).click();
  await expect(framePage(page).locator('cis-cast-warning').getByRole('alert')).toHaveCount(0);
});

test('the hotel guide answers the foreigner at the help desk and keeps them from the locals', async ({ page }) => {
  await loginAs(page, PERSONAS.foreigner);
  await openRoom(page, '/foreign?address=chat.guest/room/hotel-help-desk', 'Hotel help desk');
  await expect(presence(page)).toContainText(GUIDE);
  await expect(presence(page).locator('.person').filter({ hasText: GUIDE }).locator('cis-simulated-badge')).toHaveCount(
    1,
  );

  await send(page, 'Which sights can our group visit tomorrow?');
  const fromGuide = messages(page).filter({ hasText: GUIDE });
  const sights = fromGuide.filter({ hasText: /Tower of the Bright Star|approved sights/ });
  await expect(sights.first()).toBeVisible({ timeout: CAST_TIMEOUT });
  await expect(sights.first().locator('cis-simulated-badge')).toHaveCount(1);

  await send(page, 'Can I meet local families on my own?');
  await expect(fromGuide.filter({ hasText: /that is not possible|Local people are very busy/ }).first()).toBeVisible({
    timeout: CAST_TIMEOUT,
  });
  await expectNoSeriousA11yViolations(page, 'the hotel help desk with the guide');
});

test('the facilitator sets the demo session’s cast: the delays are checked, saved and read back, on a phone too', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  try {
    await loginAs(page, PERSONAS.facilitator);
    const cast = page.getByRole('form', { name: 'Simulated cast' });
    await expect(cast).toBeVisible();
    // Alone with no censor, the bureau plays; the quick delay of this server is shown.
    await expect(cast.getByRole('status').filter({ hasText: 'The bureau is acting now' })).toHaveText(
      'The bureau is acting now: yes.',
    );
    await expect(cast.getByRole('radio', { name: /^Automatic/ })).toBeChecked();
    await expect(cast.getByLabel('Shortest (seconds)')).toHaveValue('1');
    await expect(cast.getByLabel('Longest (seconds)')).toHaveValue('2');
    await expectNoSidewaysScroll(page, 'the console with the cast settings');
    for (const control of [
      cast.locator('label.choice').first(),
      cast.getByRole('button', { name: 'Save the cast settings' }),
    ]) {
      const box = await control.boundingBox();
      expect(box?.height ?? 0, 'touch target height').toBeGreaterThanOrEqual(44);
    }

    // A longest delay under the shortest is refused before it is sent, beside the field.
    await cast.getByLabel('Shortest (seconds)').fill('5');
    await cast.getByLabel('Longest (seconds)').fill('3');
    await cast.getByRole('button', { name: 'Save the cast settings' }).click();
    await expect(cast.getByText('The longest delay cannot be shorter than the shortest.')).toBeVisible();
    await expect(cast.getByLabel('Longest (seconds)')).toHaveAttribute('aria-invalid', 'true');
    await expect(cast.getByLabel('Longest (seconds)')).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'the cast settings with an error');

    // Fixed and saved (the guide switched off and on again by keyboard): read back as sent.
    await cast.getByLabel('Longest (seconds)').fill('2');
    await cast.getByLabel('Shortest (seconds)').fill('1');
    const guide = cast.getByRole('checkbox', { name: /hotel guide/ });
    await guide.focus();
    await page.keyboard.press('Space');
    await expect(guide).not.toBeChecked();
    await cast.getByRole('button', { name: 'Save the cast settings' }).click();
    await expect(cast.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    const saved = await page.request.get('/api/sessions/demo/cast');
    expect(saved.status()).toBe(200);
    expect(((await saved.json()) as { cast: { guide: boolean; delaySeconds: number[] } }).cast).toMatchObject({
      guide: false,
      delaySeconds: [1, 2],
    });
    await guide.check();
    await cast.getByRole('button', { name: 'Save the cast settings' }).click();
    await expect(cast.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await expect(guide).toBeChecked();
    await expectNoSidewaysScroll(page, 'the console after saving the cast');
  } finally {
    await context.close();
  }
});

test('the censor’s history names the bureau as simulated, and the placard says why', async ({ browser }, testInfo) => {
  // An elite's post the bureau decides first (while no censor is online: one online stands the bureau down).
  const title = `Volleyball on the riverside (${tag(testInfo)})`;
  const elite = await openAs(browser, PERSONAS.elite);
  try {
    const posted = await postJson(elite, '/api/boards/sports/threads', {
      title,
      body: 'The riverside court is free on Saturday afternoon. All teams welcome.',
    });
    expect(posted.status(), 'POST /api/boards/sports/threads').toBe(201);
    await expect
      .poll(
        async () => {
          const threads = (await (await elite.request.get('/api/boards/sports/threads')).json()) as ThreadsResponse;
          return threads.threads.find((t) => t.title === title)?.status;
        },
        { timeout: CAST_TIMEOUT },
      )
      .toBe('approved');
  } finally {
    await elite.context().close();
  }

  const censor = await openAs(browser, PERSONAS.censor);
  try {
    await censor.goto('/moderation');
    await expect(censor).toHaveURL(pathIs('/moderation'));
    const row = censor.getByRole('region', { name: 'Decisions' }).getByRole('row').filter({ hasText: title });
    await expect(row).toContainText('Approved');
    await expect(row).toContainText(BUREAU);
    await expect(row.locator('cis-simulated-badge')).toHaveCount(1);
    await expect(censor.getByRole('heading', { level: 3, name: 'Simulated people' })).toBeVisible();
    await expectNoSeriousA11yViolations(censor, 'the moderation history with the bureau’s decisions');
  } finally {
    await censor.context().close();
  }
});
