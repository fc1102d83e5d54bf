// The device lists: Unassigned Devices (Alpine's 1,200 PCs) and a
// customer's Devices > PCs.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  startApp, assertNoPageErrors, eventually, expectAttribute, expectCount, expectText, expectVisible,
} from './harness.mjs';
import {
  ACCOUNTS, ALPINE_UNASSIGNED, signInAs, goToUnassignedDevices, goToCustomerPcs, exportCsv, parseCount,
  clipboardText, formatThousands,
} from './portal.mjs';

let app;
before(async () => { app = await startApp(); });
afterEach(() => app.closePages());
after(() => app.close());

const BASE_COLUMNS = ['Serial Number', 'Model', 'Product Number', 'Support plan', 'Warranty end', 'Last seen'];
const INSIGHTS_COLUMNS = ['Last signed-in user', 'Location'];
const ALL_SHOWN = `${formatThousands(ALPINE_UNASSIGNED)} PCs`;

/** Signs in as Alpine's partner admin and opens Unassigned Devices. */
async function openUnassignedDevices(page) {
  await signInAs(page, ACCOUNTS.alpine);
  const list = await goToUnassignedDevices(page);
  await expectText(list.count, ALL_SHOWN);
  return list;
}

/** Opens a customer's Devices > PCs as Alpine's partner admin. */
async function openCustomerPcs(page, customer) {
  await signInAs(page, ACCOUNTS.alpine);
  return goToCustomerPcs(page, customer);
}

/** Waits for a filtered count "Showing N of 1,200 PCs" and returns N. */
async function filteredCount(list) {
  const text = await expectText(list.count, new RegExp(`^Showing [\\d,]+ of ${ALL_SHOWN}$`));
  return parseCount(text).shown;
}

test('Unassigned Devices lists the PCs under the device columns', async () => {
  const page = await app.newPage();
  const list = await openUnassignedDevices(page);
  assert.deepEqual(await list.columnTitles(), BASE_COLUMNS);
  await expectAttribute(list.table, 'aria-rowcount', String(ALPINE_UNASSIGNED + 1));
  assertNoPageErrors(page);
});

test('clicking a column header sorts by that column, again reverses it', async () => {
  const page = await app.newPage();
  const list = await openUnassignedDevices(page);
  await expectAttribute(list.header('Serial Number'), 'aria-sort', 'ascending');
  await expectAttribute(list.header('Model'), 'aria-sort', 'none');
  const bySerial = await list.firstRow();

  await list.header('Model').getByRole('button').click();
  await expectAttribute(list.header('Model'), 'aria-sort', 'ascending');
  await expectAttribute(list.header('Serial Number'), 'aria-sort', 'none');
  const byModel = await eventually(() => list.firstRow(), (row) => row[0] !== bySerial[0], {
    what: 'another first row after sorting by Model',
  });
  const models = await list.columnValues('Model');
  assert.deepEqual(models, [...models].sort(), 'the rows on screen are in Model order');

  await list.header('Model').getByRole('button').click();
  await expectAttribute(list.header('Model'), 'aria-sort', 'descending');
  const byModelDescending = await eventually(() => list.firstRow(), (row) => row[1] !== byModel[1], {
    what: 'another model first after reversing the sort',
  });
  assert.ok(byModelDescending[1] > byModel[1], `${byModelDescending[1]} sorts after ${byModel[1]}`);
  assertNoPageErrors(page);
});

test('typing in Search filters the list, and Clear filters shows every PC again', async () => {
  const page = await app.newPage();
  const list = await openUnassignedDevices(page);
  const [, , productNumber] = await list.firstRow();

  await list.search.fill(productNumber);
  const shown = await filteredCount(list);
  assert.ok(shown > 0 && shown < ALPINE_UNASSIGNED, `${shown} PCs match ${productNumber}`);
  await eventually(() => list.rows.allTextContents(), (rows) => rows.length > 0 && rows.every((r) => r.includes(productNumber)), {
    what: `only rows with ${productNumber}`,
  });

  await list.clearFilters.click();
  await expectText(list.count, ALL_SHOWN);
  assert.equal(await list.search.inputValue(), '');
  await expectCount(list.clearFilters, 0);
  assertNoPageErrors(page);
});

