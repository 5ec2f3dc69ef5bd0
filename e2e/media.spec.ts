/**
 * State media: the editor publishes and readers see it live; citizens and foreigners
 * cannot get at the domestic papers; article bodies never run code; the pages are
 * axe-clean; and the three front pages are photographed for review.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import type { ArticleSummary, ArticlesResponse } from '../server/protocol/api';
import {
  PERSONAS,
  expectNoSeriousA11yViolations,
  framePage,
  loginAs,
  openAddress,
  openAs,
  pathIs,
  postJson,
} from './helpers';

/** The state-media site shown in the in-page browser. */
function mediaSite(page: Page) {
  return page.locator('cis-media-site');
}

/** A heading of the page in the in-page browser. */
function frameHeading(page: Page, level: number, name: string) {
  return framePage(page).getByRole('heading', { level, name, exact: true });
}

/** A title no earlier run or retry has used. */
function unique(title: string, testInfo: TestInfo): string {
  return `${title} (bulletin ${Date.now().toString(36)}-${testInfo.retry})`;
}

/** Opens the editor desk from the top bar's nav. */
async function openDesk(editor: Page): Promise<void> {
  await editor.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Editor desk' }).click();
  await expect(editor).toHaveURL(pathIs('/desk'));
  await expect(editor.getByRole('heading', { level: 1, name: 'Editor desk' })).toBeVisible();
  await expect(editor.getByRole('table', { name: 'Articles' })).toBeVisible();
}

/** Fills the desk's compose form. */
async function compose(
  editor: Page,
  article: { site: string; section: string; title: string; summary: string; body: string },
): Promise<void> {
  await editor.getByLabel('Site', { exact: true }).selectOption(article.site);
  await editor.getByLabel('Section', { exact: true }).selectOption(article.section);
  await editor.getByLabel('Title', { exact: true }).fill(article.title);
  await editor.getByLabel('Summary', { exact: true }).fill(article.summary);
  await editor.getByLabel('Body', { exact: true }).fill(article.body);
}

/** The desk's row for the article titled `title`. */
function deskRow(editor: Page, title: string) {
  return editor
    .getByRole('table', { name: 'Articles' })
    .getByRole('row')
    .filter({ has: editor.getByRole('rowheader', { name: title }) });
}

/** Published articles of a media site, as `page`'s user may read them. */
async function articlesOf(page: Page, site: string): Promise<ArticleSummary[]> {
  const response = await page.request.get(`/api/media/articles?site=${site}&pageSize=50`);
  expect(response.status(), `GET /api/media/articles?site=${site}`).toBe(200);
  return ((await response.json()) as ArticlesResponse).articles;
}

