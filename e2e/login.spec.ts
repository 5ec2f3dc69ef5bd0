/**
 * Logging in as each persona lands on the screen its role allows, and nothing more;
 * wrong passwords, logout and typed URLs cannot get around it.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Role } from '../server/protocol/api';
import { PERSONAS, ROLES, expectNoSeriousA11yViolations, loginAs, logoutButton, pathIs, trailRows } from './helpers';

test.describe.configure({ mode: 'parallel' });

/** The page area of the in-page browser (a site's front page, the directory, or the wall). */
function sitePage(page: Page) {
  return page.locator('cis-site-page');
}

/**
 * The browser frame shows `homeTitle` with `homeAddress` in the address bar, and its
 * directory lists every address in `listed` and none in `hidden` as a site that opens; those
 * in `locked` are listed as locked (the role is not cleared for them).
 */
async function expectBrowser(
  page: Page,
  expected: { homeTitle: string; homeAddress: string; listed: string[]; hidden: string[]; locked?: string[] },
): Promise<void> {
  await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue(expected.homeAddress);
  for (const name of ['Go', 'Back', 'Home']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expect(sitePage(page).getByRole('heading', { level: 2, name: expected.homeTitle, exact: true })).toBeVisible();
  const all = sitePage(page).getByRole('listitem');
  const entries = all.filter({ hasNotText: 'Your clearance does not cover this' });
  for (const address of expected.locked ?? []) {
    const entry = all.filter({ hasText: address }).filter({ hasText: 'Your clearance does not cover this' });
    await expect(entry, `directory lists ${address} as locked`).toHaveCount(1);
  }
  for (const address of expected.listed) {
    await expect(entries.filter({ hasText: address }), `directory lists ${address}`).toHaveCount(1);
  }
  // The directory has rendered (above), so absence now means it is really not listed.
  for (const address of expected.hidden) {
    await expect(entries.filter({ hasText: address }), `directory does not list ${address}`).toHaveCount(0);
  }
}

const DOMESTIC_HOME = { homeTitle: 'National Portal', homeAddress: 'portal.intra' };

/** What each persona's landing page must show (the login helper already checked the URL). */
const LANDING: Record<Role, (page: Page) => Promise<void>> = {
  async citizen(page) {
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: 'This terminal is not authorised for the national network',
      }),
    ).toBeVisible();
    const placard = page.getByRole('complementary', { name: 'Why is it like this?' });
    await expect(placard).toBeVisible();
    await expect(placard).toContainText('Most people have no access at all');
    await expect(page.getByRole('textbox', { name: 'Address' })).toHaveCount(0);
  },
  async elite(page) {
    await expectBrowser(page, {
      ...DOMESTIC_HOME,
      listed: ['news.intra', 'daily.intra', 'scitech.intra', 'university.intra', 'chat.intra'],
      hidden: ['visitor.guest', 'hotel.guest'],
    });
  },
  async scientist(page) {
    await expectBrowser(page, {
      ...DOMESTIC_HOME,
      listed: ['news.intra', 'scitech.intra', 'library.intra', 'chat.intra'],
      hidden: ['university.intra', 'visitor.guest'],
      locked: ['university.intra'],
    });
  },
  async academic(page) {
    await expectBrowser(page, {
      ...DOMESTIC_HOME,
      listed: ['news.intra', 'university.intra', 'library.intra', 'chat.intra'],
      hidden: ['scitech.intra', 'visitor.guest'],
      locked: ['scitech.intra'],
    });
  },
  async foreigner(page) {
    await expect(page.getByRole('heading', { level: 1, name: "Foreigners' network" })).toBeVisible();
    await expectBrowser(page, {
      homeTitle: 'Visitor Portal',
      homeAddress: 'visitor.guest',
      listed: ['hotel.guest'],
      hidden: ['news.intra', 'portal.intra', 'university.intra'],
    });
    await expect(sitePage(page).getByText('visitor.guest')).toBeVisible();
  },
  async editor(page) {
    await expectBrowser(page, {
      ...DOMESTIC_HOME,
      listed: ['news.intra', 'daily.intra', 'broadcast.intra'],
      hidden: ['boards.intra', 'chat.intra', 'scitech.intra', 'university.intra'],
      locked: ['boards.intra', 'chat.intra', 'scitech.intra', 'university.intra'],
    });
  },
  async censor(page) {
    await expect(page.getByRole('heading', { level: 1, name: 'Surveillance trail' })).toBeVisible();
    await expect(page.getByLabel('User', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Kind', { exact: true })).toBeVisible();
    // The censor's own login is already in the trail it watches.
    await expect(trailRows(page, { user: PERSONAS.censor, kind: 'login' }).first()).toBeVisible();
  },
  async facilitator(page) {
    await expect(page.getByRole('heading', { level: 1, name: 'Facilitator console' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Who may see what' })).toBeVisible();
    const capabilities = matrixTable(page, 'Capabilities');
    const sites = matrixTable(page, 'Sites');
    for (const table of [capabilities, sites]) {
      // One column per role, in the policy table's order, named by the client's labels.
      await expect(table.getByRole('columnheader')).toHaveText([/./, ...ROLES.map((r) => ROLE_LABELS[r])]);
    }
    // Marks generated from the policy: who is on the national intranet, who may open a site.
    await expect(matrixRow(capabilities, 'Use the national intranet').getByRole('cell')).toHaveText(
      marks(['elite', 'scientist', 'academic', 'editor', 'censor']),
    );
    await expect(matrixRow(capabilities, 'See who may see what').getByRole('cell')).toHaveText(marks(['facilitator']));
    await expect(matrixRow(sites, 'university.intra').getByRole('cell')).toHaveText(
      marks(['elite', 'academic', 'censor']),
    );
    await expect(matrixRow(sites, 'visitor.guest').getByRole('cell')).toHaveText(marks(['foreigner']));
    await expect(page.getByRole('heading', { level: 2, name: 'Live surveillance trail' })).toBeVisible();
    await expect(trailRows(page, { user: PERSONAS.facilitator, kind: 'login' }).first()).toBeVisible();
  },
};

/** A table of the "who may see what" matrix, by the start of its caption. */
/** The matrix's column headers, as the client labels roles. */
const ROLE_LABELS: Record<Role, string> = {
  citizen: 'Citizen',
  elite: 'Elite',
  scientist: 'Scientist',
  academic: 'Academic',
  foreigner: 'Foreign guest',
  editor: 'Editor',
  censor: 'Censor',
  facilitator: 'Facilitator',
};

function matrixTable(page: Page, caption: 'Capabilities' | 'Sites') {
  return page.getByRole('table', { name: new RegExp(`^${caption}`) });
}

/** The row of a matrix table whose row header contains `text`. */
function matrixRow(table: Locator, text: string) {
  return table.getByRole('row').filter({ has: table.page().getByRole('rowheader').filter({ hasText: text }) });
}

/** The spoken marks of one matrix row, one per role: "yes" for the roles in `granted`. */
function marks(granted: Role[]): RegExp[] {
  return ROLES.map((role) => (granted.includes(role) ? /\byes\s*$/ : /\bno\s*$/));
}

for (const role of ROLES) {
  const who = PERSONAS[role];
  test(`${role} logs in and lands on ${who.home}`, async ({ page }) => {
    await loginAs(page, who);
    await expect(page.locator('cis-top-bar')).toContainText(who.displayName);
    await expect(logoutButton(page)).toBeVisible();
    await LANDING[role](page);
    await expectNoSeriousA11yViolations(page, `${role}'s landing page ${who.home}`);
  });
}

test('the login page is accessible', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByLabel('Username', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, '/login');
});

test('a wrong password shows an alert and stays on the login page', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Username', { exact: true }).fill(PERSONAS.elite.username);
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(/wrong username or password/i);
  await expect(page).toHaveURL(pathIs('/login'));
  await expect(logoutButton(page)).toHaveCount(0);
  expect((await page.request.get('/api/me')).status()).toBe(401);
});

test('logging out returns to the login page and closes the portal', async ({ page }) => {
  await loginAs(page, PERSONAS.elite);
  await expect(page.getByRole('textbox', { name: 'Address' })).toBeVisible();
  await logoutButton(page).click();
  // The end-of-visit summary comes first (see record.spec.ts); going on logs out.
  await page.getByRole('button', { name: 'Continue to log out', exact: true }).click();
  await expect(page).toHaveURL(pathIs('/login'));
  await expect(page.getByLabel('Username', { exact: true })).toBeVisible();
  expect((await page.request.get('/api/me')).status()).toBe(401);

  await page.goto('/portal');
  await expect(page).toHaveURL(pathIs('/login'));
  await expect(page.getByLabel('Username', { exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Address' })).toHaveCount(0);
});

test('a citizen cannot open the portal by typing its URL', async ({ page }) => {
  await loginAs(page, PERSONAS.citizen);
  await page.goto('/portal');
  await expect(page).toHaveURL(pathIs('/denied'));
  await expect(
    page.getByRole('heading', { name: 'This terminal is not authorised for the national network' }),
  ).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Address' })).toHaveCount(0);

  // The server is the real guard: the directory itself is refused to a citizen.
  const sites = await page.request.get('/api/sites');
  expect(sites.status()).toBe(403);
  expect(await sites.json()).toMatchObject({ error: { code: 'forbidden' } });
});
