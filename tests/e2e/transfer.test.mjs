// Transferring PCs to a customer's dashboard, as the help article's steps
// go: Customer ID from Account > Overview, Transfer above Unassigned Devices
// (B1) or a customer's Devices > PCs (B2), the Transfer Devices dialog, the
// Notification Center and its Summary; the jobs behind it (reload, double
// submission) and the Transfers page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoPageErrors, expectCount, expectEnabled, expectText, expectVisible, eventually,
} from './harness.mjs';
import {
  ALPINE_UNASSIGNED, customerIdOnAccountPage, goToUnassignedDevices, goToCustomerPcs, deviceList, exportCsv,
  listTotal, formatThousands,
} from './portal.mjs';
import {
  TRANSFER_HEADER, SUMMARY_HEADER, partnerPage, withAppAndFiles, transferCsv, rowsTo, parseCsv, downloadCsv,
  transferDialog, transferFromPage, expectNoUpload, notificationCenter, notificationSummary, headline,
  successRows, goToTransfers, expectTotal, expectListed,
} from './transfer.mjs';

let app;
let files;
withAppAndFiles((started) => ({ app, files } = started));

/** Checks the bell reports one finished transfer, then that opening it in
 * the panel marks it read and its Summary says every PC moved. */
async function expectOneTransferDone(page, { job, serials, to, customerId }) {
  const center = notificationCenter(page);
  await center.expectUnread(1);
  const summary = await notificationSummary(page, headline(job, { pcs: serials.length, to }));
  await center.expectUnread(0);
  assert.equal(summary.name, `transfer-${job}-summary.csv`);
  assert.deepEqual(summary.header, SUMMARY_HEADER);
  assert.deepEqual(summary.rows, successRows(serials, customerId));
}

test('B1: 3 PCs from Unassigned Devices to Contoso Ltd, from the sample file to the Summary and both lists', async () => {
  const page = await partnerPage(app, { durationMs: 1_000 });
  // A. The target's Customer ID, and how many PCs it has.
  const contosoId = await customerIdOnAccountPage(page, 'Contoso Ltd');
  const contosoBefore = await listTotal(await goToCustomerPcs(page, 'Contoso Ltd'));
  // B1. Unassigned Devices, all of it, exported.
  const list = await goToUnassignedDevices(page);
  await expectTotal(list, ALPINE_UNASSIGNED);
  const [, ...exported] = parseCsv((await exportCsv(page, list)).text);
  const serials = exported.slice(0, 3).map(([serial]) => serial);
  const center = notificationCenter(page);
  await center.expectUnread(0);

  // C. Transfer, sample file, upload.
  const transfer = transferDialog(page);
  await transfer.open();
  const sample = await downloadCsv(page, transfer.sampleButton);
  assert.equal(sample.name, 'transfer-sample.csv');
  assert.deepEqual(sample.header, TRANSFER_HEADER);
  assert.equal(sample.rows.length, 2);
  for (const [serial, id] of sample.rows) {
    assert.match(serial, /^[0-9A-Z]{10}$/);
    assert.match(id, /^CUS-[0-9A-F]{8}$/);
  }

  const file = await files.write('b1-to-contoso.csv', transferCsv(rowsTo(contosoId, serials), { header: sample.header }));
  assert.equal(await transfer.choose(file), 'b1-to-contoso.csv: CSV, UTF-8, comma-separated; header row skipped; 3 rows read.');
  await expectText(transfer.target, `Target customer: Contoso Ltd (${contosoId})`);
  await expectText(transfer.willMove, '3 PCs will be transferred.');
  await expectCount(transfer.problemsTable, 0);
  await expectEnabled(transfer.upload, false);
  await transfer.possession.check();
  await expectEnabled(transfer.upload);
  await transfer.upload.click();
  await expectCount(transfer.dialog, 0);
  const job = await transfer.jobNumber();
  await expectText(transfer.inProgress,
    `Transfer ${job} is in progress: 3 PCs from Unassigned Devices to Contoso Ltd. `
    + 'When it is done, a red mark appears on the Notification Center (the bell, upper right).');

  await expectOneTransferDone(page, { job, serials, to: 'Contoso Ltd', customerId: contosoId });
  await expectText(transfer.done,
    `Transfer ${job} is done: 3 PCs from Unassigned Devices to Contoso Ltd. `
    + 'Its Summary is in the Notification Center (the bell, upper right).');
  await expectText(list.count, `${formatThousands(ALPINE_UNASSIGNED - 3)} PCs`);
  await expectListed(list, serials, false);
  const contoso = await goToCustomerPcs(page, 'Contoso Ltd');
  await expectTotal(contoso, contosoBefore + 3);
  await expectListed(contoso, serials);
  assertNoPageErrors(page);
});

