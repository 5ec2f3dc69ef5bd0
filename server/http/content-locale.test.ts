/**
 * Content in the reader's language: what the pack says (sites, placards, boards) and what it
 * seeded into the session (articles, the boards' first threads, personas' names) comes back in
 * Korean when the client asks for it (Accept-Language, or the login's language), in English
 * otherwise; a seeded record someone changed is shown as it is now.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startServer, type Client, type TestServer } from '../test/harness';

let srv: TestServer;
let elite: Client;
const ARTICLE = 'grain-plan-fulfilled-128-per-cent';
const THREAD = 'spectrometer-booking-december';
const HANGUL = /[\uac00-\ud7af]/u;

beforeAll(async () => {
  srv = await startServer();
  elite = await loginAs(srv.url, 'elite');
});
afterAll(async () => {
  await srv.stop();
});

const ko = (c: Client, path: string) => c.request('GET', path, undefined, { 'accept-language': 'ko' });

describe('content in Korean', () => {
  it('serves the pack’s sites, placards and boards in the language asked for', async () => {
    expect(
      (await elite.get('/api/sites')).json.sites.find((s: { address: string }) => s.address === 'portal.intra').title,
    ).toBe('National Portal');
    const sites = (await ko(elite, '/api/sites')).json.sites as { address: string; title: string }[];
    expect(sites.find((s) => s.address === 'portal.intra')?.title).toBe('국가 포털');
    const placards = (await ko(elite, '/api/placards')).json.placards as {
      id: string;
      title: string;
      source: string;
    }[];
    expect(placards.find((p) => p.id === 'citizen-no-access')?.title).toMatch(HANGUL);
    const boards = (await ko(elite, '/api/boards')).json.boards as { id: string; title: string }[];
    expect(boards.find((b) => b.id === 'science-and-technology')?.title).toBe('과학기술');
  });

  it('serves seeded articles, threads and names in Korean, and the English as before', async () => {
    const article = (await ko(elite, `/api/media/articles/${ARTICLE}`)).json;
    expect(article.title).toMatch(/^전국 알곡생산계획 128% 수행/);
    expect(article.bodyHtml).toMatch(HANGUL);
    expect((await elite.get(`/api/media/articles/${ARTICLE}`)).json.title).not.toMatch(HANGUL);
    const thread = (await ko(elite, `/api/threads/${THREAD}`)).json;
    expect(thread.thread.title).toBe('12월 분광기 예약 일정');
    expect(thread.thread.authorName).toMatch(HANGUL);
    expect((await ko(elite, '/api/me')).json.displayName).toBe('리철진');
    expect((await elite.get('/api/me')).json.displayName).toBe('Ri Chol-jin');
  });

  it('uses the login’s language when the client does not say, and shows a changed record as it is', async () => {
    const reader = await loginAs(srv.url, 'scientist');
    await reader.request('PATCH', '/api/me', { locale: 'ko' });
    const res = await reader.request('GET', '/api/sites', undefined, { 'accept-language': '' });
    expect(res.json.sites.find((s: { address: string }) => s.address === 'portal.intra').title).toBe('국가 포털');

    const editor = await loginAs(srv.url, 'editor');
    const before = (await editor.get(`/api/media/articles/${ARTICLE}`)).json;
    const saved = await editor.request('PATCH', `/api/media/articles/${ARTICLE}`, {
      title: `${before.title} (revised)`,
    });
    expect(saved.status, saved.text).toBe(200);
    expect((await ko(elite, `/api/media/articles/${ARTICLE}`)).json.title).toBe(`${before.title} (revised)`);
  });

  it('finds a seeded article by the words a Korean reader sees in it', async () => {
    const search = (c: Client, q: string, headers: Record<string, string>) =>
      c.request('POST', '/api/media/search', { q }, headers);
    const ids = (res: { json: { results: { id: string }[] } }) => res.json.results.map((r) => r.id);
    const remedy = 'traditional-medicine-herbal-compound'; // as the pack wrote it (the test above changes ARTICLE)
    const korean = await search(elite, '고려약 감기치료제', { 'accept-language': 'ko' });
    expect(korean.status).toBe(200);
    expect(ids(korean)).toContain(remedy);
    // Shown in Korean, so found in Korean; an English reader, who reads it in English, does not find it so.
    expect(ids(await search(elite, '고려약 감기치료제', { 'accept-language': 'en' }))).not.toContain(remedy);
    expect(ids(await search(elite, 'herbal cold remedy', { 'accept-language': 'ko' }))).toContain(remedy);
  });
});
