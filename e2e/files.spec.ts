/**
 * Smuggled files end to end: the facilitator drops a USB stick with a foreign film to a citizen who
 * owns a Notel; the citizen plays it, then hands it in person to an elite, whose state terminal
 * refuses the unsigned file; the facilitator calls an inspection; the censor inspects the elite's
 * device, finds the copy and traces it back to the citizen, the first holder.
 */
import { expect, test, type Page } from '@playwright/test';
import type { FilesResponse, SessionDetail, SessionsResponse } from '../server/protocol/api';
import {
  dismissRoleCard,
  expectNoSeriousA11yViolations,
  expectNoSidewaysScroll,
  joinClass,
  loginAs,
  openAddress,
  pathIs,
  PERSONAS,
  phone,
  postJson,
  trailRows,
  screenLink,
} from './helpers';

/** The film of the default pack's files (unsigned). */
const FILM = /^The Harbour Lights/;

/** The device panel (a dialog opened from the top bar). */
function devicePanel(page: Page) {
  return page.getByRole('dialog', { name: /./ }).filter({ has: page.locator('#device-heading') });
}

async function openDevice(page: Page) {
  await page.getByRole('button', { name: 'Your device', exact: true }).click();
  const panel = devicePanel(page);
  await expect(panel.getByRole('heading', { level: 2, name: 'Your device' })).toBeVisible();
  return panel;
}

/** Names a student in a field that is a select of classmates, or (with no class list) their seat id. */
async function chooseStudent(page: Page, label: string, name: string, playerId: string): Promise<void> {
  const select = page.getByRole('combobox', { name: label, exact: true });
  const text = page.getByRole('textbox', { name: label, exact: true });
  await expect(select.or(text)).toBeVisible();
  if ((await select.count()) > 0) await select.selectOption({ label: name });
  else await text.fill(playerId);
}

