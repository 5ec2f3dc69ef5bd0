/**
 * The walls of the intranet: an outside address goes nowhere, and the attempt shows up
 * at once in the censor's live trail and in the facilitator's console.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { TrailResponse } from '../server/protocol/api';
import { PERSONAS, expectNoSeriousA11yViolations, loginAs, trailRows, type Persona } from './helpers';

/** An address outside the national network. */
const OUTSIDE = 'www.google.com';

/** A logged-in page in its own browser context (its own cookies: another person). */
async function openAs(browser: Browser, who: Persona): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, who);
  return page;
}

/** The heading of the page shown in the in-page browser. */
function siteHeading(page: Page, name: string) {
  return page.locator('cis-site-page').getByRole('heading', { level: 2, name, exact: true });
}

test('an outside address hits the wall and shows up live in the censor’s trail', async ({ browser }) => {
  const censor = await openAs(browser, PERSONAS.censor);
  const facilitator = await openAs(browser, PERSONAS.facilitator);
  const elite = await openAs(browser, PERSONAS.elite);
  try {
    // The monitors' screens are open, loaded and live before the elite does anything.
    for (const [monitor, self] of [
      [censor, PERSONAS.censor],
      [facilitator, PERSONAS.facilitator],
    ] as const) {
      await expect(monitor.getByText('Live', { exact: true })).toBeVisible();
      await expect(trailRows(monitor, { user: self, kind: 'login' }).first()).toBeVisible();
    }
    // Counted, not just looked for, so that an earlier attempt (a retry) cannot pass for this one.
    // Both read the elite's display name: each event carries it.
    const blockedIn = (monitor: Page) =>
      trailRows(monitor, { user: PERSONAS.elite, kind: 'blocked_address', text: OUTSIDE });
    const censorBefore = await blockedIn(censor).count();
    const facilitatorBefore = await blockedIn(facilitator).count();

    // The elite opens a site from the directory.
    await expect(siteHeading(elite, 'National Portal')).toBeVisible();
    await elite.getByRole('button', { name: 'Central News Agency (simulated)', exact: true }).click();
    await expect(siteHeading(elite, 'Central News Agency (simulated)')).toBeVisible();
    const address = elite.getByRole('textbox', { name: 'Address' });
    await expect(address).toHaveValue('news.intra');

    // …then types an address outside the network.
    await address.fill(OUTSIDE);
    await address.press('Enter');
    await expect(siteHeading(elite, 'Not reachable on the national network')).toBeVisible();
    await expect(elite.locator('cis-site-page')).toContainText(OUTSIDE);
    await expect(elite.getByRole('complementary', { name: 'Why is it like this?' })).toContainText(
      'There is no route to the outside',
    );
    await expectNoSeriousA11yViolations(elite, 'the "not reachable" page');

    // Without a reload, the censor sees the attempt: who, what kind, which address.
    await expect(blockedIn(censor)).toHaveCount(censorBefore + 1);
    await expect(blockedIn(censor).first()).toContainText(`Address: ${OUTSIDE}`);
    await expect(blockedIn(censor).first()).toContainText('Address blocked');
    // The facilitator's console shows it live too.
    await expect(blockedIn(facilitator)).toHaveCount(facilitatorBefore + 1);
    await expect(blockedIn(facilitator).first()).toContainText(`Address: ${OUTSIDE}`);
    // Recorded as what was typed, as the server's trail API tells the censor.
    const trail = await censor.request.get('/api/trail?kind=blocked_address&user=elite&limit=1');
    expect(trail.status()).toBe(200);
    expect((await trail.json()) as TrailResponse).toMatchObject({
      events: [
        {
          kind: 'blocked_address',
          username: 'elite',
          name: PERSONAS.elite.displayName,
          role: 'elite',
          detail: { address: OUTSIDE },
        },
      ],
    });
    // The page view before it was recorded as well.
    await expect(
      trailRows(censor, { user: PERSONAS.elite, kind: 'page_view', text: 'news.intra' }).first(),
    ).toBeVisible();

    // The censor can narrow the trail: to one person, by the name it shows (its own login disappears)…
    await expect(trailRows(censor, { user: PERSONAS.censor, kind: 'login' }).first()).toBeVisible();
    await censor.getByLabel('User', { exact: true }).fill(PERSONAS.elite.displayName);
    await expect(trailRows(censor, { user: PERSONAS.censor })).toHaveCount(0);
    await expect(trailRows(censor, { user: PERSONAS.elite, kind: 'page_view' }).first()).toBeVisible();
    // …and to one kind (the page views disappear).
    await censor.getByLabel('Kind', { exact: true }).selectOption('blocked_address');
    await expect(trailRows(censor, { kind: 'page_view' })).toHaveCount(0);
    await expect(blockedIn(censor).first()).toBeVisible();

    // Back returns to the page before the wall.
    await elite.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(siteHeading(elite, 'Central News Agency (simulated)')).toBeVisible();
    await expect(address).toHaveValue('news.intra');
  } finally {
    await Promise.all([censor, facilitator, elite].map((page) => page.context().close()));
  }
});
