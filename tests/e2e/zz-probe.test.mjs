import { test, before, after } from 'node:test';
import { startApp } from './harness.mjs';
import { customerIdOnAccountPage, goToUnassignedDevices, deviceList } from './portal.mjs';
import { partnerPage, transferFiles, transferCsv, rowsTo, transferDialog, transferFromPage, notificationCenter, goToTransfers } from './transfer.mjs';
let app, files;
before(async () => { app = await startApp(); files = await transferFiles(); });
after(async () => { await app.close(); await files.remove(); });
test('probe', async () => {
  const page = await partnerPage(app, { durationMs: 3000 });
  const id = await customerIdOnAccountPage(page, 'Contoso Ltd');
  let list = await goToUnassignedDevices(page);
  const s = (await list.serials()).slice(0, 6);
  const job = await transferFromPage(page, files, { name: 'one.csv', serials: s.slice(0, 2), customerId: id });
  await page.reload();
  list = deviceList(page, 'Unassigned Devices'); await list.loaded();
  const t = transferDialog(page);
  await t.open();
  const t0 = Date.now();
  console.log(await t.choose(await files.write('two.csv', transferCsv(rowsTo(id, s.slice(0, 4))))));
  await t.possession.check();
  for (let i = 0; i < 12; i++) {
    console.log(Date.now() - t0, 'dialog', await t.dialog.count(), 'review', await t.review.count(), 'status', JSON.stringify(await page.getByRole('status').allTextContents()), await notificationCenter(page).bell.getAttribute('aria-label'));
    await new Promise(r => setTimeout(r, 400));
  }
  console.log(await t.dialog.ariaSnapshot());
  console.log(await page.evaluate(() => [...document.querySelectorAll('dialog')].map(d => [d.open, d.isConnected, d.matches(':modal'), d.innerText.slice(0, 80)])));
  console.log(await page.getByRole('main').ariaSnapshot().then(x => x.slice(0, 400)));
  await page.getByRole('main').screenshot({ path: '/tmp/explore/after.png' });
});
