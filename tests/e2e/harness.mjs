// Shared set-up of the end-to-end tests: serve the app and drive it in
// Debian's headless Chromium through playwright-core.
//
// Two backends, chosen with WXP_E2E_BACKEND:
//   mock    (the default) dist/ served by a static server here; the page
//           runs its in-browser backend, its data in the browser's local
//           storage (a fresh context: the seed again).
//   server  the portal's server (WXP_SERVER_BIN, by default
//           target/debug/wxp-server) in demo mode over a SQLite database in
//           a fresh temporary directory, serving dist/ on its own origin;
//           the page uses its HTTP API. Data is per server, not per browser
//           context (see `startApp`'s `freshDataPerTest`).
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

/** The repository's root. */
export const REPO = resolve(import.meta.dirname, '../..');
// WXP_DIST serves another build (e.g. a copy while dist/ is being rebuilt).
export const DIST = process.env.WXP_DIST ? resolve(process.env.WXP_DIST) : join(REPO, 'dist');

/** `mock` or `server`: which backend the page uses (WXP_E2E_BACKEND). */
export const BACKEND = process.env.WXP_E2E_BACKEND || 'mock';
if (!['mock', 'server'].includes(BACKEND)) {
  throw new Error(`WXP_E2E_BACKEND is "${BACKEND}": it is "mock" (the default) or "server"`);
}
export const SERVER_MODE = BACKEND === 'server';
/** The server's binary (WXP_SERVER_BIN, relative to the repository's root). */
export const SERVER_BIN = resolve(REPO, process.env.WXP_SERVER_BIN || 'target/debug/wxp-server');
/** Where the servers' logs (stdout and stderr) are kept, one file per server start. */
export const SERVER_LOG_DIR = process.env.WXP_E2E_LOG_DIR
  ? resolve(process.env.WXP_E2E_LOG_DIR) : join(tmpdir(), 'wxp-e2e-server-logs');

/** For `test(name, { skip }, fn)`: skips a test about the in-browser
 * backend itself (its local storage) when the page uses the server. */
export const mockOnly = (why) => (SERVER_MODE ? `in-browser backend only: ${why}` : false);
/** For `test(name, { skip }, fn)`: skips a test of the server in mock mode. */
export const serverOnly = (why) => (SERVER_MODE ? false : `server only (WXP_E2E_BACKEND=server): ${why}`);

/** The in-browser backend's local-storage keys of what the server takes
 * from its environment: a transfer's time as Running, and the pace of the
 * alerts raised over time. */
export const MOCK_KEYS = {
  transferDelayMs: 'wxp-portal/transfer-duration-ms',
  alertIntervalMs: 'wxp-portal/alert-interval-ms',
};
/** How long a transfer shows as running unless a test says otherwise (the
 * in-browser backend's own default). */
export const DEFAULT_TRANSFER_DELAY_MS = 1_500;

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

/** A fresh browser context (empty local storage, no cookie) that may use
 * the clipboard; `options` are playwright's context options (e.g.
 * `{ locale: 'it-IT' }`, the browser's language; English by default).
 *
 * `page.errors` collects uncaught exceptions and console errors. With the
 * server, the API's refusals (4xx: nobody signed in yet, a wrong password,
 * a duplicate name, a page of another customer…) are answers the page
 * shows, as the in-browser backend's refusals are: Chromium's "Failed to
 * load resource" line for them is not counted as an error; they are listed
 * in `page.refusals` ("GET /api/v1/session: 401 {…}"). Server errors (5xx)
 * and failed requests are errors. */
export async function newPage(browser, baseURL, options = {}) {
  const context = await browser.newContext({ baseURL, acceptDownloads: true, ...options });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  return watch(await context.newPage(), baseURL);
}

/** Another tab of the browser `page` is in (its context: the same storage,
 * the same SharedWorker, the same cookies), watched as `newPage` does. */
export async function newTab(page) {
  return watch(await page.context().newPage(), new URL(page.url()).origin);
}

/** Collects `page`'s errors and refusals (see `newPage`). */
function watch(page, baseURL) {
  const errors = [];
  const refusals = [];
  const isApi = (url) => url.startsWith(`${new URL(baseURL).origin}/api/`);
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const url = m.location()?.url ?? '';
    if (isApi(url) && /^Failed to load resource: the server responded with a status of 4\d\d\b/.test(m.text())) return;
    errors.push(isApi(url) ? `${m.text()} (${url})` : m.text());
  });
  page.on('response', async (response) => {
    if (response.status() < 400 || !isApi(response.url())) return;
    const request = `${response.request().method()} ${new URL(response.url()).pathname}`;
    const body = await response.text().catch(() => '');
    const line = `${request}: ${response.status()} ${body}`.trim();
    (response.status() < 500 ? refusals : errors).push(line);
  });
  page.errors = errors;
  page.refusals = refusals;
  return page;
}

