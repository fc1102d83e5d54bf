// What the Transfer Devices dialog says about a file before anything is
// sent: rows with problems, mixed Customer IDs, the file formats it reads
// (semicolon CSV with a BOM, Excel workbooks) and files it cannot read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoPageErrors, expectCount, expectEnabled, expectText, expectVisible } from './harness.mjs';
import {
  customerIdOnAccountPage, goToUnassignedDevices, goToCustomerPcs, listTotal,
} from './portal.mjs';
import {
  partnerPage, withAppAndFiles, transferCsv, rowsTo, downloadCsv, transferDialog, expectNoUpload,
  notificationCenter, notificationSummary, headline, successRows, expectTotal, expectListed,
} from './transfer.mjs';
import { xlsx } from './xlsx.mjs';

let app;
let files;
withAppAndFiles((started) => ({ app, files } = started));

/** Signs in, reads the target's Customer ID and opens Unassigned Devices
 * with the Transfer Devices dialog open. */
async function openDialogOnUnassigned(options) {
  const page = await partnerPage(app, options);
  const contosoId = await customerIdOnAccountPage(page, 'Contoso Ltd');
  const list = await goToUnassignedDevices(page);
  const transfer = transferDialog(page);
  await transfer.open();
  return { page, contosoId, list, transfer };
}

/** Ticks the possession box, uploads, and checks the Summary says all of
 * `serials` moved to Contoso Ltd and Unassigned Devices has that many fewer. */
async function uploadAndExpectMoved(page, { transfer, list, serials, contosoId }) {
  const before = await listTotal(list);
  const job = await transfer.submit();
  await notificationCenter(page).expectUnread(1);
  const summary = await notificationSummary(page, headline(job, { pcs: serials.length, to: 'Contoso Ltd' }));
  assert.deepEqual(summary.rows, successRows(serials, contosoId));
  await expectTotal(list, before - serials.length);
  await expectListed(list, serials, false);
}

test('rows with problems are listed with line and reason, can be downloaded, and can be left out so only the good rows move', async () => {
  const page = await partnerPage(app);
  const contosoId = await customerIdOnAccountPage(page, 'Contoso Ltd');
  const [inContoso] = await (await goToCustomerPcs(page, 'Contoso Ltd')).serials();
  const [inFabrikam] = await (await goToCustomerPcs(page, 'Fabrikam Inc')).serials();
  const contosoBefore = await listTotal(await goToCustomerPcs(page, 'Contoso Ltd'));
  const list = await goToUnassignedDevices(page);
  const good = (await list.serials()).slice(0, 3);
  const unknown = 'ZZUNKNOWN1';
  // Line 1 is the header.
  const fileRows = rowsTo(contosoId, [good[0], '5CG-01', good[1], good[0], inFabrikam, unknown, inContoso, good[2]]);
  const expected = [
    [3, '5CG-01', 'Not a serial number: an HP serial number has only letters and digits, this one contains \'-\'.'],
    [5, good[0], 'The same serial number is on line 2.'],
    [6, inFabrikam, 'This PC is not on this page: it is in the Devices > PCs of Fabrikam Inc. Start a transfer from there for it.'],
    [7, unknown, 'Device not found: this PC is not in your account. If it was resold to you, create a support case with its serial number.'],
    [8, inContoso, 'This PC is already in the target customer\'s dashboard.'],
  ].map(([line, serial, problem]) => ({ line, serial, customer: contosoId, problem }));

  const transfer = transferDialog(page);
  await transfer.open();
  assert.equal(await transfer.choose(await files.write('with-problems.csv', transferCsv(fileRows))),
    'with-problems.csv: CSV, UTF-8, comma-separated; header row skipped; 8 rows read.');
  await expectText(transfer.target, `Target customer: Contoso Ltd (${contosoId})`);
  await expectText(transfer.problemsNotice,
    '5 rows have problems. Fix the file and upload it again, or transfer the other rows without them.');
  assert.deepEqual(await transfer.problemRows(), expected);
  await expectText(transfer.willMove, '3 PCs will be transferred.');

  const download = await downloadCsv(page, transfer.downloadProblems);
  assert.equal(download.name, 'transfer-rows-with-problems.csv');
  assert.deepEqual(download.header, ['Serial Number', 'Customer ID', 'Problem']);
  assert.deepEqual(download.rows, expected.map((p) => [p.serial, p.customer, `Line ${p.line}: ${p.problem}`]));

  await expectVisible(transfer.review.getByRole('checkbox', {
    name: 'Leave out the 5 rows with problems and transfer the other 3 PCs', exact: true,
  }));
  await expectEnabled(transfer.upload, false);
  await transfer.possession.check();
  await expectEnabled(transfer.upload, false);
  await transfer.leaveOut.check();
  await expectEnabled(transfer.upload);
  await transfer.possession.uncheck();
  await expectEnabled(transfer.upload, false);

  await uploadAndExpectMoved(page, { transfer, list, serials: good, contosoId });
  const contoso = await goToCustomerPcs(page, 'Contoso Ltd');
  await expectTotal(contoso, contosoBefore + 3);
  await expectListed(contoso, good);
  assertNoPageErrors(page);
});