test('B2: 3 PCs from Fabrikam Inc\'s Devices > PCs to Contoso Ltd: Fabrikam has 3 fewer, Contoso 3 more', async () => {
  const page = await partnerPage(app);
  const contosoId = await customerIdOnAccountPage(page, 'Contoso Ltd');
  const contosoBefore = await listTotal(await goToCustomerPcs(page, 'Contoso Ltd'));
  const list = await goToCustomerPcs(page, 'Fabrikam Inc');
  const fabrikamBefore = await listTotal(list);
  const serials = (await list.serials()).slice(0, 3);

  const transfer = transferDialog(page);
  await transfer.open();
  await transfer.choose(await files.write('b2-fabrikam-to-contoso.csv', transferCsv(rowsTo(contosoId, serials))));
  await expectText(transfer.target, `Target customer: Contoso Ltd (${contosoId})`);
  await expectText(transfer.willMove, '3 PCs will be transferred.');
  const job = await transfer.submit();
  await expectText(transfer.inProgress, new RegExp(`^Transfer ${job} is in progress: 3 PCs from Fabrikam Inc to Contoso Ltd\\.`));

  await expectOneTransferDone(page, { job, serials, to: 'Contoso Ltd', customerId: contosoId });
  await expectTotal(list, fabrikamBefore - 3);
  await expectListed(list, serials, false);
  const contoso = await goToCustomerPcs(page, 'Contoso Ltd');
  await expectTotal(contoso, contosoBefore + 3);
  await expectListed(contoso, serials);
  assertNoPageErrors(page);
});

test('starting from the target\'s own Devices > PCs (the pitfall) is explained, and Upload stays disabled', async () => {
  const page = await partnerPage(app);
  const contosoId = await customerIdOnAccountPage(page, 'Contoso Ltd');
  const serials = (await (await goToUnassignedDevices(page)).serials()).slice(0, 2);
  const contoso = await goToCustomerPcs(page, 'Contoso Ltd');
  const contosoBefore = await listTotal(contoso);

  const transfer = transferDialog(page);
  await transfer.open();
  await transfer.choose(await files.write('pitfall-from-contoso.csv', transferCsv(rowsTo(contosoId, serials))));
  await expectCount(transfer.fileProblems, 1);
  await expectText(transfer.fileProblems,
    'The file moves PCs to Contoso Ltd, the customer whose page you are on. Start the transfer from the page '
    + 'where the PCs are now: Unassigned Devices, or the Devices > PCs of the customer that has them.');
  const elsewhere = 'This PC is not on this page: it is in Unassigned Devices. Start a transfer from there for it.';
  assert.deepEqual(await transfer.problemRows(), serials.map((serial, i) => ({
    line: i + 2, serial, customer: contosoId, problem: elsewhere,
  })));
  await expectCount(transfer.target, 0);
  await expectCount(transfer.leaveOut, 0);
  await expectNoUpload(transfer);

  await transfer.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expectCount(transfer.dialog, 0);
  await expectTotal(contoso, contosoBefore);
  await notificationCenter(page).expectUnread(0);
  assertNoPageErrors(page);
});