/** Signs in from the sign-in page with the demo account whose button names `who`. */
export async function signIn(page, who) {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: who }).click();
}

// ----- The portal's server ------------------------------------------------

/** How long a server may take to say its address: its first start after a
 * build precompresses dist/ (brotli), which takes a while on 2 cores. */
const SERVER_START_TIMEOUT = 180_000;
/** The line the server prints once it listens. */
const LISTENING = /^WXP partner portal: (http:\/\/127\.0\.0\.1:\d+)\s*$/m;
/** What the servers started by this process are called in their logs. */
const LOG_PREFIX = basename(process.argv[1] ?? 'e2e').replace(/\.test\.mjs$|\.mjs$/, '');
let serverStarts = 0;
/** The servers running, stopped if this process ends (or is interrupted)
 * without stopping them. */
const running = new Set();
function killRunning() {
  for (const child of running) {
    try { process.kill(child.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
}
let cleanupInstalled = false;
function installCleanup() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', killRunning);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    // Then the signal again, with its default action.
    process.once(signal, () => { killRunning(); process.kill(process.pid, signal); });
  }
}

/** The environment of a server command: this process's, without any WXP_
 * setting of the caller's (e.g. WXP_PUBLIC_URL, which makes cookies Secure),
 * and with the database. */
function serverEnv(databaseUrl, extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('WXP_')));
  return { ...env, NO_COLOR: '1', WXP_DATABASE_URL: databaseUrl, ...extra };
}

/** The PostgreSQL server the server runs on (WXP_E2E_POSTGRES_URL), if any:
 * then each server directory has its own database on it. */
export const POSTGRES_URL = process.env.WXP_E2E_POSTGRES_URL || '';

/** The database of the server directory `dir`: a SQLite file in it, or a
 * PostgreSQL database named after it (created the first time). */
function databaseUrlIn(dir) {
  if (!POSTGRES_URL) return `sqlite://${join(dir, 'portal.db')}`;
  const name = `wxp_e2e_${basename(dir).toLowerCase().replace(/[^a-z0-9]/g, '_')}`;
  const exists = execFileSync('psql', [POSTGRES_URL, '-tAc', `SELECT 1 FROM pg_database WHERE datname = '${name}'`])
    .toString().trim() === '1';
  if (!exists) execFileSync('psql', [POSTGRES_URL, '-qc', `CREATE DATABASE ${name}`]);
  return `${POSTGRES_URL.replace(/\/[^/]*$/, '')}/${name}`;
}

/** Starts `wxp-server --demo --app dist/` on a free loopback port (or
 * `port`) over the database in `dir` (a fresh temporary directory unless
 * given: the demo seed). Its output is drained into a log file in
 * SERVER_LOG_DIR. Returns
 * { url, pid, dir, databaseUrl, logPath, settings, log(), stop() }. */
