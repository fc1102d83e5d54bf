// Transferring PCs to a customer's dashboard, as the help article's steps
// go: Customer ID from Account > Overview, Transfer above Unassigned Devices
// (B1) or a customer's Devices > PCs (B2), the Transfer Devices dialog, the
// Notification Center and its Summary; the jobs behind it (reload, double
// submission) and the Transfers page.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  startApp, assertNoPageErrors, expectCount, expectEnabled, expectText, expectVisible, eventually,
} from './harness.mjs';
import {
  ALPINE_UNASSIGNED, customerIdOnAccountPage, goToUnassignedDevices, goToCustomerPcs, exportCsv, listTotal,
  formatThousands,
} from './portal.mjs';
import {
  TRANSFER_HEADER, SUMMARY_HEADER, partnerPage, transferFiles, transferCsv, rowsTo, parseCsv, downloadCsv,
  transferDialog, transferFromPage, expectNoUpload, notificationCenter, notificationSummary, headline,
  successRows, goToTransfers, expectTotal, expectListed,
} from './transfer.mjs';

let app;
let files;
before(async () => {
  app = await startApp();
  files = await transferFiles();
});
afterEach(() => app.closePages());
after(async () => {
  await app.close();  await files.remove(); });
test('zz probe reload', async () => {
  const page = await partnerPage(app, { durationMs: 3000 });
  const contosoId = await customerIdOnAccountPage(page, 'Contoso Ltd');
  const s = (await (await goToUnassignedDevices(page)).serials()).slice(0, 5);
  await transferFromPage(page, files, { name: 'r1.csv', serials: s.slice(0, 2), customerId: contosoId });
  await page.reload();
  const transfer = transferDialog(page);
  await transfer.open();
  await transfer.choose(await files.write('r2.csv', transferCsv(rowsTo(contosoId, s.slice(2)))));
  await notificationCenter(page).expectUnread(1);
  for (let i = 0; i < 4; i++) { console.log(await page.evaluate(() => [...document.querySelectorAll('dialog')].map(d => [d.open, d.matches(':modal'), d.innerText.length]))); await new Promise(r => setTimeout(r, 500)); }
});
