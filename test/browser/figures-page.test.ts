// Issue 18: the /figures page of the built `vigil run` in a real browser: Chromium from the OS
// packages, driven by playwright-core (no browser download). On CI the browser must be there.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDigestChannel } from '../helpers/digest-page-store.js';
import { seedFiguresStore } from '../helpers/figures-store.js';
import { freePort, startVigil, tempDir, waitFor } from '../helpers/run-vigil.js';

const TOKEN = 'a-long-figures-token-for-browsers';
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const chromiumPath = CANDIDATES.find((candidate) => candidate !== undefined && existsSync(candidate));
if (chromiumPath === undefined && process.env.CI === 'true') {
  throw new Error('Chromium is missing: CI installs the OS package (apt-get install chromium)');
}

interface Vigil {
  child: ChildProcess;
  base: string;
  exited: Promise<number | null>;
}

/** `vigil run` over a seeded store, until /healthz answers. */
async function startRun(env: Record<string, string>): Promise<Vigil> {
  const dir = tempDir();
  const db = path.join(dir, 'vigil.db');
  await seedFiguresStore(db);
  await seedDigestChannel(db, new Date());
  const port = await freePort();
  const child = startVigil(['run'], { env: { VIGIL_DB: db, VIGIL_HTTP_PORT: String(port), ...env } });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => ((await fetch(`${base}/healthz`)).ok ? true : undefined), '/healthz');
  return { child, base, exited };
}

async function stop(vigil: Vigil | undefined): Promise<void> {
  if (vigil === undefined) return;
  vigil.child.kill('SIGTERM');
  await vigil.exited;
}

describe.skipIf(chromiumPath === undefined)('/figures in Chromium', () => {
  let browser: Browser;
  let withToken: Vigil | undefined;
  let withoutToken: Vigil | undefined;

  beforeAll(async () => {
    [withToken, withoutToken] = await Promise.all([startRun({ VIGIL_DASHBOARD_TOKEN: TOKEN }), startRun({})]);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      // Root (CI, containers) cannot use Chromium's sandbox.
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all([stop(withToken), stop(withoutToken)]);
  });

  it('shows the chart and the table, reaches the links by keyboard, logs no error', async () => {
    const context = await browser.newContext({ httpCredentials: { username: 'team', password: TOKEN } });
    const page = await context.newPage();
    const problems: string[] = [];
    const hosts = new Set<string>();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => hosts.add(new URL(request.url()).host));

    const response = await page.goto(`${withToken?.base}/figures`);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    const chart = page.locator('figure svg[role="img"]');
    await expect.poll(() => chart.isVisible()).toBe(true);
    expect(await chart.boundingBox()).toMatchObject({ width: expect.any(Number) });
    expect((await chart.boundingBox())?.height).toBeGreaterThan(200);
    expect(await page.locator('svg > title').textContent()).toBe('Figures reported');
    expect(await page.locator('svg > desc').textContent()).toMatch(/^Political prisoners: 3 points/);
    expect(await chart.locator('text', { hasText: 'Date' }).count()).toBeGreaterThan(0);

    const table = page.getByRole('table', { name: 'Figures reported, newest first' });
    expect(await table.isVisible()).toBe(true);
    expect(await table.getByRole('row').count()).toBe(6);
    expect(await table.getByRole('columnheader', { name: 'Sources' }).count()).toBe(1);
    // Feed text is shown as text, never run or drawn as markup.
    expect(await table.getByText('Count <script>alert("x")</script> & more', { exact: false }).count()).toBe(
      1,
    );
    expect(await page.locator('script').count()).toBe(0);

    // Tab goes first to the skip link, then through the navigation to every source link.
    const reached: string[] = [];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      reached.push(String(await page.evaluate("document.activeElement?.getAttribute('href') ?? ''")));
    }
    expect(reached[0]).toBe('#figures-table');
    expect(reached).toContain('/figures?kind=releases&since=90d');
    for (const n of [1, 2, 3, 4, 5, 6]) expect(reached).toContain(`https://example.org/news/${n}`);

    expect(problems).toEqual([]);
    expect([...hosts]).toEqual([new URL(withToken?.base ?? '').host]);
    await context.close();
  });

  it('follows a kind link to its own page', async () => {
    const context = await browser.newContext({ httpCredentials: { username: 'team', password: TOKEN } });
    const page = await context.newPage();
    await page.goto(`${withToken?.base}/figures`);
    await page.getByRole('link', { name: 'Released or pardoned' }).click();
    await page.waitForURL(/kind=releases/);
    expect(await page.locator('svg > desc').textContent()).toMatch(
      /^Released or pardoned: 1 point on [\d-]+; latest 52\.$/,
    );
    await context.close();
  });

  it('reaches a channel digest from the index by keyboard, and shows its stories as text', async () => {
    const context = await browser.newContext({ httpCredentials: { username: 'team', password: TOKEN } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    expect((await page.goto(`${withToken?.base}/digest`))?.status()).toBe(200);
    // `vigil run` has its own console channel too: Tab through the list to the team's.
    const focused: string[] = [];
    for (let i = 0; i < 5 && focused.at(-1) !== 'console:team'; i++) {
      await page.keyboard.press('Tab');
      focused.push(String(await page.evaluate("document.activeElement?.textContent ?? ''")));
    }
    expect(focused).toContain('console:team');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/digest\/console%3Ateam$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Digest for console:team');
    // The skip link comes first, then the page links, then each story's link.
    await page.keyboard.press('Tab');
    expect(await page.evaluate("document.activeElement?.getAttribute('href') ?? ''")).toBe('#digest');
    const digest = page.getByRole('region', { name: 'Digest' });
    expect(await digest.getByRole('heading', { name: /^sanctions: 1 story$/ }).count()).toBe(1);
    expect(await digest.getByRole('heading', { name: /^prisoners: 1 story$/ }).count()).toBe(1);
    expect(await digest.getByText('Also reported by: Voice of America').count()).toBe(1);
    expect(
      await digest.getByRole('link', { name: 'Court <script>alert(1)</script> sentences activist' }).count(),
    ).toBe(1);
    expect(await page.locator('script').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('asks for the token (401), and is not there when no token is configured (404)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Chromium, challenged for a password it was not given, stops the navigation.
    await expect(page.goto(`${withToken?.base}/figures`)).rejects.toThrow(/ERR_INVALID_AUTH_CREDENTIALS/);
    const anonymous = await context.request.get(`${withToken?.base}/figures`);
    expect(anonymous.status()).toBe(401);
    expect(anonymous.headers()['www-authenticate']).toContain('Basic');
    const another = await context.newPage();
    expect((await another.goto(`${withoutToken?.base}/figures`))?.status()).toBe(404);
    const withBearer = await fetch(`${withoutToken?.base}/figures`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(withBearer.status).toBe(404);
    await context.close();
  });
});
