/**
 * The four filled sites in real Chromium, on a phone-sized screen: the Science and Technology
 * Network's copied-in papers (the day each was copied in, the removed passages), the University
 * Network's week timetable, the foreigners' Hotel Services, and the Research E-Library, where a
 * search finds a title and a request for a missing one is confirmed. Each opens for a role that
 * may open it, fits 390 px without sideways scrolling and is axe-clean.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  expectNoSeriousA11yViolations,
  expectNoSidewaysScroll,
  framePage,
  loginAs,
  openAddress,
  PERSONAS,
  PHONE,
  type Persona,
} from './helpers';

/** A persona on a phone-sized screen, in its own context. */
async function phoneAs(browser: Browser, who: Persona): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await loginAs(page, who);
  // The network's home page has loaded in the in-page browser before anything is typed.
  await expect(framePage(page).getByRole('heading', { level: 2 }).first()).toBeVisible();
  return page;
}

function siteHeading(page: Page, name: string) {
  return framePage(page).getByRole('heading', { level: 2, name, exact: true });
}

test('the Science and Technology Network shows copied-in papers with their dates and removed passages', async ({
  browser,
}) => {
  const page = await phoneAs(browser, PERSONAS.scientist);
  try {
    await openAddress(page, 'scitech.intra');
    await expect(siteHeading(page, 'Science and Technology Network')).toBeVisible();
    const index = framePage(page).getByRole('navigation', { name: 'Pages of Science and Technology Network' });
    for (const field of ['Materials science', 'Agriculture', 'Energy', 'Computing', 'Medicine'])
      await expect(index.getByRole('heading', { level: 3, name: field, exact: true })).toBeVisible();
    await expect(framePage(page).getByRole('complementary', { name: 'Why is it like this?' })).toContainText(
      'The outside world, copied in',
    );
    await expectNoSidewaysScroll(page, 'the scitech front page');
    await expectNoSeriousA11yViolations(page, 'the scitech front page');

    await index.getByRole('link', { name: 'Drought-tolerant rice strains in paddy trials', exact: true }).click();
    await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue('scitech.intra/drought-rice');
    const paper = framePage(page).getByRole('article');
    await expect(
      paper.getByRole('heading', { level: 3, name: 'Drought-tolerant rice strains in paddy trials' }),
    ).toBeVisible();
    await expect(paper).toContainText('Copied in');
    await expect(paper.locator('time[datetime="2022-05-21"]')).toHaveText(/^(21 May 2022|May 21, 2022)$/);
    await expect(paper).toContainText('Downloaded, censored and re-posted on the national network');
    await expect(paper.getByText('[passage removed]', { exact: true })).toHaveCount(1);
    const table = paper.getByRole('table', { name: /Yield after a dry month/ });
    await expect(table.getByRole('rowheader', { name: 'Strain A' })).toBeVisible();
    await expectNoSidewaysScroll(page, 'a scitech paper');
    await expectNoSeriousA11yViolations(page, 'a scitech paper');
  } finally {
    await page.context().close();
  }
});