test('a reload while a transfer runs: the job still completes, and the PCs move exactly once', async () => {
  const page = await partnerPage(app, { durationMs: 4_000 });
  const contosoId = await customerIdOnAccountPage(page, 'Contoso Ltd');
  const contosoBefore = await listTotal(await goToCustomerPcs(page, 'Contoso Ltd'));
  const list = await goToUnassignedDevices(page);
  const unassignedBefore = await listTotal(list);
  const serials = (await list.serials()).slice(0, 3);
  const job = await transferFromPage(page, files, { name: 'reload-while-running.csv', serials, customerId: contosoId });
  await page.reload();

  const transfers = await goToTransfers(page);
  const running = (await transfers.records()).find((r) => r.Transfer === String(job));
  assert.ok(['Queued', 'In progress'].includes(running?.State), `transfer ${job} still runs after the reload: ${JSON.stringify(running)}`);
  await expectCount(transfers.downloadSummary(job), 0);
  const done = await transfers.completed(job, { timeout: 20_000 });
  assert.deepEqual([done.PCs, done.Transferred, done.Failed], ['3', '3', '0']);
  await expectCount(transfers.rows, 1);
  await notificationCenter(page).expectUnread(1);

  await expectTotal(await goToUnassignedDevices(page), unassignedBefore - 3);
  const contoso = await goToCustomerPcs(page, 'Contoso Ltd');
  await expectTotal(contoso, contosoBefore + 3);
  await expectListed(contoso, serials);
  await expectOneTransferDone(page, { job, serials, to: 'Contoso Ltd', customerId: contosoId });
  assertNoPageErrors(page);
});

test('clicking Upload twice quickly submits one transfer', async () => {
  const page = await partnerPage(app);
  const contosoId = await customerIdOnAccountPage(page, 'Contoso Ltd');
  const list = await goToUnassignedDevices(page);
  const unassignedBefore = await listTotal(list);
  const serials = (await list.serials()).slice(0, 3);

  const transfer = transferDialog(page);
  await transfer.open();
  await transfer.choose(await files.write('double-click.csv', transferCsv(rowsTo(contosoId, serials))));
  await transfer.possession.check();
  await expectEnabled(transfer.upload);
  // Both clicks land before the page can react to the first.
  await transfer.upload.evaluate((upload) => { upload.click(); upload.click(); });
  await expectCount(transfer.dialog, 0);
  const job = await transfer.jobNumber();

  await expectOneTransferDone(page, { job, serials, to: 'Contoso Ltd', customerId: contosoId });
  await expectCount(notificationCenter(page).items, 1);
  await expectTotal(list, unassignedBefore - 3);
  const transfers = await goToTransfers(page);
  await transfers.completed(job);
  await expectCount(transfers.rows, 1);
  assertNoPageErrors(page);
});

test('the Transfers page lists each transfer with From, To, PCs, State and a Download Summary button', async () => {
  const page = await partnerPage(app);
  const contosoId = await customerIdOnAccountPage(page, 'Contoso Ltd');
  const adventureId = await customerIdOnAccountPage(page, 'Adventure Works');
  await goToTransfers(page);
  await expectVisible(page.getByRole('main').getByText(/^No transfers yet\./));
  await expectCount(page.getByRole('table', { name: 'Transfers' }), 0);

  const unassigned = (await (await goToUnassignedDevices(page)).serials()).slice(0, 2);
  const first = await transferFromPage(page, files, { name: 'page-first.csv', serials: unassigned, customerId: contosoId });
  const fabrikam = (await (await goToCustomerPcs(page, 'Fabrikam Inc')).serials()).slice(0, 1);
  const second = await transferFromPage(page, files, { name: 'page-second.csv', serials: fabrikam, customerId: adventureId });

  const transfers = await goToTransfers(page);
  await transfers.completed(first);
  await transfers.completed(second);
  const records = await transfers.records();
  for (const record of records) assert.match(record.Submitted, /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{2}:\d{2} [AP]M UTC$/);
  assert.deepEqual(records.map(({ Submitted, ...rest }) => rest), [
    { Transfer: String(second), From: 'Fabrikam Inc', To: 'Adventure Works', PCs: '1', State: 'Completed', Transferred: '1', Failed: '0', Summary: 'Download Summary' },
    { Transfer: String(first), From: 'Unassigned Devices', To: 'Contoso Ltd', PCs: '2', State: 'Completed', Transferred: '2', Failed: '0', Summary: 'Download Summary' },
  ]);
  for (const [job, serials, id] of [[first, unassigned, contosoId], [second, fabrikam, adventureId]]) {
    const summary = await downloadCsv(page, transfers.downloadSummary(job));
    assert.equal(summary.name, `transfer-${job}-summary.csv`);
    assert.deepEqual(summary.header, SUMMARY_HEADER);
    assert.deepEqual(summary.rows, successRows(serials, id));
  }
  assertNoPageErrors(page);
});

// ----- A second transfer while the first one runs --------------------------