// First, so that the pictures show the shipped articles rather than the ones the other tests publish.
test('screenshots of the three front pages', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await loginAs(page, PERSONAS.elite);
  const fronts = [
    { address: 'news.intra', title: 'Central News Agency (simulated)', ready: /^Lead story/ },
    { address: 'daily.intra', title: 'The Daily Banner (simulated)', ready: /^Lead story/ },
    { address: 'broadcast.intra', title: 'Broadcast Schedule', ready: /^Radio$/ },
  ];
  for (const front of fronts) {
    await page.goto(`/portal?address=${front.address}`);
    await expect(frameHeading(page, 2, front.title)).toBeVisible();
    await expect(framePage(page).getByRole('region', { name: front.ready })).toBeVisible();
    const path = testInfo.outputPath(`${front.address.replace(/\W+/g, '-')}-front.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`${front.address} front page`, { path, contentType: 'image/png' });
  }
});

test('an article the editor publishes appears on an elite reader’s open front page without a reload', async ({
  browser,
}, testInfo) => {
  const elite = await openAs(browser, PERSONAS.elite);
  const editor = await openAs(browser, PERSONAS.editor);
  try {
    const title = unique('Tidal Turbines Bring Light to Seven Fishing Villages of the West Coast', testInfo);
    const summary = 'The new tidal power station at Sohae has connected seven fishing villages to the grid.';

    // The elite opens the news agency from the directory; the page URL follows the address.
    await elite.getByRole('button', { name: 'Central News Agency (simulated)', exact: true }).click();
    await expect(frameHeading(elite, 2, 'Central News Agency (simulated)')).toBeVisible();
    await expect(mediaSite(elite).getByText('Lead story', { exact: true })).toBeVisible();
    await expect(elite).toHaveURL(/\/portal\?address=news\.intra$/);
    await expect(elite.locator('cis-media-site[data-live="on"]')).toHaveCount(1);
    await expect(elite.getByRole('link', { name: title })).toHaveCount(0);
    // Marks this document: a reload or navigation would lose it.
    await elite.evaluate(() => Object.assign(window, { __sameDocument: true }));

    // The editor writes, previews and publishes it at the desk.
    await openDesk(editor);
    await compose(editor, {
      site: 'news-agency',
      section: 'science',
      title,
      summary,
      body: 'Engineers of the Institute of Thermal Engineering switched on the **tidal turbines** at dawn.\n\nSeven villages now have light through the night.',
    });
    await editor.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = editor.getByRole('region', { name: 'Preview' });
    await expect(preview.locator('strong')).toHaveText('tidal turbines');
    await editor.getByRole('button', { name: 'Publish now', exact: true }).click();
    await expect(editor.getByRole('status').filter({ hasText: `Published “${title}”.` })).toBeVisible();
    await expect(deskRow(editor, title)).toContainText('Published');
    await expect(editor.getByLabel('Title', { exact: true })).toHaveValue('');

    // Without a reload, the elite's front page shows it at the top of the latest news, announced.
    const latest = mediaSite(elite).getByRole('region', { name: 'Latest bulletins' });
    await expect(latest.getByRole('listitem').first()).toContainText(title);
    await expect(
      mediaSite(elite)
        .getByRole('status')
        .filter({ hasText: `New article: ${title}` }),
    ).toBeVisible();
    expect(await elite.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

    // …and can open it: section, headline, summary, body, simulation label and the placard.
    await latest.getByRole('link', { name: title }).click();
    await expect(frameHeading(elite, 3, title)).toBeVisible();
    await expect(elite).toHaveURL(/\?address=news\.intra\/article\/[a-z0-9-]+$/);
    const article = elite.getByRole('article', { name: title });
    await expect(article).toContainText('Science and technology');
    await expect(article).toContainText(summary);
    await expect(article).toContainText('Seven villages now have light through the night.');
    await expect(article.getByText('Simulation: this article is fictional')).toBeVisible();
    const placard = framePage(elite).getByRole('complementary', { name: 'Why is it like this?' });
    await expect(placard).toContainText('Read, but do not answer');
    // Nothing to answer with: no buttons (but the slogans' Pause, hidden here for reduced motion), no text fields, no author.
    await expect(mediaSite(elite).getByRole('button')).toHaveCount(0);
    await expect(mediaSite(elite).getByRole('textbox')).toHaveCount(0);
    await expect(mediaSite(elite)).not.toContainText('Han Yong-ae');

    // Back on the front page, the editor withdraws it: it disappears live.
    await elite.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(latest.getByRole('link', { name: title })).toBeVisible();
    await deskRow(editor, title)
      .getByRole('button', { name: /^Unpublish/ })
      .click();
    await expect(editor.getByRole('status').filter({ hasText: `Unpublished “${title}”.` })).toBeVisible();
    await expect(mediaSite(elite).getByRole('link', { name: title })).toHaveCount(0);
    expect(await elite.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  } finally {
    await Promise.all([elite, editor].map((page) => page.context().close()));
  }
});

test('a citizen cannot reach any media page by URL; only the one-way channel reaches them', async ({
  browser,
  page,
}) => {
  // A real, published article, as a reader with access sees it.
  const elite = await openAs(browser, PERSONAS.elite);
  const [known] = await articlesOf(elite, 'news-agency');
  await elite.context().close();
  expect(known, 'a published news agency article').toBeDefined();
  const { id, title } = known!;

  await loginAs(page, PERSONAS.citizen);
  const denied = page.getByRole('heading', {
    level: 1,
    name: 'This terminal is not authorised for the national network',
  });
  for (const url of [
    '/portal?address=news.intra',
    `/portal?address=news.intra/article/${id}`,
    `/portal?address=${encodeURIComponent(`news.intra/article/${id}`)}`,
    '/portal?address=daily.intra/section/science',
    '/portal?address=broadcast.intra',
    '/portal?address=search.intra',
    '/foreign?address=news.guest',
    '/desk',
  ]) {
    await page.goto(url);
    await expect(page, url).toHaveURL(pathIs('/denied'));
    await expect(denied).toBeVisible();
    // The bulletin's headline may reach them only as the loudspeakers read it out, never as a page.
    await expect(page.getByRole('heading', { name: title })).toHaveCount(0);
    await expect(page.locator('cis-media-site, cis-media-article, cis-browser-frame')).toHaveCount(0);
  }
  // The server refuses too, whatever the client does; the one-way channel is all it answers.
  for (const path of ['/api/media/broadcast', '/api/media/articles?site=news-agency', `/api/media/articles/${id}`]) {
    expect((await page.request.get(path)).status(), `GET ${path} as a citizen`).toBe(200);
  }
  for (const path of [
    '/api/media/articles',
    '/api/media/articles?site=daily',
    '/api/media/articles?site=visitor-news',
  ]) {
    const response = await page.request.get(path);
    expect(response.status(), `GET ${path} as a citizen`).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: expect.any(String) } });
  }
  const search = await postJson(page, '/api/media/search', { q: 'grain' });
  expect(search.status(), 'POST /api/media/search as a citizen').toBe(403);
});

test('an article body with a script or an onerror attribute is shown as text and runs nothing', async ({
  browser,
}, testInfo) => {
  const editor = await openAs(browser, PERSONAS.editor);
  const elite = await openAs(browser, PERSONAS.elite);
  try {
    const title = unique('Readers Report on the Evening Concert at the Culture Hall', testInfo);
    const script = '<script>window.__pwned=1</script>';
    const img = '<img src=x onerror="window.__pwned=2">';
    const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);

    await openDesk(editor);
    await compose(editor, {
      site: 'news-agency',
      section: 'culture',
      title,
      summary: 'A concert report whose body carries markup.',
      body: `The concert opened with a choral hymn.\n\n${script}\n\n${img}\n\nInline too: ${script} and ${img} end here.`,
    });
    // The preview already shows the markup as text.
    await editor.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = editor.getByRole('region', { name: 'Preview' });
    await expect(preview).toContainText(script);
    await expect(preview).toContainText(img);
    await expect(preview.locator('script, img')).toHaveCount(0);
    await editor.getByRole('button', { name: 'Publish now', exact: true }).click();
    await expect(editor.getByRole('status').filter({ hasText: `Published “${title}”.` })).toBeVisible();

    const desk = await editor.request.get('/api/media/articles?status=published&pageSize=50');
    const id = ((await desk.json()) as ArticlesResponse).articles.find((a) => a.title === title)?.id;
    expect(id, 'the published article in the desk list').toBeTruthy();

    // The reader opens it by its deep link.
    await elite.goto(`/portal?address=news.intra/article/${id}`);
    await expect(frameHeading(elite, 3, title)).toBeVisible();
    const body = elite.locator('cis-media-article .body');
    await expect(body).toContainText('The concert opened with a choral hymn.');
    await expect(body).toContainText(script);
    await expect(body).toContainText(img);
    await expect(body.getByText('<script>', { exact: false }).first()).toBeVisible();
    await expect(elite.locator('cis-media-article script')).toHaveCount(0);
    await expect(elite.locator('cis-media-article img')).toHaveCount(0);
    await expect(elite.locator('img[onerror]')).toHaveCount(0);
    // Give a broken image's error handler time to have run, had there been one.
    await elite.waitForLoadState('networkidle');
    await elite.waitForTimeout(300);
    expect(await pwned(elite)).toBeUndefined();
    expect(await pwned(editor)).toBeUndefined();
  } finally {
    await Promise.all([editor, elite].map((page) => page.context().close()));
  }
});

test('the state-media pages have no serious accessibility violations', async ({ page }) => {
  await loginAs(page, PERSONAS.elite);
  await page.goto('/portal?address=news.intra');
  await expect(frameHeading(page, 2, 'Central News Agency (simulated)')).toBeVisible();
  await expect(mediaSite(page).getByText('Lead story', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the news.intra front page');

  // The lead story's article page.
  const lead = mediaSite(page)
    .getByRole('region', { name: /^Lead story/ })
    .getByRole('heading', { level: 3 });
  const leadTitle = (await lead.textContent())?.trim() ?? '';
  await lead.getByRole('link').click();
  await expect(frameHeading(page, 3, leadTitle)).toBeVisible();
  await expect(framePage(page).getByRole('complementary', { name: 'Why is it like this?' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'an article page');

  // A section page, from the section navigation.
  await mediaSite(page)
    .getByRole('navigation', { name: /^Sections of/ })
    .getByRole('link', { name: 'Science and technology' })
    .click();
  await expect(frameHeading(page, 3, 'Science and technology')).toBeVisible();
  await expect(page).toHaveURL(/\?address=news\.intra\/section\/science$/);
  await expectNoSeriousA11yViolations(page, 'a section page');

  await openAddress(page, 'broadcast.intra');
  await expect(frameHeading(page, 3, 'Television')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the broadcast schedule');
});

test('the editor desk has no serious accessibility violations', async ({ page }) => {
  await loginAs(page, PERSONAS.editor);
  await openDesk(page);
  await page.getByLabel('Body', { exact: true }).fill('A **preview** of a paragraph.');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText('A preview of a paragraph.');
  // A failed action explains itself and keeps what was typed.
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Publish at' })).toBeVisible();
  await expect(page.getByLabel('Body', { exact: true })).toHaveValue('A **preview** of a paragraph.');
  await expectNoSeriousA11yViolations(page, 'the editor desk');
});

test('intranet search finds articles, opens them, and finds nothing for a filtered word', async ({ page }) => {
  await loginAs(page, PERSONAS.elite);
  await page.goto('/portal?address=search.intra');
  await expect(frameHeading(page, 2, 'Intranet Search')).toBeVisible();
  const box = page.getByRole('searchbox', { name: 'Search the intranet' });

  await box.fill('grain plan');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const results = framePage(page).getByRole('list', { name: 'Search results' });
  const grain = results.getByRole('link', { name: /Nationwide Grain Plan Fulfilled/ });
  await expect(grain).toBeVisible();
  await expect(results.getByRole('listitem').first()).toContainText(/Central News Agency|Daily Banner/);
  await expectNoSeriousA11yViolations(page, 'search results');

  await box.fill('democracy');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(framePage(page).getByRole('status').filter({ hasText: 'No results.' })).toBeVisible();
  await expect(results).toHaveCount(0);

  await box.fill('grain plan');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await grain.click();
  await expect(
    framePage(page).getByRole('heading', { level: 3, name: /Nationwide Grain Plan Fulfilled/ }),
  ).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue(/^(news|daily)\.intra\/article\//);
});

test('the foreigner reads the Visitor News Digest and nothing of the domestic press', async ({ page }) => {
  await loginAs(page, PERSONAS.foreigner);
  const guest = await articlesOf(page, 'visitor-news');
  expect(guest.length).toBeGreaterThan(0);
  expect(new Set(guest.map((article) => article.site))).toEqual(new Set(['visitor-news']));

  await framePage(page).getByRole('button', { name: 'Visitor News Digest', exact: true }).click();
  await expect(frameHeading(page, 2, 'Visitor News Digest')).toBeVisible();
  await expect(page).toHaveURL(/\/foreign\?address=news\.guest$/);
  await expect(mediaSite(page).getByRole('link', { name: guest[0]!.title }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the Visitor News Digest');

  // The domestic papers are not on this network, by address or by API: the wall names the foreigners' network.
  await openAddress(page, 'daily.intra');
  await expect(frameHeading(page, 2, "Not on the foreigners' network")).toBeVisible();
  for (const path of ['/api/media/articles?site=daily', '/api/media/articles?site=news-agency']) {
    const response = await page.request.get(path);
    // Answered exactly as a site that does not exist.
    expect(response.status(), `GET ${path} as the foreigner`).toBe(404);
  }
  const all = await page.request.get('/api/media/articles?pageSize=50');
  expect(all.status()).toBe(200);
  const sites = new Set(((await all.json()) as ArticlesResponse).articles.map((article) => article.site));
  expect(sites).toEqual(new Set(['visitor-news']));
});
