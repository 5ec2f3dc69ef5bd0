/**
 * Monitored chat, in three browser contexts (two people and a censor): live delivery, a
 * filtered word that is never delivered but shows in the censor's monitor, a rewritten word
 * with the sender's warning, mute and room closure live, and a revoked user dropped to the
 * login screen. Runs in the 'isolated' project (its own server), because it mutes, closes
 * and revokes. axe-clean chat view and monitor; both are photographed for review.
 */
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { PERSONAS, expectNoSeriousA11yViolations, framePage, loginAs, openAs, pathIs, postJson } from './helpers';

const ELITE = PERSONAS.elite.displayName;
const SCIENTIST = PERSONAS.scientist.displayName;

/** A tag no earlier run or retry has used, to find this test's messages. */
function tag(testInfo: TestInfo): string {
  return `${Date.now().toString(36)}-${testInfo.retry}`;
}

/** The room (or conversation) shown in the in-page browser. */
function chatRoom(page: Page) {
  return page.locator('cis-chat-room');
}

/** The items of the room's message list. */
function messages(page: Page) {
  return framePage(page).getByRole('region', { name: 'Messages' }).getByRole('listitem');
}

/** Opens a chat address by deep link (through the in-page browser) and waits until the room is joined. */
async function openRoom(page: Page, address: string, title: string): Promise<void> {
  await page.goto(`/portal?address=${address}`);
  await expect(framePage(page).getByRole('heading', { level: 3, name: title, exact: true })).toBeVisible();
  await expect(page.locator('cis-chat-room[data-live="on"]')).toHaveCount(1);
}

/** Types a message into the composer and sends it with Enter. */
async function send(page: Page, text: string): Promise<void> {
  const field = framePage(page).getByRole('textbox', { name: 'Message', exact: true });
  await field.fill(text);
  await field.press('Enter');
}

/** Opens the censor's chat monitor from the top bar's nav. */
async function openMonitor(censor: Page): Promise<void> {
  await censor.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Chat monitor' }).click();
  await expect(censor).toHaveURL(pathIs('/monitor'));
  await expect(censor.getByRole('heading', { level: 1, name: 'Chat monitor' })).toBeVisible();
  await expect(censor.getByRole('heading', { level: 2, name: 'People' })).toBeVisible();
  await expect(censor.locator('cis-monitor-page[data-live="on"]')).toHaveCount(1);
}

/** The monitor's row for the message containing `text`. */
function monitorRow(censor: Page, text: string) {
  return censor.getByRole('region', { name: 'Monitored messages' }).getByRole('row').filter({ hasText: text });
}

/** Marks the document, so a reload or navigation can be detected. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
}

async function sameDocument(page: Page): Promise<boolean | undefined> {
  return page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument);
}

/** An elite and a scientist in the lab chat, and a censor on the monitor. */
async function threeContexts(browser: Browser): Promise<{ elite: Page; scientist: Page; censor: Page }> {
  const [elite, scientist, censor] = await Promise.all([
    openAs(browser, PERSONAS.elite),
    openAs(browser, PERSONAS.scientist),
    openAs(browser, PERSONAS.censor),
  ]);
  await Promise.all([
    openRoom(elite, 'chat.intra/room/lab', 'Laboratory chat'),
    openRoom(scientist, 'chat.intra/room/lab', 'Laboratory chat'),
    openMonitor(censor),
  ]);
  return { elite, scientist, censor };
}

async function closeAll(...pages: Page[]): Promise<void> {
  await Promise.all(pages.map((page) => page.context().close()));
}

