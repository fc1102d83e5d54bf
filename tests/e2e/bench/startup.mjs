// Benchmark (prints figures; asserts nothing): how the portal starts, over
// the server and over the in-browser backend, in the same run and browser.
//
//   download    everything the browser fetches before the sign-in page
//               shows its accounts, per file: raw, and brotli (quality 11,
//               as the server precompresses the app). With the in-browser
//               backend, the page plus its engine worker (the SharedWorker's
//               own fetches are not the page's: its files are counted from
//               dist/). Target: <= 250 KB brotli over the server.
//   sign-in     navigation -> the first account button shown
//   first row   navigation -> the first row of the 100,000-PC Unassigned
//               Devices list shown, signed in (over the in-browser backend
//               on a first visit, which includes making the demo data)
//   longest task  the longest main-thread task in each (the `longtask`
//               observer sees those over 50 ms in every run; one more run
//               is traced for the longest of any length)
//
// Run: ./scripts/bench.sh (it builds dist/ and the release server first).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { serveDist, launchBrowser, DIST } from '../harness.mjs';
import { signInAlpine, startReleaseServer } from './backends.mjs';

const RUNS = 5;
/** The engine worker's files, fetched by the SharedWorker itself. */
const ENGINE_WORKER_FILES = ['engine-worker-loader.js', 'engine-worker.js', 'engine-worker_bg.wasm'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;


/** Before the app: a mark at the start, and the long tasks. */
function instrument() {
  performance.mark('bench:start');
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const t of list.getEntries()) window.__longTasks.push(t.duration);
  }).observe({ type: 'longtask', buffered: true });
  // The moment the first account button is in the page.
  new MutationObserver((_, observer) => {
    if (document.querySelector('button.account')) {
      performance.mark('bench:accounts');
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/** A fresh context: signed out, or signed in as Alpine's admin with the
 * large demo. */
async function context(browser, backend, { signedIn }) {
  const ctx = await browser.newContext({ baseURL: backend.url, viewport: { width: 1400, height: 900 } });
  await ctx.addInitScript(instrument);
  if (signedIn) await signInAlpine(ctx, backend);
  return ctx;
}

/** What the page fetched until now: path -> raw and brotli bytes. */
function recordFetches(page) {
  const fetched = new Map();
  page.on('response', async (response) => {
    const path = new URL(response.url()).pathname;
    try {
      const body = await response.body();
      fetched.set(path, { raw: body.length, brotli: brotli(body) });
    } catch { /* a response without a body (a redirect) */ }
  });
  return fetched;
}

async function signInPage(page) {
  await page.goto('/');
  await page.locator('button.account').first().waitFor({ timeout: 60_000 });
  return page.evaluate(() => { performance.mark('bench:shown'); return performance.now(); });
}

async function firstRow(page) {
  await page.goto('/all/unassigned-devices');
  await page.getByRole('status').filter({ hasText: '100,000 PCs' }).first().waitFor({ timeout: 120_000 });
  await page.getByRole('row').nth(1).waitFor();
  return page.evaluate(() => { performance.mark('bench:shown'); return performance.now(); });
}

/** `RUNS` timed runs of `scenario` in fresh contexts, then one traced. */
async function measure(browser, backend, scenario, { signedIn }) {
  const times = [];
  const longTasks = [];
  let fetched = new Map();
  let later = new Map();
  for (let run = 0; run < RUNS; run++) {
    const ctx = await context(browser, backend, { signedIn });
    const page = await ctx.newPage();
    // Only the sign-in page's download is reported; compressing the
    // 100,000-PC list's 14 MB at quality 11 would take the CPU from the
    // page being measured.
    const recording = run === 0 && !signedIn;
    if (recording) fetched = recordFetches(page);
    times.push(await scenario(page));
    longTasks.push(...await page.evaluate(() => window.__longTasks));
    if (recording) {
      // Only what was asked for before the accounts showed counts; the
      // pages behind sign-in are fetched after, while the user picks.
      const before = await page.evaluate(() => {
        const mark = (name) => performance.getEntriesByName(name).at(-1);
        const shown = (mark('bench:accounts') ?? mark('bench:shown')).startTime;
        return performance.getEntriesByType('resource').filter((e) => e.startTime <= shown).map((e) => new URL(e.name).pathname);
      });
      await page.waitForTimeout(1500); // the last bodies read
      later = new Map([...fetched].filter(([path]) => path !== '/' && !before.includes(path)));
      for (const path of later.keys()) fetched.delete(path);
    }
    await ctx.close();
  }
  const ctx = await context(browser, backend, { signedIn });
  const page = await ctx.newPage();
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  await scenario(page);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await ctx.close();
  return {
    ms: median(times),
    longest: longTasks.length ? Math.max(...longTasks) : null,
    traced: longestTaskBetweenMarks(trace.traceEvents, 'bench:start', 'bench:shown'),
    fetched,
    later,
  };
}

/** The download before the sign-in page shows its accounts, per file. */
function downloadTable(backend, fetched) {
  const rows = [...fetched].map(([path, size]) => ({ path, ...size }));
  if (backend.name === 'in-browser') {
    for (const file of ENGINE_WORKER_FILES) {
      const path = `/${file}`;
      if (!fetched.has(path) && existsSync(join(DIST, file))) {
        const bytes = readFileSync(join(DIST, file));
        rows.push({ path: `${path} (engine worker)`, raw: bytes.length, brotli: brotli(bytes) });
      }
    }
  }
  rows.sort((a, b) => b.brotli - a.brotli);
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, brotli: t.brotli + r.brotli }), { raw: 0, brotli: 0 });
  return { rows, total };
}

