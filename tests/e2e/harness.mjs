// Shared set-up of the end-to-end tests: serve dist/ and drive it in
// Debian's headless Chromium through playwright-core.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

// WXP_DIST serves another build (e.g. a copy while dist/ is being rebuilt).
export const DIST = process.env.WXP_DIST ?? resolve(import.meta.dirname, '../../dist');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml',
};

/** Serves dist/ on a free loopback port, with the SPA fallback to index.html. */
export async function serveDist() {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(DIST, path);
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
    } catch {
      file = join(DIST, 'index.html');
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(await readFile(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Debian's Chromium, headless, with the flags this closed network needs.
 * (playwright gives every launch a fresh, empty user data directory.) */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
}

/** A fresh browser context (empty local storage) that may use the clipboard;
 * `options` are playwright's context options (e.g. `{ locale: 'it-IT' }`,
 * the browser's language; English by default). */
export async function newPage(browser, baseURL, options = {}) {
  const context = await browser.newContext({ baseURL, acceptDownloads: true, ...options });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.errors = errors;
  return page;
}

/** Signs in from the sign-in page with the demo account whose button names `who`. */
export async function signIn(page, who) {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: who }).click();
}

// ----- Test-file set-up and auto-waiting checks ---------------------------
// playwright-core has no `expect`: these poll what the user would see until
// it matches, and fail with the last value seen after a timeout.

/** How long a check waits for the page to get there, in ms. */
export const CHECK_TIMEOUT = 10_000;

/** Starts the server and the browser of one test file. `newPage(options)`
 * opens a fresh context (empty local storage); `closePages()` closes every context
 * opened since the last call; `close()` stops everything. */
export async function startApp() {
  const server = await serveDist();
  const browser = await launchBrowser();
  let pages = [];
  return {
    url: server.url,
    async newPage(options) {
      const page = await newPage(browser, server.url, options);
      page.context().setDefaultTimeout(CHECK_TIMEOUT);
      pages.push(page);
      return page;
    },
    async closePages() {
      const open = pages;
      pages = [];
      await Promise.all(open.map((page) => page.context().close()));
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Fails if the page reported an uncaught exception or a console error. */
export function assertNoPageErrors(page) {
  assert.deepEqual(page.errors, [], 'the page reported errors');
}

/** Polls `read()` until `accept(value)` holds and returns that value. An
 * exception from `read` counts as "not yet". */
export async function eventually(read, accept, { timeout = CHECK_TIMEOUT, what = 'the value' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let error;
  for (;;) {
    try {
      last = await read();
      error = undefined;
      if (accept(last)) return last;
    } catch (e) {
      error = e;
    }
    if (Date.now() > deadline) {
      const seen = error ? `error: ${error.message}` : `last seen: ${JSON.stringify(last)}`;
      throw new assert.AssertionError({ message: `Timed out after ${timeout} ms waiting for ${what} (${seen})` });
    }
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

const squash = (text) => (text ?? '').replace(/\s+/g, ' ').trim();
const matches = (expected) => (value) =>
  expected instanceof RegExp ? expected.test(value) : value === expected;

/** Waits until the locator's text, whitespace collapsed, equals `expected`
 * (a string) or matches it (a RegExp). Returns the text. */
export function expectText(locator, expected, options) {
  return eventually(async () => squash(await locator.textContent({ timeout: 1_000 })), matches(expected), {
    what: `text ${expected} in ${locator}`,
    ...options,
  });
}

/** Waits until the locator's attribute `name` equals or matches `expected`. */
export function expectAttribute(locator, name, expected, options) {
  return eventually(() => locator.getAttribute(name, { timeout: 1_000 }), matches(expected), {
    what: `${name}=${expected} on ${locator}`,
    ...options,
  });
}

/** Waits until the locator matches exactly `n` elements (0: none left). */
export function expectCount(locator, n, options) {
  return eventually(() => locator.count(), (count) => count === n, {
    what: `${n} × ${locator}`,
    ...options,
  });
}

/** Waits until the control is enabled (`true`) or disabled (`false`). */
export function expectEnabled(locator, enabled = true, options) {
  return eventually(() => locator.isEnabled({ timeout: 1_000 }), (is) => is === enabled, {
    what: `${locator} ${enabled ? 'enabled' : 'disabled'}`,
    ...options,
  });
}

/** Waits until the locator is visible; returns it. */
export async function expectVisible(locator, options) {
  await locator.waitFor({ state: 'visible', ...options });
  return locator;
}

/** Waits until the page's path (and query) equals or matches `expected`. */
export function expectPath(page, expected, options) {
  return eventually(() => {
    const url = new URL(page.url());
    return url.pathname + url.search;
  }, matches(expected), { what: `the address ${expected}`, ...options });
}