test('the University Network shows a week timetable, lecture notes and notices', async ({ browser }) => {
  const page = await phoneAs(browser, PERSONAS.academic);
  try {
    await openAddress(page, 'university.intra');
    await expect(siteHeading(page, 'University Network')).toBeVisible();
    const index = framePage(page).getByRole('navigation', { name: 'Pages of University Network' });
    for (const group of ['Timetables', 'Lecture notes', 'Notices'])
      await expect(index.getByRole('heading', { level: 3, name: group, exact: true })).toBeVisible();
    await expect(index.getByRole('link', { name: /Study of the Leader's Works, seminar 4/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the university front page');

    await index.getByRole('link', { name: /^Week timetable/ }).click();
    const region = framePage(page).getByRole('region', { name: 'Second-year timetable, Monday to Saturday' });
    await expect(region).toBeVisible();
    const table = region.getByRole('table', { name: 'Second-year timetable, Monday to Saturday' });
    await expect(table.getByRole('columnheader', { name: 'Saturday', exact: true })).toBeVisible();
    await expect(table.getByRole('rowheader', { name: '08:00–09:30', exact: true })).toBeVisible();
    // The wide table scrolls in its own region, reached with the keyboard; the page does not.
    await expect(region).toHaveAttribute('tabindex', '0');
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expectNoSidewaysScroll(page, 'the timetable');
    await expectNoSeriousA11yViolations(page, 'the timetable');
  } finally {
    await page.context().close();
  }
});

test('Hotel Services shows room service, the exchange desk and the guide who accompanies you', async ({ browser }) => {
  const page = await phoneAs(browser, PERSONAS.foreigner);
  try {
    await openAddress(page, 'hotel.guest');
    await expect(siteHeading(page, 'Hotel Services')).toBeVisible();
    const index = framePage(page).getByRole('navigation', { name: 'Pages of Hotel Services' });
    for (const name of ['Room service', 'Exchange desk', 'The guide who accompanies you'])
      await expect(index.getByRole('link', { name, exact: true })).toBeVisible();
    await expect(framePage(page).getByRole('complementary', { name: 'Why is it like this?' })).toContainText(
      'A network for guests only',
    );
    await expectNoSeriousA11yViolations(page, 'the hotel front page');

    await index.getByRole('link', { name: 'The guide who accompanies you', exact: true }).click();
    const rules = framePage(page).getByRole('article');
    await expect(rules).toContainText('Your guide accompanies you whenever you leave the hotel');
    await expect(rules).toContainText('Photograph only where your guide says you may.');
    await rules.getByRole('link', { name: 'Back to Hotel Services' }).click();
    await framePage(page)
      .getByRole('navigation', { name: 'Pages of Hotel Services' })
      .getByRole('link', { name: 'Exchange desk', exact: true })
      .click();
    await expect(framePage(page).getByRole('table', { name: /Fixed exchange rates/ })).toBeVisible();
    await expectNoSidewaysScroll(page, 'the exchange desk');
    await expectNoSeriousA11yViolations(page, 'the exchange desk');
  } finally {
    await page.context().close();
  }
});

test('the Research E-Library finds a title and confirms a request for a missing one', async ({ browser }) => {
  const page = await phoneAs(browser, PERSONAS.academic);
  try {
    await openAddress(page, 'library.intra');
    const library = page.locator('cis-library-site');
    await expect(library.getByRole('heading', { level: 2, name: 'Research E-Library' })).toBeVisible();
    await expect(library.getByRole('button', { name: /Browse all \d+ approved titles/ })).toHaveCount(0);
    await expect(library.getByText(/Browse all \d+ approved titles/)).toBeVisible();

    await library.getByRole('searchbox', { name: 'Title, author, subject or call number' }).fill('hydroelectric');
    await library.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(library.getByRole('status').filter({ hasText: 'titles found' })).toHaveText(
      '2 titles found for “hydroelectric”.',
    );
    const results = library.getByRole('table', { name: 'Search results' });
    await expect(
      results.getByRole('rowheader', { name: 'Small Hydroelectric Stations: Design and Upkeep' }),
    ).toBeVisible();
    await expect(results.getByRole('cell', { name: 'ENG 11.3 PAK' })).toBeVisible();

    // A filtered word finds nothing, as the server decides.
    await library.getByRole('searchbox', { name: 'Title, author, subject or call number' }).fill('democracy');
    await library.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(library.getByText('No titles found.', { exact: true })).toBeVisible();
    await expect(library.getByRole('table', { name: 'Search results' })).toHaveCount(0);

    await library.getByRole('textbox', { name: 'Title of the book or paper' }).fill('Modern Welding Practice');
    await library.getByRole('button', { name: 'Send request', exact: true }).click();
    await expect(library.getByRole('status').filter({ hasText: 'recorded' })).toHaveText(
      'Your request for “Modern Welding Practice” has been recorded.',
    );
    await expect(library.getByRole('textbox', { name: 'Title of the book or paper' })).toHaveValue('');

    await library.getByText(/Browse all \d+ approved titles/).click();
    await expect(library.getByRole('table', { name: 'Every approved title, in shelf order' })).toBeVisible();
    await expectNoSidewaysScroll(page, 'the library');
    await expectNoSeriousA11yViolations(page, 'the library');
  } finally {
    await page.context().close();
  }
});

test('a role the site does not admit gets none of its pages', async ({ browser }) => {
  const page = await phoneAs(browser, PERSONAS.scientist);
  try {
    await openAddress(page, 'university.intra/timetable-mechanical-2');
    // The page that opened instead is the wall, not the site.
    await expect(siteHeading(page, 'National Portal')).toHaveCount(0);
    await expect(framePage(page).getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expect(siteHeading(page, 'University Network')).toHaveCount(0);
    await expect(framePage(page).getByRole('table')).toHaveCount(0);
    await expect(framePage(page)).not.toContainText('Second-year timetable');
  } finally {
    await page.context().close();
  }
});
