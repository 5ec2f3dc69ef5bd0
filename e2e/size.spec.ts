/**
 * The first screen stays light: museum kiosks and school laptops on slow networks
 * must get the login page with at most 50 KiB of gzipped JavaScript.
 */
import { gzipSync } from 'node:zlib';
import { expect, test, type Response } from '@playwright/test';

const BUDGET_BYTES = 50 * 1024;

function isScript(response: Response): boolean {
  if (response.request().resourceType() === 'script') return true;
  return /javascript|ecmascript/i.test(response.headers()['content-type'] ?? '');
}

test('the login page loads at most 50 KiB of gzipped JavaScript', async ({ browser }) => {
  // A fresh context: nothing cached, no session cookie.
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies = new Map<string, Promise<Buffer>>();
  page.on('response', (response) => {
    if (isScript(response) && !bodies.has(response.url())) bodies.set(response.url(), response.body());
  });
  try {
    await page.goto('/login', { waitUntil: 'networkidle' });
    await expect(page.getByLabel('Username', { exact: true })).toBeVisible();

    const sizes = await Promise.all(
      [...bodies].map(async ([url, body]) => ({
        url: new URL(url).pathname,
        gzipped: gzipSync(await body, { level: 9 }).length,
      })),
    );
    const total = sizes.reduce((sum, s) => sum + s.gzipped, 0);
    console.log(
      `login page JavaScript: ${sizes.length} scripts, ${total} bytes gzipped ` +
        `(${(total / 1024).toFixed(1)} KiB of ${BUDGET_BYTES / 1024} KiB)\n` +
        sizes.map((s) => `  ${s.url}: ${s.gzipped} B`).join('\n'),
    );
    expect(sizes.length, 'scripts loaded by the login page').toBeGreaterThan(0);
    expect(total, 'gzipped JavaScript of the login page, in bytes').toBeLessThanOrEqual(BUDGET_BYTES);
  } finally {
    await context.close();
  }
});