test('a file with Contoso\'s and Fabrikam\'s Customer IDs says which lines have which, and cannot be uploaded', async () => {
  const page = await partnerPage(app);
  const contosoId = await customerIdOnAccountPage(page, 'Contoso Ltd');
  const fabrikamId = await customerIdOnAccountPage(page, 'Fabrikam Inc');
  const [a, b, c, d] = (await (await goToUnassignedDevices(page)).serials()).slice(0, 4);
  const transfer = transferDialog(page);
  await transfer.open();
  await transfer.choose(await files.write('mixed-ids.csv', transferCsv([
    [a, contosoId], [b, contosoId], [c, fabrikamId], [d, contosoId],
  ])));
  await expectCount(transfer.fileProblems, 1);
  await expectText(transfer.fileProblems,
    `The file names more than one Customer ID (${contosoId} on lines 2, 3, 5; ${fabrikamId} on line 4). `
    + 'A transfer moves PCs to one customer: make one file per customer.');
  await expectCount(transfer.target, 0);
  await expectCount(transfer.leaveOut, 0);
  await expectNoUpload(transfer);
  assertNoPageErrors(page);
});

test('a semicolon CSV with a UTF-8 BOM and the Italian header "Numero di serie;ID cliente" is read and transfers', async () => {
  const { page, contosoId, list, transfer } = await openDialogOnUnassigned();
  const serials = (await list.serials()).slice(0, 2);
  const text = transferCsv(rowsTo(contosoId, serials), { header: ['Numero di serie', 'ID cliente'], delimiter: ';', bom: true });
  assert.ok(text.startsWith('\uFEFFNumero di serie;ID cliente\r\n'));
  assert.equal(await transfer.choose(await files.write('italiano.csv', text)),
    'italiano.csv: CSV, UTF-8 with BOM, semicolon-separated; header row skipped; 2 rows read.');
  await expectText(transfer.target, `Target customer: Contoso Ltd (${contosoId})`);
  await expectText(transfer.willMove, '2 PCs will be transferred.');
  await expectCount(transfer.problemsTable, 0);
  await uploadAndExpectMoved(page, { transfer, list, serials, contosoId });
  assertNoPageErrors(page);
});

