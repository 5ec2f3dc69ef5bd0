/**
 * A class session end to end: the facilitator creates a session and shows it on the projector;
 * three students join on phones (two by typing the code, one by the QR code's address), roles
 * are given by a preset and by hand, the round starts, each student sees their role card and
 * their role's home, the class is paused, and one student is removed.
 */
import { expect, test, type Page } from '@playwright/test';
import type { SessionsResponse } from '../server/protocol/api';
import {
  expectNoSeriousA11yViolations,
  expectNoSidewaysScroll,
  loginAs,
  pathIs,
  PERSONAS,
  phone,
  trailRows,
} from './helpers';

/** Joins from the join page already open on `page` (typing the code unless the address carried it). */
async function join(page: Page, name: string, code?: string): Promise<void> {
  if (code) await page.getByLabel('Class code', { exact: true }).fill(code);
  await page.getByLabel('Your name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page).toHaveURL(pathIs('/lobby'));
  await expect(page.getByRole('heading', { level: 1, name: 'Waiting for your teacher' })).toBeVisible();
}

/** The role card dialog on a student's page. */
function roleCard(page: Page) {
  return page.getByRole('dialog', { name: /./ }).filter({ hasText: 'Your role card' });
}

/** The facilitator's roster row of `name`. */
function rosterRow(page: Page, name: string) {
  return page
    .getByRole('region', { name: 'Roster' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

test('a class: create, project, join, roles, round, pause, remove', async ({ browser }) => {
  // Four browser contexts and five axe runs: slow on a busy two-core machine.
  test.setTimeout(240_000);
  const sessionName = `Class ${Date.now().toString(36)}`;
  const students = { typed: 'Min-ji Kim', qr: 'Tomas Berg', third: 'Aroha Ngata' };

  // The facilitator lands on the console and creates a session.
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  const phones: Page[] = [];
  try {
    await loginAs(teacher, PERSONAS.facilitator);
    await expect(teacher.getByRole('heading', { level: 1, name: 'Facilitator console' })).toBeVisible();
    // The old overview address still leads here.
    await teacher.goto('/overview');
    await expect(teacher).toHaveURL(pathIs('/console'));
    await teacher.getByLabel('Name', { exact: true }).fill(sessionName);
    await teacher.getByRole('button', { name: 'Create session', exact: true }).click();
    await expect(teacher.getByRole('heading', { level: 2, name: sessionName, exact: true })).toBeVisible();
    const list = (await (await teacher.request.get('/api/sessions')).json()) as SessionsResponse;
    const session = list.sessions.find((s) => s.name === sessionName);
    expect(session, 'the new session is listed').toBeDefined();
    const code = session!.code;
    expect(code).toMatch(/^\d{6}$/);
    await expect(teacher.getByText(code, { exact: true }).first()).toBeVisible();

    // The projector view: the code, the join address and the QR code, and nobody's name.
    const projector = await teacherContext.newPage();
    await projector.goto(`/present/${code}`);
    await expect(projector.getByRole('heading', { level: 1, name: `Join ${sessionName}` })).toBeVisible();
    await expect(projector.getByText(code, { exact: true })).toBeVisible();
    await expect(projector.getByText(`/join/${code}`)).toBeVisible();
    const qr = projector.getByRole('img', { name: /^QR code for / });
    await expect(qr).toBeVisible();
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(projector.getByRole('status').filter({ hasText: 'students joined' })).toHaveText('0 students joined');
    await expectNoSeriousA11yViolations(projector, 'the projector view');
    await projector.screenshot({ path: test.info().outputPath('projector.png') });

    // Three students on phones: two type the code, one opens the QR code's address.
    const typed = await phone(browser);
    const byQr = await phone(browser);
    const third = await phone(browser);
    phones.push(typed, byQr, third);

    await typed.goto('/join');
    await expect(typed.getByRole('heading', { level: 1, name: 'Join your class' })).toBeVisible();
    // A wrong code is refused with its own message.
    await typed.getByLabel('Class code', { exact: true }).fill(code === '000000' ? '111111' : '000000');
    await typed.getByLabel('Your name', { exact: true }).fill(students.typed);
    await typed.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(typed.getByRole('alert')).toContainText('There is no class with this code');
    await expectNoSeriousA11yViolations(typed, 'the join page');
    await expectNoSidewaysScroll(typed, 'the join page');
    await join(typed, students.typed, code);
    await expectNoSeriousA11yViolations(typed, 'the lobby');
    await typed.screenshot({ path: test.info().outputPath('lobby.png') });
    await expectNoSidewaysScroll(typed, 'the lobby');

    await byQr.goto(`/join/${code}`);
    await expect(byQr.getByLabel('Class code', { exact: true })).toHaveCount(0);
    await expect(byQr.getByText(code, { exact: true })).toBeVisible();
    await byQr.screenshot({ path: test.info().outputPath('join-qr.png') });
    await expectNoSidewaysScroll(byQr, 'the join page opened from the QR code');
    await join(byQr, students.qr);

    await third.goto('/join');
    await join(third, students.third, code);

    // The projector counts them, live; the console lists them, online.
    await expect(projector.getByRole('status').filter({ hasText: 'students joined' })).toHaveText('3 students joined');
    for (const name of Object.values(students)) {
      await expect(projector.getByText(name)).toHaveCount(0);
      await expect(rosterRow(teacher, name)).toContainText('online');
    }

    // The console's live trail is this session's: the three joins are in it.
    await expect(trailRows(teacher, { kind: 'seat_joined' })).toHaveCount(3);

    // Roles by the realistic preset, then by hand.
    await teacher.getByRole('button', { name: 'Realistic', exact: true }).click();
    await expect(teacher.getByRole('status').filter({ hasText: 'Roles given' })).toBeVisible();
    for (const name of Object.values(students)) {
      await expect(teacher.getByLabel(`Role of ${name}`, { exact: true })).not.toHaveValue('');
    }
    const byHand = { [students.typed]: 'elite', [students.qr]: 'citizen', [students.third]: 'foreigner' } as const;
    for (const [name, role] of Object.entries(byHand)) {
      await teacher.getByLabel(`Role of ${name}`, { exact: true }).selectOption(role);
      await expect(teacher.getByLabel(`Role of ${name}`, { exact: true })).toHaveValue(role);
    }

    // The round starts (closed mode), with the inspection set on a timer: a bad delay is refused
    // on the spot and focused, a good one is listed with the time it fires.
    const inspectionMinutes = teacher.getByLabel('Inspection', { exact: true });
    await inspectionMinutes.fill('200');
    await teacher.getByRole('button', { name: 'Start round 1', exact: true }).click();
    await expect(teacher.getByRole('alert').filter({ hasText: 'whole minutes from 1 to 90' })).toBeVisible();
    await expect(inspectionMinutes).toBeFocused();
    await expect(teacher.getByText(/No round running/)).toBeVisible();
    await inspectionMinutes.fill('30');
    await teacher.getByRole('button', { name: 'Start round 1', exact: true }).click();
    await expect(teacher.getByText(/Round 1 running since/)).toBeVisible();
    await expect(teacher.getByRole('listitem').filter({ hasText: /^\s*Inspection: fires at \d/ })).toBeVisible();
    await expect(inspectionMinutes).toHaveValue('');

    // Each student sees their role card, then their role's home.
    const homes = [
      { page: typed, name: students.typed, role: 'Elite', path: '/portal' },
      { page: byQr, name: students.qr, role: 'Citizen', path: '/denied' },
      { page: third, name: students.third, role: 'Foreign guest', path: '/foreign' },
    ];
    for (const { page, name, role, path } of homes) {
      await expect(page).toHaveURL(pathIs(path));
      const card = roleCard(page);
      await expect(card).toBeVisible();
      await expect(card.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
      await expect(card).toContainText(role);
      await expect(card).toContainText('You may not');
      if (page === typed) {
        await expectNoSeriousA11yViolations(page, 'the role card');
        await page.screenshot({ path: test.info().outputPath('role-card.png') });
      }
      await card.getByRole('button', { name: 'Got it', exact: true }).click();
      await expect(card).toHaveCount(0);
    }
    await expect(typed.getByRole('textbox', { name: 'Address' })).toHaveValue('portal.intra');
    await expect(
      byQr.getByRole('heading', { level: 1, name: 'This terminal is not authorised for the national network' }),
    ).toBeVisible();
    await expect(third.getByRole('heading', { level: 1, name: "Foreigners' network" })).toBeVisible();
    // The card opens again from the top bar.
    await typed.getByRole('button', { name: 'Role card', exact: true }).click();
    await expect(roleCard(typed)).toBeVisible();
    await roleCard(typed).getByRole('button', { name: 'Got it', exact: true }).click();
    await expectNoSeriousA11yViolations(teacher, 'the console with a running round');

    // Pause: every student sees it, and their screen takes no input meanwhile.
    await teacher.getByRole('button', { name: 'Pause', exact: true }).click();
    for (const page of phones) {
      await expect(page.getByRole('alertdialog', { name: 'Paused by your teacher' })).toBeVisible();
    }
    await teacher.getByRole('button', { name: 'Resume', exact: true }).click();
    for (const page of phones) {
      await expect(page.getByRole('alertdialog', { name: 'Paused by your teacher' })).toHaveCount(0);
    }

    // One student is removed (after a confirmation) and lands on the "removed" screen.
    teacher.once('dialog', (dialog) => void dialog.accept());
    await teacher.getByRole('button', { name: `Remove ${students.third}`, exact: true }).click();
    await expect(third.getByRole('heading', { level: 1, name: 'You were removed from this class' })).toBeVisible();
    await expect(rosterRow(teacher, students.third)).toHaveCount(0);
    expect((await third.request.get('/api/me')).status()).toBe(401);
    // The others keep their seats.
    await expect(typed.getByRole('textbox', { name: 'Address' })).toBeVisible();

    // Ending the session shows the others the end screen; deleting it empties the console.
    teacher.once('dialog', (dialog) => void dialog.accept());
    await teacher.getByRole('button', { name: 'End session', exact: true }).click();
    for (const page of [typed, byQr]) {
      await expect(page.getByRole('heading', { level: 1, name: 'The class has ended' })).toBeVisible();
    }
    teacher.once('dialog', (dialog) => void dialog.accept());
    await teacher.getByRole('button', { name: 'Delete session', exact: true }).click();
    await expect(teacher.getByRole('heading', { level: 2, name: sessionName, exact: true })).toHaveCount(0);
    expect((await teacher.request.get(`/api/sessions/${session!.id}`)).status()).toBe(404);
  } finally {
    await Promise.all([teacherContext, ...phones.map((p) => p.context())].map((c) => c.close()));
  }
});
