// Hardware alerts on PCs: the end user's pop-up, and where the repair
// request goes (HP customer support for a reseller, the partner's CSDP
// account for a Service Delivery partner).
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, assertNoPageErrors, expectText, expectVisible, expectCount, eventually } from './harness.mjs';
import { ACCOUNTS, signInAs, menuLink, selectCustomer, goToUnassignedDevices, goToCustomerPcs } from './portal.mjs';

let app;
before(async () => { app = await startApp(); });
afterEach(() => app.closePages());
after(() => app.close());

/** Raises an alert on `serial` from All Customers > Alerts. */
async function simulateAlert(page, serial) {
  await selectCustomer(page, 'All Customers');
  await menuLink(page, 'Alerts').click();
  await page.getByRole('textbox', { name: 'Serial Number' }).fill(serial);
  await page.getByRole('button', { name: 'Simulate alert' }).click();
  return page.getByRole('dialog', { name: `End-user pop-up on PC ${serial}` });
}

/** The first serial number of a device list. */
async function firstSerial(list) {
  return (await list.serials())[0];
}

test('an alert on a reseller\'s unassigned PC pops up for the end user, and View sends the repair to HP customer support', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.alpine);
  const serial = await firstSerial(await goToUnassignedDevices(page));
  const popUp = await simulateAlert(page, serial);
  await expectVisible(popUp);
  await popUp.getByRole('button', { name: 'View' }).click();
  await expectText(popUp.getByRole('status'), 'Repair request sent to HP customer support, which will schedule the repair.');
  const row = page.getByRole('table', { name: 'Alerts' }).getByRole('row').filter({ hasText: serial });
  await expectText(row.getByRole('cell').last(), 'Sent to HP customer support, which schedules the repair');
  // A reseller has no CSDP account: no Repair requests page.
  await expectCount(menuLink(page, 'Repair requests'), 0);
  assertNoPageErrors(page);
});

test('a Service Delivery partner\'s repair request reaches its CSDP account, where it is scheduled', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.brightline);
  const serial = await firstSerial(await goToUnassignedDevices(page));
  const popUp = await simulateAlert(page, serial);
  await popUp.getByRole('button', { name: 'View' }).click();
  await expectText(popUp.getByRole('status'), /sent to your CSDP account/);
  await menuLink(page, 'Repair requests').click();
  const requests = page.getByRole('table', { name: 'Repair requests' });
  const row = requests.getByRole('row').filter({ hasText: serial });
  const day = row.getByLabel(/Repair day for alert/);
  // The date picker starts at today (UTC, as the backend counts days).
  const today = new Date().toISOString().slice(0, 10);
  assert.equal(await day.getAttribute('min'), today);
  // A day that has passed, typed: the backend refuses it and says why.
  await day.fill('2020-03-02');
  await row.getByRole('button', { name: 'Schedule' }).click();
  await expectText(row.getByRole('alert'), 'Mar 2, 2020 has passed: schedule the repair for today or a later day.');
  await expectText(row.getByRole('cell').nth(2), 'Sent to the partner\'s CSDP account, to be scheduled');

  const year = new Date().getUTCFullYear() + 1;
  await day.fill(`${year}-12-01`);
  await row.getByRole('button', { name: 'Schedule' }).click();
  await expectText(row.getByRole('cell').nth(2), `Repair scheduled for Dec 1, ${year}`);
  await page.reload();
  await expectText(requests.getByRole('row').filter({ hasText: serial }).getByRole('cell').nth(2), `Repair scheduled for Dec 1, ${year}`);
  assertNoPageErrors(page);
});

test('with a customer\'s self-service alerts off, an alert on its PC reaches no end user', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.alpine);
  const serial = await firstSerial(await goToCustomerPcs(page, 'Contoso Ltd'));
  await menuLink(page, 'Settings').click();
  const alerts = page.getByRole('switch', { name: 'Self-service alerts' });
  assert.equal(await alerts.isChecked(), true, 'a dashboard with PCs has self-service alerts on');
  await alerts.uncheck();
  await expectText(page.getByRole('status').filter({ hasText: /^Saved: self-service/ }), 'Saved: self-service alerts are off.');
  const popUp = await simulateAlert(page, serial);
  await expectText(page.getByRole('status').filter({ hasText: /^Alert \d+ raised/ }),
    /^Alert \d+ raised on \w+\. Self-service alerts are off for Contoso Ltd: no pop-up reached the end user\.$/);
  await expectCount(popUp, 0);
  assertNoPageErrors(page);
});

test('alerts arrive over time: new rows appear on the Alerts page without a reload, and stay after one', async () => {
  // One alert every 300 ms (none in the other tests).
  const page = await app.newPage({ alertIntervalMs: 300 });
  await signInAs(page, ACCOUNTS.alpine);
  await menuLink(page, 'Alerts').click();
  const rows = page.getByRole('table', { name: 'Alerts' }).getByRole('row').filter({ has: page.getByRole('cell') });
  await expectVisible(rows.first());
  const before = await rows.count();
  // Some land on other partners' PCs, which Alpine does not see: wait for two.
  const grown = await eventually(() => rows.count(), (n) => n >= before + 2, { what: 'new alerts' });
  // Newest first: the new ones are numbered after every seeded one.
  const ids = (await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.cells[0].textContent)))).slice(0, grown);
  assert.ok(ids[0] > ids[ids.length - 1], `newest first: ${ids}`);
  await page.reload();
  await expectVisible(rows.first());
  assert.ok((await rows.count()) >= grown, 'the raised alerts are kept');
  assertNoPageErrors(page);
});