test('two people chat live in a room they reached through the directory', async ({ browser }, testInfo) => {
  const elite = await openAs(browser, PERSONAS.elite);
  const scientist = await openAs(browser, PERSONAS.scientist);
  try {
    // The elite goes portal → Chat → Laboratory chat; each page opens through the in-page browser.
    await elite.getByRole('button', { name: 'Chat', exact: true }).click();
    await expect(framePage(elite).getByRole('heading', { level: 3, name: 'Rooms', exact: true })).toBeVisible();
    await expect(framePage(elite).getByRole('link', { name: SCIENTIST, exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(elite, 'the chat room list');
    await framePage(elite).getByRole('link', { name: 'Laboratory chat', exact: true }).click();
    await expect(elite).toHaveURL(/\?address=chat\.intra\/room\/lab$/);
    await expect(elite.locator('cis-chat-room[data-live="on"]')).toHaveCount(1);
    await openRoom(scientist, 'chat.intra/room/lab', 'Laboratory chat');

    // Presence: both are in the room, by real name.
    for (const page of [elite, scientist]) {
      await expect(chatRoom(page).locator('.presence')).toContainText(ELITE);
      await expect(chatRoom(page).locator('.presence')).toContainText(SCIENTIST);
    }
    await markDocument(elite);
    await markDocument(scientist);

    const hello = `Samples from batch 7 are ready ${tag(testInfo)}`;
    await send(scientist, hello);
    await expect(messages(scientist).filter({ hasText: hello })).not.toContainText('Sending…');
    const arrived = messages(elite).filter({ hasText: hello });
    await expect(arrived).toContainText(SCIENTIST);
    await expect(arrived).toContainText('(scientist)');

    const reply = `Bring them to the council at noon ${tag(testInfo)}`;
    await framePage(elite).getByRole('textbox', { name: 'Message', exact: true }).fill(reply);
    await framePage(elite).getByRole('button', { name: 'Send', exact: true }).click();
    await expect(messages(scientist).filter({ hasText: reply })).toContainText(ELITE);
    expect(await sameDocument(elite)).toBe(true);
    expect(await sameDocument(scientist)).toBe(true);

    await expectNoSeriousA11yViolations(elite, 'the chat room');
    const path = testInfo.outputPath('chat-room.png');
    await elite.screenshot({ path, fullPage: true });
    await testInfo.attach('chat room', { path, contentType: 'image/png' });
  } finally {
    await closeAll(elite, scientist);
  }
});

test('a filtered word is not delivered, and the censor’s monitor shows it with the term', async ({
  browser,
}, testInfo) => {
  const { elite, scientist, censor } = await threeContexts(browser);
  try {
    const banned = `We should talk about fr33dom ${tag(testInfo)}`;
    await send(scientist, banned);
    await expect(framePage(scientist).getByRole('alert')).toHaveText('Message could not be delivered.');
    await expect(messages(scientist).filter({ hasText: banned })).toContainText('Not sent');

    const row = monitorRow(censor, banned);
    await expect(row).toContainText('Not delivered — filtered: freedom');
    await expect(row).toContainText(SCIENTIST);
    await expect(row).toContainText('Laboratory chat');

    // A later message reaches the elite, the filtered one never does.
    const later = `Samples are in the cold room ${tag(testInfo)}`;
    await send(scientist, later);
    await expect(messages(elite).filter({ hasText: later })).toHaveCount(1);
    await expect(framePage(elite).getByText(banned)).toHaveCount(0);
    await expect(monitorRow(censor, later)).toContainText('Delivered');

    await expectNoSeriousA11yViolations(censor, 'the chat monitor');
    const path = testInfo.outputPath('chat-monitor.png');
    await censor.screenshot({ path, fullPage: true });
    await testInfo.attach('chat monitor', { path, contentType: 'image/png' });
  } finally {
    await closeAll(elite, scientist, censor);
  }
});

test('a substituted word arrives rewritten, and the sender sees the warning', async ({ browser }, testInfo) => {
  const { elite, scientist, censor } = await threeContexts(browser);
  try {
    const id = tag(testInfo);
    await send(scientist, `See you after the seminar, oppa ${id}`);
    const rewritten = `See you after the seminar, comrade ${id}`;
    await expect(messages(elite).filter({ hasText: rewritten })).toHaveCount(1);
    await expect(messages(elite).filter({ hasText: `oppa ${id}` })).toHaveCount(0);

    await expect(
      framePage(scientist).getByRole('status').filter({ hasText: 'Your message was corrected' }),
    ).toBeVisible();
    await expect(messages(scientist).filter({ hasText: rewritten })).toContainText('Corrected by the network');
    await expect(monitorRow(censor, `oppa ${id}`)).toContainText('Rewritten: oppa → comrade');
  } finally {
    await closeAll(elite, scientist, censor);
  }
});

test('muting and closing a room disable the composer live, and undoing it enables it again', async ({ browser }) => {
  const { elite, scientist, censor } = await threeContexts(browser);
  const composer = (page: Page) => framePage(page).getByRole('textbox', { name: 'Message', exact: true });
  try {
    await censor.getByRole('button', { name: `Mute ${SCIENTIST}`, exact: true }).click();
    await expect(censor.getByRole('status').filter({ hasText: `Muted ${SCIENTIST}.` })).toBeVisible();
    await expect(
      framePage(scientist).getByText('You have been muted: you can read but not send.').first(),
    ).toBeVisible();
    await expect(composer(scientist)).toBeDisabled();
    await expect(composer(elite)).toBeEnabled();
    await censor.getByRole('button', { name: `Unmute ${SCIENTIST}`, exact: true }).click();
    await expect(composer(scientist)).toBeEnabled();

    await censor.getByRole('button', { name: 'Close Laboratory chat', exact: true }).click();
    for (const page of [elite, scientist]) {
      await expect(framePage(page).getByText('This room has been closed.').first()).toBeVisible();
      await expect(composer(page)).toBeDisabled();
    }
    await censor.getByRole('button', { name: 'Reopen Laboratory chat', exact: true }).click();
    for (const page of [elite, scientist]) await expect(composer(page)).toBeEnabled();
  } finally {
    // Leave the shared state as the other tests expect it, whatever happened above.
    await postJson(censor, '/api/users/scientist/mute', { muted: false });
    await postJson(censor, '/api/chat/rooms/lab/close', { closed: false });
    await closeAll(elite, scientist, censor);
  }
});

test('the censor revokes a user, whose open page drops to the login screen; then restores them', async ({
  browser,
}) => {
  const { elite, scientist, censor } = await threeContexts(browser);
  try {
    await markDocument(scientist);
    await censor.getByRole('button', { name: `Revoke ${SCIENTIST}`, exact: true }).click();
    // A second, keyboard-reachable step: the confirm button has focus.
    const confirm = censor.getByRole('button', { name: `Confirm revoke ${SCIENTIST}`, exact: true });
    await expect(confirm).toBeFocused();
    await censor.keyboard.press('Enter');
    await expect(censor.getByRole('status').filter({ hasText: `Revoked ${SCIENTIST}` })).toBeVisible();

    await expect(scientist).toHaveURL(pathIs('/login'));
    await expect(scientist.getByRole('status').filter({ hasText: 'Your access has been withdrawn.' })).toBeVisible();
    expect(await sameDocument(scientist), 'dropped without a reload').toBe(true);
    expect((await scientist.request.get('/api/me')).status()).toBe(401);

    await censor.getByRole('button', { name: `Restore ${SCIENTIST}`, exact: true }).click();
    await expect(censor.getByRole('status').filter({ hasText: `Restored ${SCIENTIST}` })).toBeVisible();
    await loginAs(scientist, PERSONAS.scientist);
  } finally {
    await postJson(censor, '/api/users/scientist/revoke', { revoked: false });
    await closeAll(elite, scientist, censor);
  }
});
