/**
 * "What your device recorded" in real Chromium: two people each open their own record from the top
 * bar and see what they did and nothing of the other; a citizen with no network has one too; a
 * logout first shows the end-of-visit summary ("This terminal kept N records about you"); a site
 * the role is not cleared for is listed as locked and its wall names clearance; a foreigner typing
 * a domestic address is told about the foreigners' network. Each screen is axe-clean and fits a
 * 390 px phone without sideways scrolling.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  expectNoSeriousA11yViolations,
  expectNoSidewaysScroll,
  framePage,
  loginAs,
  clickLogout,
  openAddress,
  pathIs,
  PERSONAS,
  PHONE,
  type Persona,
  screenLink,
} from './helpers';

/** A persona in its own context, on a phone-sized screen when asked. */
async function pageAs(browser: Browser, who: Persona, phone = false): Promise<Page> {
  const context = await browser.newContext(phone ? { viewport: PHONE, hasTouch: true, isMobile: true } : {});
  const page = await context.newPage();
  await loginAs(page, who);
  return page;
}

/** Opens the record from the top bar's link, as anyone can. */
async function openRecord(page: Page): Promise<void> {
  await (await screenLink(page, 'What your device recorded')).click();
  await expect(page).toHaveURL(pathIs('/record'));
  await expect(page.getByRole('heading', { level: 1, name: 'What your device recorded' })).toBeVisible();
  await expect(page.getByText(/This terminal kept \d+ records? about you\./)).toBeVisible();
}

/** The list of the record's entries. */
function entries(page: Page) {
  return page.getByRole('list', { name: 'Records, newest first' }).getByRole('listitem');
}

test('two people each read their own record, and nothing of the other’s', async ({ browser }) => {
  const mark = Date.now().toString(36);
  const scientistMark = `sci-${mark}.example`;
  const academicMark = `aca-${mark}.example`;
  const scientist = await pageAs(browser, PERSONAS.scientist, true);
  const academic = await pageAs(browser, PERSONAS.academic);
  try {
    await expect(framePage(scientist).getByRole('heading', { level: 2 }).first()).toBeVisible();
    await openAddress(scientist, scientistMark);
    await expect(framePage(scientist)).toContainText(scientistMark);
    await expect(framePage(academic).getByRole('heading', { level: 2 }).first()).toBeVisible();
    await openAddress(academic, academicMark);
    await expect(framePage(academic)).toContainText(academicMark);

    await openRecord(scientist);
    const mine = entries(scientist).filter({ hasText: scientistMark });
    await expect(mine.first()).toContainText('Address blocked');
    await expect(entries(scientist).filter({ hasText: 'Logged in' }).first()).toBeVisible();
    await expect(
      scientist.getByRole('list', { name: 'Screen snapshots, newest first' }).getByRole('listitem').first(),
    ).toBeVisible();
    await expect(scientist.getByRole('complementary', { name: 'Why is it like this?' })).toContainText(
      'The device keeps its own record',
    );
    await expect(scientist.locator('cis-record-page')).not.toContainText(academicMark);
    await expectNoSidewaysScroll(scientist, 'the record page');
    await expectNoSeriousA11yViolations(scientist, 'the record page');

    await openRecord(academic);
    await expect(entries(academic).filter({ hasText: academicMark }).first()).toContainText('Address blocked');
    await expect(academic.locator('cis-record-page')).not.toContainText(scientistMark);
    // No control on the page changes the record.
    await expect(academic.locator('cis-record-page').getByRole('button', { name: /delete|clear|remove/i })).toHaveCount(
      0,
    );
  } finally {
    await Promise.all([scientist.context().close(), academic.context().close()]);
  }
});

test('a citizen with no network has a record too, reachable from the denied screen', async ({ browser }) => {
  const citizen = await pageAs(browser, PERSONAS.citizen, true);
  try {
    await openRecord(citizen);
    await expect(entries(citizen).filter({ hasText: 'Logged in' }).first()).toBeVisible();
    await expect(
      citizen.getByRole('list', { name: 'Screen snapshots, newest first' }).getByText('/denied').first(),
    ).toBeVisible();
    await expectNoSidewaysScroll(citizen, 'the citizen’s record');
  } finally {
    await citizen.context().close();
  }
});

