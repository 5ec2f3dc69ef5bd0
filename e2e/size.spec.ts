/**
 * The first screen stays light: museum kiosks and school laptops on slow networks
 * must get the login page with at most 20 KB of JavaScript on the wire (issue 15; it carries the language
 * switch and the localization runtime now, the Korean strings load only when chosen). Measured as
 * Chromium received it (compressed body bytes from its network events), not by
 * compressing bodies again here; the scripts must arrive with a content-encoding.
 */
import { expect, test, type Page, type Request, type Response } from '@playwright/test';
import { PERSONAS, framePage, loginAs } from './helpers';

const BUDGET_BYTES = 20_000;

interface Transfer {
  path: string;
  /** Body bytes as received (compressed). */
  bytes: number;
  /** Body bytes once decoded (0 when no longer available). */
  decoded: number;
  encoding: string | undefined;
}

function isScript(request: Request): boolean {
  return request.resourceType() === 'script';
}

/** The decoded body's length; 0 once its document was navigated away from (the body is gone then). */
async function decodedLength(response: Response | null): Promise<number> {
  try {
    return (await response?.body())?.length ?? 0;
  } catch {
    return 0;
  }
}

/** Records every script the page finishes loading, with the bytes Chromium received for it. */
function recordScripts(page: Page): () => Promise<Transfer[]> {
  const done: Promise<Transfer>[] = [];
  page.on('requestfinished', (request) => {
    if (!isScript(request)) return;
    done.push(
      (async () => {
        const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
        const headers = (await response?.allHeaders()) ?? {};
        return {
          path: new URL(request.url()).pathname,
          bytes: sizes.responseBodySize,
          decoded: await decodedLength(response),
          encoding: headers['content-encoding'],
        };
      })(),
    );
  });
  return () => Promise.all(done);
}

function report(label: string, scripts: Transfer[]): number {
  const total = scripts.reduce((sum, s) => sum + s.bytes, 0);
  const decoded = scripts.reduce((sum, s) => sum + s.decoded, 0);
  console.log(
    `${label}: ${scripts.length} scripts, ${total} bytes transferred (${(total / 1024).toFixed(1)} KiB), ` +
      `${decoded} bytes decoded (${(decoded / 1024).toFixed(1)} KiB)\n` +
      scripts
        .map((s) => `  ${s.path}: ${s.bytes} B ${s.encoding ?? 'uncompressed'} (${s.decoded} B decoded)`)
        .join('\n'),
  );
  return total;
}

test('the login page loads at most 20 KB of JavaScript over the wire, compressed', async ({ browser }) => {
  // A fresh context: nothing cached, no session cookie.
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = recordScripts(page);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  try {
    await page.goto('/login', { waitUntil: 'networkidle' });
    await expect(page.getByLabel('Username', { exact: true })).toBeVisible();
    // The logged-out probe (GET /api/session) is a 200, not a 401 logged as an error.
    expect(consoleErrors, 'console errors on the login page').toEqual([]);

    const loaded = await scripts();
    const total = report('login page JavaScript', loaded);
    expect(loaded.length, 'scripts loaded by the login page').toBeGreaterThan(0);
    // Every script worth compressing arrives compressed (the server leaves files under 1 KB as they are:
    // the login banner's small illustrations, loaded after the form).
    for (const s of loaded.filter((x) => x.decoded >= 1024)) {
      expect(s.encoding, `content-encoding of ${s.path}`).toMatch(/^(br|gzip)$/);
      expect(s.bytes, `transferred bytes of ${s.path}`).toBeLessThan(s.decoded);
    }
    expect(total, 'JavaScript of the login page on the wire, in bytes').toBeLessThanOrEqual(BUDGET_BYTES);
  } finally {
    await context.close();
  }
});

test('a news front page: JavaScript on the wire, for the record', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = recordScripts(page);
  try {
    // As a visitor does: log in, then open the news agency from the portal's directory.
    await loginAs(page, PERSONAS.elite);
    await page.getByRole('button', { name: 'Central News Agency (simulated)', exact: true }).click();
    await expect(framePage(page).getByRole('region', { name: /^Lead story/ })).toBeVisible();
    const loaded = await scripts();
    const unique = [...new Map(loaded.map((s) => [s.path, s])).values()];
    report('login, then the news.intra front page: JavaScript', unique);
    for (const s of unique.filter((x) => x.decoded >= 1024))
      expect(s.encoding, `content-encoding of ${s.path}`).toMatch(/^(br|gzip)$/);
  } finally {
    await context.close();
  }
});
