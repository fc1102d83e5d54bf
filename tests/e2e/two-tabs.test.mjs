// Two tabs of one browser, signed in as the same partner admin, never lose
// each other's work: with the in-browser backend both talk to one engine
// (a SharedWorker), so a change made in one tab is kept whatever the other
// does, and shows in the other without a reload, through the same
// live-update subscription the server feeds. Against the server the same
// holds through its database; the scenario runs on both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoPageErrors, eventually, expectVisible, mockOnly, newTab } from './harness.mjs';
import {
  ACCOUNTS, customerIdOnAccountPage, createCustomer, goToCustomers, goToUnassignedDevices, listTotal,
  newCustomer, signInAs, goToCustomerPcs, optionLabels, customersPicker,
} from './portal.mjs';
import { withAppAndFiles, transferFromPage, goToTransfers, expectTotal } from './transfer.mjs';

let app;
let files;
withAppAndFiles((started) => ({ app, files } = started));

/** Two tabs of one browser (one context), both signed in as Alpine's admin. */
async function twoTabs() {
  const first = await app.newPage({ transferDelayMs: 500 });
  await signInAs(first, ACCOUNTS.alpine);
  const second = await newTab(first);
  await second.goto('/');
  await expectVisible(second.getByRole('heading', { level: 1 }));
  return [first, second];
}

/** The customers the Customers drop-down of `page` offers. */
async function customerNames(page) {
  return optionLabels(customersPicker(page));
}

for (const [order, pick] of [['A then B', (a, b) => [a, b]], ['B then A', (a, b) => [b, a]]]) {
  test(`customers created in two tabs (${order}) are both kept after a reload`, async () => {
    const [a, b] = await twoTabs();
    const [one, two] = pick(a, b);
    // The second tab was open before the first created its customer.
    await goToCustomers(two);
    await createCustomer(one, newCustomer(`First Tab Retail ${order}`));
    await createCustomer(two, newCustomer(`Second Tab Retail ${order}`));
    await one.reload();
    await expectVisible(one.getByRole('heading', { level: 1 }));
    const names = await customerNames(one);
    assert.ok(names.includes(`First Tab Retail ${order}`), `after the reload: ${names}`);
    assert.ok(names.includes(`Second Tab Retail ${order}`), `after the reload: ${names}`);
    assertNoPageErrors(one);
    assertNoPageErrors(two);
  });
}

test('a customer created in one tab shows in the other without a reload', async () => {
  const [a, b] = await twoTabs();
  await goToCustomers(b);
  await createCustomer(a, newCustomer('Live Across Tabs'));
  // From the moment the first tab says it was created.
  const started = Date.now();
  await eventually(() => customerNames(b), (names) => names.includes('Live Across Tabs'),
    { timeout: 5_000, what: 'the new customer in the other tab' });
  const took = Date.now() - started;
  assert.ok(took < 1_000, `shown in the other tab after ${took} ms (within a second)`);
});

test('a transfer made in one tab and a customer created in the other are both kept', async () => {
  const [a, b] = await twoTabs();
  const contosoId = await customerIdOnAccountPage(a, 'Contoso Ltd');
  const before = await listTotal(await goToCustomerPcs(a, 'Contoso Ltd'));
  const list = await goToUnassignedDevices(a);
  const serials = (await list.serials()).slice(0, 3);
  await goToCustomers(b);
  const job = await transferFromPage(a, files, { name: 'two-tabs.csv', serials, customerId: contosoId });
  await createCustomer(b, newCustomer('Made During A Transfer'));
  const done = await (await goToTransfers(a)).completed(job, { timeout: 20_000 });
  assert.equal(done.Transferred, '3');
  await a.reload();
  await expectVisible(a.getByRole('heading', { level: 1 }));
  assert.ok((await customerNames(a)).includes('Made During A Transfer'));
  await expectTotal(await goToCustomerPcs(a, 'Contoso Ltd'), before + 3);
  // The other tab sees the transfer too, without a reload.
  await expectTotal(await goToCustomerPcs(b, 'Contoso Ltd'), before + 3);
});

test('without SharedWorker, a second tab waits for the first to close, then goes on with its work', {
  skip: mockOnly('the in-browser backend\'s fallback where the browser has no SharedWorker'),
}, async () => {
  const a = await app.newPage();
  // A browser without SharedWorker (Chrome for Android, for one).
  await a.context().addInitScript(() => { delete window.SharedWorker; });
  await signInAs(a, ACCOUNTS.alpine);
  await createCustomer(a, newCustomer('Made Before The Wait'));
  const b = await newTab(a);
  await b.goto('/');
  const waiting = b.getByRole('alert').filter({ hasText: 'The portal is open in another tab' });
  await expectVisible(waiting);
  // Only the first tab's engine runs: the second writes nothing meanwhile.
  assert.equal(await b.getByRole('heading', { level: 1 }).count(), 0);
  await a.close();
  // The wait ends by itself, and what the first tab did is there.
  await eventually(() => waiting.count(), (n) => n === 0, { what: 'the notice gone', timeout: 15_000 });
  await expectVisible(b.getByRole('heading', { level: 1 }));
  assert.ok((await customerNames(b)).includes('Made Before The Wait'));
  await createCustomer(b, newCustomer('Made After The Wait'));
  await b.reload();
  await expectVisible(b.getByRole('heading', { level: 1 }));
  const names = await customerNames(b);
  assert.ok(names.includes('Made Before The Wait') && names.includes('Made After The Wait'), `${names}`);
  assertNoPageErrors(b);
});