/** The longest task on the main thread that made the marks `from` and
 * `to`, among the tasks overlapping the time between them (ms). */
function longestTaskBetweenMarks(events, from, to) {
  const marks = (name) => events.filter((e) => e.name === name && e.cat.includes('blink.user_timing'));
  const end = marks(to).at(-1);
  const start = marks(from).filter((e) => end && e.pid === end.pid && e.tid === end.tid && e.ts <= end.ts).at(-1);
  if (!start || !end) return null;
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === end.pid && e.tid === end.tid
    && e.ts < end.ts && e.ts + e.dur > start.ts);
  return tasks.length ? Math.max(...tasks.map((t) => t.dur)) / 1000 : 0;
}

const ms = (n) => (n === null ? 'none' : `${n.toFixed(0)} ms`);
const dist = await serveDist();
const server = await startReleaseServer();
const browser = await launchBrowser();
try {
  console.log(`== Start of the portal (release build in ${DIST}; ${RUNS} runs each, median; fresh browser context each run)`);
  for (const backend of [server, { name: 'in-browser', url: dist.url }]) {
    const signIn = await measure(browser, backend, signInPage, { signedIn: false });
    const list = await measure(browser, backend, firstRow, { signedIn: true });
    const download = downloadTable(backend, signIn.fetched);
    console.log(`\n-- ${backend.name === 'server' ? 'served by the server (SQLite, large demo)' : 'in-browser backend (SharedWorker, large demo)'}`);
    console.log(`  download before the sign-in page shows its accounts: ${kb(download.total.raw)} raw, ${kb(download.total.brotli)} brotli${backend.name === 'server' ? ' (target: <= 250 KB brotli)' : ' (page + engine worker)'}`);
    for (const r of download.rows) console.log(`    ${r.path.padEnd(48)} ${kb(r.raw).padStart(10)} raw ${kb(r.brotli).padStart(10)} brotli`);
    const later = downloadTable({ name: 'later' }, signIn.later);
    console.log(`  fetched after the accounts showed, while the user picks one: ${kb(later.total.raw)} raw, ${kb(later.total.brotli)} brotli`);
    for (const r of later.rows) console.log(`    ${r.path.padEnd(48)} ${kb(r.raw).padStart(10)} raw ${kb(r.brotli).padStart(10)} brotli`);
    console.log(`  sign-in page (navigation -> accounts shown): ${ms(signIn.ms)}; longest main-thread task: ${signIn.longest === null ? 'none over 50 ms' : ms(signIn.longest)} in ${RUNS} runs, ${ms(signIn.traced)} in the traced run`);
    console.log(`  first row of the 100,000-PC list (navigation -> row shown): ${ms(list.ms)}; longest main-thread task: ${list.longest === null ? 'none over 50 ms' : ms(list.longest)} in ${RUNS} runs, ${ms(list.traced)} in the traced run`);
  }
} finally {
  await browser.close();
  server.stop();
  await dist.close();
}