test('an Excel workbook (.xlsx) is read from its first sheet and transfers', async () => {
  const { page, contosoId, list, transfer } = await openDialogOnUnassigned();
  const serials = (await list.serials()).slice(0, 2);
  const workbook = xlsx([
    { name: 'Transfer', rows: [['Serial Number', 'Customer ID'], ...rowsTo(contosoId, serials)] },
    // Read, this sheet would be refused (a third column) or add rows.
    { name: 'Notes', rows: [['not read', 'at all', 'really'], [serials[0], contosoId]] },
  ]);
  assert.equal(await transfer.choose(await files.write('transfer.xlsx', workbook)),
    'transfer.xlsx: Excel workbook, sheet "Transfer"; header row skipped; 2 rows read.');
  await expectText(transfer.target, `Target customer: Contoso Ltd (${contosoId})`);
  await expectText(transfer.willMove, '2 PCs will be transferred.');
  await expectCount(transfer.problemsTable, 0);
  await uploadAndExpectMoved(page, { transfer, list, serials, contosoId });
  assertNoPageErrors(page);
});

test('an empty file, a file with a third column and a binary file each get one clear message and no Upload', async () => {
  const { page, contosoId, list, transfer } = await openDialogOnUnassigned();
  const [a, b] = await list.serials();
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const cases = [
    ['empty.csv', '', 'The file is empty.'],
    ['three-columns.csv', transferCsv([[a, contosoId], [b, contosoId, 'spare']]),
      'Line 3 has a value in column C ("spare"). A transfer file has two columns: A the serial number, '
      + 'B the Customer ID. Remove the other columns and upload it again.'],
    ['picture.csv', png,
      'The file is not a CSV or Excel file: it does not contain text. Save it from Excel as CSV or as an Excel workbook (.xlsx).'],
  ];
  for (const [name, contents, message] of cases) {
    assert.equal(await transfer.choose(await files.write(name, contents)), null, `${name} is refused`);
    await expectText(transfer.refusal(name), `${name} cannot be used. ${message}`);
    await expectCount(transfer.dialog.getByRole('alert'), 1);
    await expectCount(transfer.review, 0);
    await expectNoUpload(transfer);
  }
  assertNoPageErrors(page);
});

test('every row with a problem is listed and downloaded, the rows naming another Customer ID than the rest of the file too', async () => {
  const page = await partnerPage(app);
  const contosoId = await customerIdOnAccountPage(page, 'Contoso Ltd');
  const fabrikamId = await customerIdOnAccountPage(page, 'Fabrikam Inc');
  const serials = (await (await goToUnassignedDevices(page)).serials()).slice(0, 10);
  // Lines 2-10 to Contoso (line 4 a typo), lines 11-12 to Fabrikam.
  const fileRows = [
    ...rowsTo(contosoId, [serials[0], serials[1], '5CG-01', ...serials.slice(2, 8)]),
    ...rowsTo(fabrikamId, serials.slice(8, 10)),
  ];
  const other = `This row names another Customer ID than the rest of the file (${contosoId}): a transfer moves PCs to one customer.`;
  const expected = [
    { line: 4, serial: '5CG-01', customer: contosoId, problem: 'Not a serial number: an HP serial number has only letters and digits, this one contains \'-\'.' },
    { line: 11, serial: serials[8], customer: fabrikamId, problem: other },
    { line: 12, serial: serials[9], customer: fabrikamId, problem: other },
  ];

  const transfer = transferDialog(page);
  await transfer.open();
  await transfer.choose(await files.write('lines-11-12-elsewhere.csv', transferCsv(fileRows)));
  await expectCount(transfer.fileProblems, 1);
  await expectText(transfer.fileProblems, new RegExp(`^The file names more than one Customer ID \\(${contosoId} on lines 2, 3, 4, 5, 6 and 4 more; ${fabrikamId} on lines 11, 12\\)`));
  await expectText(transfer.problemsNotice, /^3 rows have problems\./);
  assert.deepEqual(await transfer.problemRows(), expected);
  const download = await downloadCsv(page, transfer.downloadProblems);
  assert.deepEqual(download.header, ['Serial Number', 'Customer ID', 'Problem']);
  assert.deepEqual(download.rows, expected.map((p) => [p.serial, p.customer, `Line ${p.line}: ${p.problem}`]));
  await expectNoUpload(transfer);
  assertNoPageErrors(page);
});