test('the Support plan filter set to Premium+ shows only Premium+ PCs', async () => {
  const page = await app.newPage();
  const list = await openUnassignedDevices(page);
  await list.planFilter.selectOption({ label: 'Premium+' });
  const shown = await filteredCount(list);
  assert.ok(shown > 0 && shown < ALPINE_UNASSIGNED, `${shown} Premium+ PCs`);
  await eventually(() => list.columnValues('Support plan'), (plans) => plans.length > 0 && plans.every((p) => p === 'Premium+'), {
    what: 'only Premium+ rows',
  });
  await expectVisible(list.clearFilters);
  assertNoPageErrors(page);
});

test('Export CSV downloads the shown PCs under a header of the column names', async () => {
  const page = await app.newPage();
  const list = await openUnassignedDevices(page);
  await list.planFilter.selectOption({ label: 'Premium+' });
  const shown = await filteredCount(list);

  const { download, text } = await exportCsv(page, list);
  assert.equal(download.suggestedFilename(), 'unassigned-devices.csv');
  const [header, ...rows] = text.trimEnd().split(/\r?\n/);
  assert.deepEqual(header.split(','), await list.columnTitles());
  assert.equal(rows.length, shown);
  assert.ok(rows.every((row) => row.split(',')[3] === 'Premium+'), 'only the shown (Premium+) PCs are exported');
  await expectText(page.getByText(/^Exported /), `Exported ${formatThousands(shown)} PCs to unassigned-devices.csv.`);
  assertNoPageErrors(page);
});

test('Copy serial numbers with two rows selected copies exactly those two serials', async () => {
  const page = await app.newPage();
  const list = await openUnassignedDevices(page);
  const [first, , third] = await list.serials();
  await list.rowCheckbox(first).check();
  await list.rowCheckbox(third).check();
  await expectText(list.count, `${ALL_SHOWN} · 2 selected`);

  await list.copySerials.click();
  await expectText(page.getByText(/^Copied /), 'Copied 2 serial numbers to the clipboard.');
  assert.deepEqual((await clipboardText(page)).split('\n').sort(), [first, third].sort());
  assertNoPageErrors(page);
});

test('the 1,200-PC list keeps only the rows on screen in the page, and scrolls to the last PC', async () => {
  const page = await app.newPage();
  const list = await openUnassignedDevices(page);
  const rows = list.table.getByRole('row');
  assert.ok((await rows.count()) <= 100, `${await rows.count()} rows in the page`);

  // The last serial in ascending order is the first in descending order.
  await list.header('Serial Number').getByRole('button').click();
  await expectAttribute(list.header('Serial Number'), 'aria-sort', 'descending');
  const [last] = await eventually(() => list.serials(), (s) => s.length > 0);
  await list.header('Serial Number').getByRole('button').click();
  await expectAttribute(list.header('Serial Number'), 'aria-sort', 'ascending');
  await expectCount(list.serialCell(last), 0);

  // The table's scroll container is its parent.
  await list.table.evaluate((table) => { table.parentElement.scrollTop = table.parentElement.scrollHeight; });
  const cell = await expectVisible(list.serialCell(last));
  const viewport = await list.table.evaluate((table) => {
    const box = table.parentElement.getBoundingClientRect();
    return { top: box.top, bottom: box.bottom };
  });
  const box = await cell.boundingBox();
  assert.ok(box.y >= viewport.top && box.y + box.height <= viewport.bottom + 1, 'the last PC is inside the scrolled viewport');
  assert.ok((await rows.count()) <= 100, `${await rows.count()} rows in the page after scrolling`);
  assertNoPageErrors(page);
});

test('a customer with HP Insights collection on shows Last signed-in user and Location', async () => {
  const page = await app.newPage();
  const list = await openCustomerPcs(page, 'Contoso Ltd');
  assert.deepEqual(await list.columnTitles(), [...BASE_COLUMNS, ...INSIGHTS_COLUMNS]);
  await expectText(list.count, '420 PCs');
  assertNoPageErrors(page);
});

test('a customer with HP Insights collection off shows neither Last signed-in user nor Location', async () => {
  const page = await app.newPage();
  const list = await openCustomerPcs(page, 'Fabrikam Inc');
  assert.deepEqual(await list.columnTitles(), BASE_COLUMNS);
  await expectText(list.count, '310 PCs');
  assertNoPageErrors(page);
});