test('a smuggled film: dropped, played on a Notel, refused by a terminal, inspected and traced', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const names = { citizen: 'Min-ji Kim', elite: 'Jae-ho Lee', censor: 'Su-bin Park' };
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  const phones: Page[] = [];
  try {
    await loginAs(teacher, PERSONAS.facilitator);
    const sessionName = `Files ${Date.now().toString(36)}`;
    await teacher.getByLabel('Name', { exact: true }).fill(sessionName);
    await teacher.getByRole('button', { name: 'Create session', exact: true }).click();
    await expect(teacher.getByRole('heading', { level: 2, name: sessionName, exact: true })).toBeVisible();
    const list = (await (await teacher.request.get('/api/sessions')).json()) as SessionsResponse;
    const session = list.sessions.find((s) => s.name === sessionName)!;

    const citizen = await phone(browser);
    const elite = await phone(browser);
    const censor = await phone(browser);
    phones.push(citizen, elite, censor);
    await joinClass(citizen, session.code, names.citizen);
    await joinClass(elite, session.code, names.elite);
    await joinClass(censor, session.code, names.censor);

    // Roles in one go (the pack gives the first citizen seat a Notel when roles are first given).
    const detail = (await (await teacher.request.get(`/api/sessions/${session.id}`)).json()) as SessionDetail;
    const id = (name: string) => detail.players.find((p) => p.name === name)!.id;
    const roles = await postJson(teacher, `/api/sessions/${session.id}/roles`, {
      assignments: [
        { playerId: id(names.citizen), role: 'citizen' },
        { playerId: id(names.elite), role: 'elite' },
        { playerId: id(names.censor), role: 'censor' },
      ],
    });
    expect(roles.status()).toBe(200);
    await teacher.getByRole('button', { name: 'Start round 1', exact: true }).click();
    await expect(teacher.getByText(/Round 1 running since/)).toBeVisible();
    for (const page of phones) await dismissRoleCard(page);
    await expect(citizen).toHaveURL(pathIs('/denied'));
    const device = async (page: Page) => (await (await page.request.get('/api/files')).json()) as FilesResponse;
    expect((await device(citizen)).notel, 'the citizen owns a Notel').toBe(true);
    expect((await device(elite)).notel, 'the elite has only a state terminal').toBe(false);

    // The facilitator drops a stick with the film to the citizen, from the console.
    await teacher.getByLabel('File on the stick', { exact: true }).selectOption({ value: 'harbour-film' });
    await teacher.getByRole('group', { name: 'Drop it to' }).getByLabel(names.citizen, { exact: true }).check();
    await teacher.getByRole('button', { name: 'Drop the stick', exact: true }).click();
    await expect(teacher.getByRole('status').filter({ hasText: 'was dropped to 1 student' })).toBeVisible();

    // The citizen hears of it, opens the device from the denied screen, and plays the film on the Notel.
    await expect(citizen.getByRole('status').filter({ hasText: 'You received a USB stick' })).toBeAttached();
    let panel = await openDevice(citizen);
    await expect(panel.getByText(FILM)).toBeVisible();
    await expect(panel.getByText('Not signed', { exact: true })).toBeVisible();
    await expect(panel.getByText(/^marks: \d+$/)).toBeVisible();
    await expectNoSeriousA11yViolations(citizen, 'the device panel');
    await expectNoSidewaysScroll(citizen, 'the device panel');
    await citizen.screenshot({ path: test.info().outputPath('device.png') });
    await panel.getByRole('button', { name: /^Open The Harbour Lights/ }).click();
    const notel = panel.getByRole('region', { name: 'Notel player' });
    await expect(notel).toBeVisible();
    await expect(notel.getByRole('heading', { level: 3, name: FILM })).toBeVisible();
    await expect(notel).toContainText('fictional');
    await expectNoSeriousA11yViolations(citizen, 'the Notel');
    await citizen.screenshot({ path: test.info().outputPath('notel.png') });

    // She hands it in person to the elite.
    await panel.getByRole('button', { name: 'Back to your device', exact: true }).click();
    await panel.getByRole('button', { name: /^Hand over The Harbour Lights/ }).click();
    await chooseStudent(citizen, 'Hand it to', names.elite, id(names.elite));
    await panel.getByRole('button', { name: 'Hand over', exact: true }).click();
    await expect(panel.getByRole('status').filter({ hasText: `to ${names.elite}` })).toBeVisible();
    await expect(panel.getByText('No files on your device.')).toBeVisible();

    // The elite's state terminal refuses the unsigned file.
    await expect(elite.getByRole('status').filter({ hasText: 'You received a USB stick' })).toBeAttached();
    panel = await openDevice(elite);
    await panel.getByRole('button', { name: /^Open The Harbour Lights/ }).click();
    await expect(panel.getByRole('alert')).toHaveText('This file is not signed by the state and cannot be opened');
    await expect(panel.getByRole('region', { name: 'Notel player' })).toHaveCount(0);

    // Before any inspection the censor's tool is refused (the server decides).
    await censor.getByRole('button', { name: 'Inspect a device', exact: true }).click();
    const tool = censor.getByRole('dialog', { name: 'Inspect a device' });
    await chooseStudent(censor, 'Whose device', names.elite, id(names.elite));
    await tool.getByRole('button', { name: 'Inspect', exact: true }).click();
    await expect(tool.getByRole('alert')).toContainText('No inspection is running');
    await tool.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(tool).toHaveCount(0);

    // The facilitator calls the inspection; the censor inspects the elite's device and traces the copy.
    await teacher.getByRole('button', { name: 'Inspection', exact: true }).click();
    await expect(teacher.getByRole('status').filter({ hasText: 'Event fired: Inspection' })).toBeVisible();
    // The censor's screens say so; the tool opens over any of them.
    await expect(censor.getByRole('status').filter({ hasText: 'Your teacher called an inspection' })).toBeVisible();
    await censor.getByRole('button', { name: 'Inspect a device', exact: true }).click();
    await expect(tool).toBeVisible();
    await chooseStudent(censor, 'Whose device', names.elite, id(names.elite));
    await tool.getByRole('button', { name: 'Inspect', exact: true }).click();
    await expect(tool.getByRole('heading', { level: 3, name: `The device of ${names.elite}` })).toBeVisible();
    await expect(censor.getByText('No Notel on this device.')).toBeVisible();
    await censor.getByRole('button', { name: /^Trace The Harbour Lights/ }).click();
    const chain = censor.getByRole('region', { name: /^Chain of custody/ }).getByRole('listitem');
    await expect(chain.first()).toContainText(`${names.citizen} (first holder)`);
    await expect(chain.filter({ hasText: `${names.citizen} → ${names.elite}` })).toHaveCount(1);
    await expect(chain.last()).toContainText(names.elite);
    await expectNoSeriousA11yViolations(censor, 'the trace view');
    await censor.screenshot({ path: test.info().outputPath('trace.png') });

    // The outcome is the censor's choice, confirmed, and recorded.
    await censor.getByRole('radio', { name: 'Warning', exact: true }).check();
    censor.once('dialog', (dialog) => void dialog.accept());
    await censor.getByRole('button', { name: 'Record the outcome', exact: true }).click();
    await expect(censor.getByRole('status').filter({ hasText: `Recorded for ${names.elite}: Warning.` })).toBeVisible();

    // Every step is in the session's trail, as the facilitator's console shows it live.
    for (const kind of [
      'file_dropped',
      'file_opened',
      'file_handed_over',
      'file_refused',
      'device_inspected',
    ] as const) {
      await expect(trailRows(teacher, { kind }), kind).not.toHaveCount(0);
    }
    await expect(trailRows(teacher, { kind: 'file_traced' })).toHaveCount(1);
    await expect(trailRows(teacher, { kind: 'inspection_outcome' })).toHaveCount(1);

    // Each student's own device kept its own part of the story, and nothing of the others'.
    const records: [Page, string[], string[]][] = [
      [citizen, ['File received on a stick', 'File opened', 'File handed over'], ['File refused: not signed']],
      [elite, ['File handed over', 'File refused: not signed', 'Device inspected'], ['File opened', 'File traced']],
      [censor, ['Device inspected', 'File traced', 'Inspection outcome'], ['File opened', 'File refused: not signed']],
    ];
    for (const [page, present, absent] of records) {
      await page.keyboard.press('Escape'); // any open dialog closes first
      await (await screenLink(page, 'What your device recorded')).click();
      await expect(page).toHaveURL(pathIs('/record'));
      const list = page.getByRole('list', { name: 'Records, newest first' }).getByRole('listitem');
      for (const label of present) await expect(list.filter({ hasText: label }).first(), label).toBeVisible();
      for (const label of absent) await expect(list.filter({ hasText: label }), label).toHaveCount(0);
    }
  } finally {
    for (const page of phones) await page.context().close();
    await teacherContext.close();
  }
});

test('the demo session: the explorer finds a stick on the page it was left by', async ({ page }) => {
  await loginAs(page, PERSONAS.scientist);
  const device = async () => (await (await page.request.get('/api/files')).json()) as FilesResponse;
  const before = await device();
  // Elsewhere the panel only passes on the rumour; on the named site's page it lets you look.
  const panel = await openDevice(page);
  if (before.find) {
    await expect(panel.getByText(/Rumour has it/)).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Look for a USB stick', exact: true })).toHaveCount(0);
  }
  await panel.getByRole('button', { name: 'Close', exact: true }).click();
  await openAddress(page, 'scitech.intra');
  await expect(page).toHaveURL(/address=scitech\.intra/);
  await openDevice(page);
  // Found once only: a retry finds it already on the device.
  if (before.find) await panel.getByRole('button', { name: 'Look for a USB stick', exact: true }).click();
  await expect(panel.getByText(/^Encyclopedia extract: /)).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Look for a USB stick', exact: true })).toHaveCount(0);
  expect((await device()).find).toBeUndefined();
});