export async function startServer({
  dir, port = 0, transferDelayMs = DEFAULT_TRANSFER_DELAY_MS, alertIntervalMs = 0,
} = {}) {
  dir ??= await mkdtemp(join(tmpdir(), 'wxp-e2e-server-'));
  const databaseUrl = databaseUrlIn(dir);
  await mkdir(SERVER_LOG_DIR, { recursive: true });
  installCleanup();
  serverStarts += 1;
  const logPath = join(SERVER_LOG_DIR, `${LOG_PREFIX}-${process.pid}-${serverStarts}.log`);
  const logFile = createWriteStream(logPath);
  const settings = { transferDelayMs, alertIntervalMs };
  logFile.write(`# ${SERVER_BIN} --demo --app ${DIST}\n# WXP_DATABASE_URL=${databaseUrl} `
    + `WXP_TRANSFER_DELAY_MS=${transferDelayMs} WXP_ALERT_INTERVAL_MS=${alertIntervalMs}\n`);
  const child = spawn(SERVER_BIN, ['--demo', '--app', DIST], {
    env: serverEnv(databaseUrl, {
      PORT: String(port),
      WXP_TRANSFER_DELAY_MS: String(transferDelayMs),
      WXP_ALERT_INTERVAL_MS: String(alertIntervalMs),
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  // The last lines of output, for error messages; everything goes to the log.
  let tail = '';
  let stdout = '';
  const keep = (chunk) => { tail = (tail + chunk).slice(-8_000); logFile.write(chunk); };
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk) => { keep(chunk); if (stdout.length < 10_000) stdout += chunk; });
  child.stderr.on('data', keep);
  // 'exit', or 'error' when it could not be started at all.
  let spawnError;
  const exited = new Promise((ok) => {
    child.once('exit', (code, signal) => { running.delete(child); ok({ code, signal }); });
    child.once('error', (e) => { spawnError = e; running.delete(child); ok({ code: null, signal: null }); });
  });
  const streamsDone = Promise.all([
    new Promise((ok) => child.stdout.once('close', ok)),
    new Promise((ok) => child.stderr.once('close', ok)),
  ]);
  const failure = (why) => new Error(`wxp-server (${SERVER_BIN}) ${why}; its log: ${logPath}\n${tail}`);

  let url;
  let stopping = false;
  exited.then(({ code, signal }) => {
    if (url && !stopping) console.error(`wxp-server ${url} (pid ${child.pid}) exited (${signal ?? code}); its log: ${logPath}`);
  });
  try {
    url = await new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(failure(`did not say its address within ${SERVER_START_TIMEOUT / 1000} s`)),
        SERVER_START_TIMEOUT);
      const check = () => {
        const found = LISTENING.exec(stdout);
        if (found) { clearTimeout(timer); child.stdout.off('data', check); ok(found[1]); }
      };
      child.stdout.on('data', check);
      exited.then(({ code, signal }) => {
        clearTimeout(timer);
        fail(failure(spawnError
          ? `could not be started: ${spawnError.message}${spawnError.code === 'ENOENT' ? ' (build it: cargo build -p wxp-server)' : ''}`
          : `exited (${signal ?? code}) before listening`));
      });
    });
  } catch (e) {
    if (running.has(child)) process.kill(child.pid, 'SIGKILL');
    await exited;
    logFile.end();
    await rm(dir, { recursive: true, force: true });
    throw e;
  }

  let stopped;
  return {
    url,
    pid: child.pid,
    dir,
    databaseUrl,
    logPath,
    settings,
    /** The last lines the server wrote. */
    log: () => tail,
    /** Stops the server by its process id (SIGTERM, SIGKILL after 5 s) and
     * removes its directory unless `keepData`. */
    stop({ keepData = false } = {}) {
      stopping = true;
      stopped ??= (async () => {
        if (running.has(child)) {
          process.kill(child.pid, 'SIGTERM');
          const timer = setTimeout(() => { if (running.has(child)) process.kill(child.pid, 'SIGKILL'); }, 5_000);
          await exited;
          clearTimeout(timer);
        }
        await streamsDone;
        await new Promise((ok) => logFile.end(ok));
        if (!keepData) await rm(dir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}

/** Runs a server command (`create-admin`, `ingest`) over the database at
 * `databaseUrl`; returns { code, stdout, stderr }. */
export function runServerCommand(args, { databaseUrl, env = {} }) {
  return new Promise((ok, fail) => {
    const child = spawn(SERVER_BIN, args, { env: serverEnv(databaseUrl, env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c) => { stdout += c; });
    child.stderr.setEncoding('utf8').on('data', (c) => { stderr += c; });
    child.once('error', fail);
    child.once('close', (code) => ok({ code, stdout, stderr }));
  });
}

// ----- Test-file set-up and auto-waiting checks ---------------------------
// playwright-core has no `expect`: these poll what the user would see until
// it matches, and fail with the last value seen after a timeout.

/** How long a check waits for the page to get there, in ms. */
export const CHECK_TIMEOUT = 10_000;

/** Starts the app and the browser of one test file.
 *
 * `transferDelayMs` (how long a transfer shows as running before it runs;
 * 1,500 unless given) and `alertIntervalMs` (how often an alert is raised
 * on some PC; 0, none, unless given) are the backend's settings for the
 * file; `newPage` may override them for one page. With the in-browser
 * backend they go into the page's local storage before the app loads; with
 * the server, into its environment (a page asking for other settings gets
 * a server of its own with them, started once and kept until `close()`).
 *
 * Data: with the in-browser backend every context has the seed. With the
 * server, data is per server: with `freshDataPerTest`, the servers a test
 * used are stopped once it ends (`closePages()`), so that each test starts
 * with the seed (a server starts in a fraction of a second); without it,
 * a file's tests share the data.
 *
 * `newPage(options)` opens a fresh context (empty local storage, no
 * cookie: signed out); `options` are playwright's context options plus
 * `transferDelayMs` and `alertIntervalMs`. `closePages()` closes every
 * context opened since the last call; `close()` stops everything.
 * `server(settings)` is the server pages with those settings use (server
 * mode), `restartServer(settings)` stops it and starts it again over the
 * same database (pages closed first), `takeServerDown(settings)` stops it
 * under the open pages and returns a function that starts it again at the
 * same address over the same database. */
export async function startApp({
  transferDelayMs = DEFAULT_TRANSFER_DELAY_MS, alertIntervalMs = 0, freshDataPerTest = false,
} = {}) {
  const defaults = { transferDelayMs, alertIntervalMs };
  const settingsOf = (options = {}) => ({
    transferDelayMs: options.transferDelayMs ?? defaults.transferDelayMs,
    alertIntervalMs: options.alertIntervalMs ?? defaults.alertIntervalMs,
  });
  const keyOf = ({ transferDelayMs: t, alertIntervalMs: a }) => `${t}/${a}`;

  // Server mode: the servers by settings (promises, so that two pages
  // asking at once share one), and those used since the last closePages().
  const servers = new Map();
  const started = new Map(); // the same, once started
  const used = new Set();
  const track = (key, starting) => {
    servers.set(key, starting);
    starting.then((server) => { if (servers.get(key) === starting) started.set(key, server); },
      () => { if (servers.get(key) === starting) servers.delete(key); });
    return starting;
  };
  const serverFor = (settings) => {
    const key = keyOf(settings);
    return servers.get(key) ?? track(key, startServer(settings));
  };
  const stopServer = async (key, options) => {
    const server = servers.get(key);
    servers.delete(key);
    started.delete(key);
    used.delete(key);
    if (server) await (await server).stop(options);
  };

  // The app first: a server that does not start leaves no browser behind.
  const statics = SERVER_MODE ? null : await serveDist();
  if (SERVER_MODE) await serverFor(defaults);
  let browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    if (statics) await statics.close();
    await Promise.all([...servers.keys()].map((key) => stopServer(key)));
    throw e;
  }
  let pages = [];
  const closeContexts = async () => {
    const open = pages;
    pages = [];
    await Promise.all(open.map((page) => page.context().close()));
  };
  return {
    backend: BACKEND,
    /** The app's address (in server mode, of the server with the file's
     * settings, while it runs). */
    get url() {
      return SERVER_MODE ? started.get(keyOf(defaults))?.url : statics.url;
    },
    async newPage(options = {}) {
      const { transferDelayMs: t, alertIntervalMs: a, ...contextOptions } = options;
      const settings = settingsOf({ transferDelayMs: t, alertIntervalMs: a });
      let page;
      if (SERVER_MODE) {
        const server = await serverFor(settings);
        used.add(keyOf(settings));
        page = await newPage(browser, server.url, contextOptions);
      } else {
        page = await newPage(browser, statics.url, contextOptions);
        await page.context().addInitScript((entries) => {
          try {
            for (const [key, value] of entries) localStorage.setItem(key, value);
          } catch { /* a document without local storage (about:blank) */ }
        }, Object.entries(MOCK_KEYS).map(([name, key]) => [key, String(settings[name])]));
      }
      page.context().setDefaultTimeout(CHECK_TIMEOUT);
      pages.push(page);
      return page;
    },
    async closePages() {
      await closeContexts();
      if (SERVER_MODE && freshDataPerTest) {
        await Promise.all([...used].map((key) => stopServer(key)));
      }
    },
    /** The server that pages with these settings use (started if needed). */
    server(options) {
      assert.ok(SERVER_MODE, 'there is a server only with WXP_E2E_BACKEND=server');
      return serverFor(settingsOf(options));
    },
    /** Closes the pages, stops the server of these settings and starts it
     * again over the same database; returns the new one. */
    async restartServer(options) {
      assert.ok(SERVER_MODE, 'there is a server only with WXP_E2E_BACKEND=server');
      const settings = settingsOf(options);
      const key = keyOf(settings);
      const old = await serverFor(settings);
      await closeContexts();
      servers.delete(key);
      started.delete(key);
      await old.stop({ keepData: true });
      return track(key, startServer({ ...settings, dir: old.dir }));
    },
    /** Stops the server of these settings (by its process id) while its
     * pages stay open, as if it went down; returns `resume()`, which starts
     * it again at the same address over the same database and returns it. */
    async takeServerDown(options) {
      assert.ok(SERVER_MODE, 'there is a server only with WXP_E2E_BACKEND=server');
      const settings = settingsOf(options);
      const key = keyOf(settings);
      const old = await serverFor(settings);
      servers.delete(key);
      started.delete(key);
      await old.stop({ keepData: true });
      const port = Number(new URL(old.url).port);
      return () => track(key, startServer({ ...settings, dir: old.dir, port }));
    },
    async close() {
      await this.closePages();
      await browser.close();
      if (statics) await statics.close();
      await Promise.all([...servers.keys()].map((key) => stopServer(key)));
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
