/**
 * Forged requests from a same-site page: another port on the same host shares the
 * SameSite=Strict cookie, so only the server's JSON-and-Origin rule stops a form post, a
 * `no-cors` fetch or an image from acting in a logged-in classmate's name.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import type { Article, TrailResponse } from '../server/protocol/api';
import { PERSONAS, loginAs, postJson } from './helpers';

const ARTICLE = 'grain-plan-fulfilled-128-per-cent';

/** The attacker's page on another local port: a form post, a no-cors fetch and an image, all at the app. */
function attackerPage(app: string): string {
  return `<!doctype html><html><head><title>Prize draw</title></head><body>
<h1>You have won</h1>
<img alt="" src="${app}/api/media/search?q=freedom">
<form id="f" method="POST" enctype="text/plain" action="${app}/api/media/articles/${ARTICLE}/unpublish">
  <input type="hidden" name='{"x":"' value='"}'>
</form>
<script>
  Promise.allSettled([
    fetch('${app}/api/media/search', { method: 'POST', mode: 'no-cors', credentials: 'include',
      headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ q: 'freedom' }) }),
    fetch('${app}/api/auth/logout', { method: 'POST', mode: 'no-cors', credentials: 'include' }),
    fetch('${app}/api/media/articles/${ARTICLE}', { method: 'PATCH', mode: 'no-cors', credentials: 'include',
      body: '{"title":"Forged"}' }),
  ]).then(() => { document.title = 'fetched'; document.getElementById('f').submit(); });
</script>
</body></html>`;
}

let attacker: Server;
let attackerUrl = '';

test.beforeAll(async () => {
  const app = String(test.info().project.use.baseURL);
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(attackerPage(app));
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
});
test.afterAll(async () => {
  await new Promise((resolve) => attacker.close(resolve));
});

test('a form post, a no-cors fetch and an image from another local port change and record nothing', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await loginAs(page, PERSONAS.editor);
    const appOrigin = new URL(page.url()).origin;

    // The same browser, still logged in, visits the attacker's page on another port.
    const submitted = page.waitForResponse((r) => r.url().endsWith(`/${ARTICLE}/unpublish`));
    await page.goto(attackerUrl);
    const answer = await submitted;
    expect(answer.status(), 'the forged form post is refused').toBe(403);
    expect(await answer.json()).toMatchObject({ error: { code: 'bad_origin' } });

    // Back on the app: nothing changed, nothing was recorded, the login stands.
    await page.goto(appOrigin + '/portal');
    const me = await page.request.get('/api/me');
    expect(me.status(), 'the forged logout did not end the login').toBe(200);
    const article = (await (await page.request.get(`/api/media/articles/${ARTICLE}`)).json()) as Article;
    expect(article.status).toBe('published');
    expect(article.title).not.toBe('Forged');
    const trail = await postJson(page, '/api/browse', { address: 'news.intra' });
    expect(trail.status(), 'the page’s own JSON write still works').toBe(200);
  } finally {
    await context.close();
  }
});

test('the forged searches plant nothing in the censor’s trail', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const censorContext = await browser.newContext();
  const censor = await censorContext.newPage();
  try {
    await loginAs(page, PERSONAS.academic);
    await loginAs(censor, PERSONAS.censor);
    const count = async () =>
      ((await (await censor.request.get('/api/trail?user=academic&limit=200')).json()) as TrailResponse).events.filter(
        (e) => e.kind === 'search_flagged' || e.kind === 'search' || e.kind === 'logout',
      ).length;
    const before = await count();
    // The form is submitted once every fetch has settled: its answer means the attack is over.
    const submitted = page.waitForResponse((r) => r.url().endsWith(`/${ARTICLE}/unpublish`));
    await page.goto(attackerUrl);
    expect((await submitted).status()).toBe(403);
    expect(await count(), 'no search or logout recorded in the academic’s name').toBe(before);
  } finally {
    await context.close();
    await censorContext.close();
  }
});