test('a second file chosen while the first transfer runs is reviewed in the dialog, not reported as submitted', async () => {
  const page = await partnerPage(app, { durationMs: 5_000 });
  const contosoId = await customerIdOnAccountPage(page, 'Contoso Ltd');
  const list = await goToUnassignedDevices(page);
  const unassignedBefore = await listTotal(list);
  const serials = (await list.serials()).slice(0, 5);
  const [firstRows, secondRows] = [serials.slice(0, 2), serials.slice(2)];
  const first = await transferFromPage(page, files, { name: 'running-first.csv', serials: firstRows, customerId: contosoId });

  const transfer = transferDialog(page);
  await transfer.open();
  await transfer.fileInput.setInputFiles(await files.write('running-second.csv', transferCsv(rowsTo(contosoId, secondRows))));
  await eventually(async () => (await transfer.dialog.count()) === 0 || (await transfer.willMove.count()) > 0, Boolean, {
    what: 'the review of the second file, or the dialog closing',
  });
  assert.equal(await transfer.dialog.count(), 1, 'the dialog stays open with the review of the second file (it closed by itself)');
  await expectText(transfer.willMove, '3 PCs will be transferred.');
  await expectText(transfer.inProgress, new RegExp(`^Transfer ${first} is in progress: 2 PCs from Unassigned Devices`));

  const second = await transfer.submit();
  assert.equal(second, first + 1);
  await expectText(transfer.inProgress, new RegExp(`^Transfer ${second} is in progress: 3 PCs from Unassigned Devices`));
  const transfers = await goToTransfers(page);
  await transfers.completed(first);
  await transfers.completed(second);
  await expectCount(transfers.rows, 2);
  await expectTotal(await goToUnassignedDevices(page), unassignedBefore - 5);
  assertNoPageErrors(page);
});

/** Where a second transfer is prepared while the first one runs: on a page
 * opened after the first was submitted, so with a fresh Transfer Devices
 * dialog (the test above reuses the first one's). Returns 3 serials. */
const WHILE_RUNNING = [
  {
    key: 'fabrikam',
    what: 'a B2 transfer from Fabrikam Inc\'s Devices > PCs',
    async prepare(page) {
      return (await (await goToCustomerPcs(page, 'Fabrikam Inc')).serials()).slice(0, 3);
    },
  },
  {
    key: 'reload',
    what: 'another transfer from Unassigned Devices, after a reload',
    async prepare(page, [, , ...others]) {
      await page.reload();
      await expectText(deviceList(page, 'Unassigned Devices').count, /PCs$/);
      return others.slice(0, 3);
    },
  },
];

for (const { key, what, prepare } of WHILE_RUNNING) {
  test(`a transfer finishing while the dialog is open for ${what} leaves the dialog modal, with its review`, async () => {
    const page = await partnerPage(app, { durationMs: 4_000 });
    const contosoId = await customerIdOnAccountPage(page, 'Contoso Ltd');
    const unassigned = (await (await goToUnassignedDevices(page)).serials()).slice(0, 5);
    const first = await transferFromPage(page, files, {
      name: `finishing-first-${key}.csv`, serials: unassigned.slice(0, 2), customerId: contosoId,
    });

    const serials = await prepare(page, unassigned);
    const transfer = transferDialog(page);
    await transfer.open();
    await transfer.choose(await files.write(`finishing-second-${key}.csv`, transferCsv(rowsTo(contosoId, serials))));
    await transfer.possession.check();
    const center = notificationCenter(page);
    await center.expectUnread(0);
    await center.expectUnread(1); // the first transfer is done, and the page has news
    await new Promise((settle) => setTimeout(settle, 1_000));

    assert.deepEqual({
      modal: await transfer.dialog.evaluate((dialog) => dialog.matches(':modal')),
      review: (await transfer.willMove.count()) ? (await transfer.willMove.textContent()).trim() : 'gone',
      possession: (await transfer.possession.count()) ? await transfer.possession.isChecked() : 'gone',
    }, { modal: true, review: '3 PCs will be transferred.', possession: true }, 'the dialog is as the user left it');
    await transfer.upload.click();
    await expectCount(transfer.dialog, 0);
    assert.equal(await transfer.jobNumber(), first + 1);
    await center.expectUnread(2, { timeout: 15_000 });
    assertNoPageErrors(page);
  });
}