test('logging out first shows the end-of-visit summary, then logs out', async ({ browser }) => {
  const elite = await pageAs(browser, PERSONAS.elite, true);
  try {
    await expect(framePage(elite).getByRole('heading', { level: 2 }).first()).toBeVisible();
    await clickLogout(elite);
    const summary = elite.getByRole('dialog', { name: /^This terminal kept \d+ records? about you$/ });
    await expect(summary).toBeVisible();
    const count = Number(
      /kept (\d+)/.exec((await summary.getByRole('heading', { level: 2 }).first().textContent()) ?? '')?.[1],
    );
    expect(count).toBeGreaterThan(0);
    await expect(summary.getByRole('list').getByRole('listitem').first()).toBeVisible();
    await expect(summary.getByRole('complementary', { name: 'Why is it like this?' })).toContainText(
      'The device keeps its own record',
    );
    await expectNoSidewaysScroll(elite, 'the end-of-visit summary');
    await expectNoSeriousA11yViolations(elite, 'the end-of-visit summary');

    // Staying closes it and keeps the login; going on logs out.
    await summary.getByRole('button', { name: 'Stay logged in' }).click();
    await expect(summary).toHaveCount(0);
    expect((await elite.request.get('/api/me')).status()).toBe(200);
    await clickLogout(elite);
    await elite.getByRole('button', { name: 'Continue to log out', exact: true }).click();
    await expect(elite).toHaveURL(pathIs('/login'));
    expect((await elite.request.get('/api/me')).status()).toBe(401);
  } finally {
    await elite.context().close();
  }
});

test('a site the role is not cleared for is listed as locked, and its wall names clearance', async ({ browser }) => {
  const scientist = await pageAs(browser, PERSONAS.scientist, true);
  try {
    const locked = framePage(scientist)
      .getByRole('listitem')
      .filter({ hasText: 'university.intra' })
      .filter({ hasText: 'Your clearance does not cover this.' });
    await expect(locked).toHaveCount(1);
    await expect(
      framePage(scientist).getByRole('complementary').filter({ hasText: 'Your clearance does not cover this' }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(scientist, 'the directory with a locked site');
    await locked.getByRole('button', { name: 'University Network (locked)' }).click();
    await expect(
      framePage(scientist).getByRole('heading', { level: 2, name: 'Your clearance does not cover this', exact: true }),
    ).toBeVisible();
    await expect(framePage(scientist)).not.toContainText('no route');
    // Nothing inside it opens either.
    await openAddress(scientist, 'university.intra/timetable');
    await expect(
      framePage(scientist).getByRole('heading', { level: 2, name: 'Your clearance does not cover this', exact: true }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations(scientist, 'the clearance wall');
    await openRecord(scientist);
    await expect(entries(scientist).filter({ hasText: 'Site locked: not cleared' }).first()).toContainText(
      'university.intra',
    );
  } finally {
    await scientist.context().close();
  }
});

test('a foreigner typing a domestic address is told about the foreigners’ network', async ({ browser }) => {
  const foreigner = await pageAs(browser, PERSONAS.foreigner, true);
  try {
    await expect(framePage(foreigner).getByRole('heading', { level: 2 }).first()).toBeVisible();
    await openAddress(foreigner, 'news.intra');
    await expect(
      framePage(foreigner).getByRole('heading', { level: 2, name: "Not on the foreigners' network", exact: true }),
    ).toBeVisible();
    await expect(framePage(foreigner)).not.toContainText('national network');
    await expect(framePage(foreigner).getByRole('complementary', { name: 'Why is it like this?' })).toContainText(
      'Foreigners are kept apart',
    );
    await expectNoSeriousA11yViolations(foreigner, 'the network wall');
  } finally {
    await foreigner.context().close();
  }
});
