// Benchmark (prints figures; asserts nothing): the 100,000-PC portal over
// the server beside the in-browser backend, in the same run, same browser.
//
//   list          navigation -> first row of Unassigned Devices shown, and
//                 the bytes the list took on the wire (server)
//   file review   a 100,000-row transfer file chosen -> verdict shown in the
//                 Transfer Devices dialog (target: server <= 1.5 x in-browser)
//
// Run: ./scripts/bench.sh (it builds dist/ and the release server first).
import { serveDist, launchBrowser } from '../harness.mjs';
import { signInAlpine, startReleaseServer } from './backends.mjs';
import { allUnassignedToContoso } from './transfer-file.mjs';

const RUNS = 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];


/** A signed-in Alpine admin, on either backend. */
async function signedIn(browser, backend) {
  const context = await browser.newContext({ baseURL: backend.url, viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  await signInAlpine(context, backend);
  return context;
}

async function firstRow(page) {
  let listBytes = 0;
  page.on('requestfinished', async (request) => {
    if (request.url().includes('/unassigned-devices')) listBytes = (await request.sizes()).responseBodySize;
  });
  await page.goto('/all/unassigned-devices');
  await page.getByRole('status').filter({ hasText: '100,000 PCs' }).first().waitFor({ timeout: 120_000 });
  await page.getByRole('row').nth(1).waitFor();
  const ms = await page.evaluate(() => performance.now());
  return { ms, listBytes };
}

async function review(page, file) {
  await page.getByRole('link', { name: 'Unassigned Devices' }).click();
  // The list loads first (over HTTP it is fetched again): the review is
  // timed alone, not racing it.
  await page.getByRole('status').filter({ hasText: '100,000 PCs' }).first().waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Transfer', exact: true }).click();
  await page.waitForTimeout(500);
  const t0 = Date.now();
  await page.getByLabel('Transfer file').setInputFiles(file.path);
  await page.getByText('will be transferred').waitFor({ timeout: 120_000 });
  const ms = Date.now() - t0;
  await page.keyboard.press('Escape');
  return ms;
}

async function measure(browser, backend) {
  const lists = [];
  const reviews = [];
  let bytes = 0;
  let rows = 0;
  for (let run = 0; run < RUNS; run++) {
    const context = await signedIn(browser, backend);
    const page = await context.newPage();
    const list = await firstRow(page);
    lists.push(list.ms);
    bytes = list.listBytes;
    const file = await allUnassignedToContoso(page);
    rows = file.rows;
    reviews.push(await review(page, file));
    await context.close();
  }
  return { list: median(lists), reviews: median(reviews), bytes, rows };
}

const browser = await launchBrowser();
const dist = await serveDist();
const server = await startReleaseServer();
try {
  const inBrowser = await measure(browser, { name: 'in-browser', url: dist.url });
  const overHttp = await measure(browser, { name: 'server', url: server.url });
  console.log(`The 100,000-PC portal, in-browser backend beside the server (SQLite), median of ${RUNS} runs`);
  console.log(`  first row of Unassigned Devices (navigation -> row shown): in-browser ${inBrowser.list.toFixed(0)} ms, server ${overHttp.list.toFixed(0)} ms`);
  console.log(`    the server's list on the wire: ${(overHttp.bytes / 1e6).toFixed(2)} MB (compressed as the browser asked)`);
  console.log(`  reviewing a ${overHttp.rows}-row transfer file (file chosen -> verdict shown): in-browser ${inBrowser.reviews} ms, server ${overHttp.reviews} ms = ${(overHttp.reviews / inBrowser.reviews).toFixed(2)} x (target <= 1.5 x)`);
} finally {
  server.stop();
  await dist.close();
  await browser.close();
}
