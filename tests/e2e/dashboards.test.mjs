// Customer dashboards, as the holding-tenant article has them: the partner
// creates a dashboard (Customer ID, cPIN, an IT Admin account), PCs are
// enrolled into it with its cPIN (typed, or a file at scale) from the
// partner's Unassigned Devices, and self-service alerts cannot be turned
// off until the first PC is in it, which turns them on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertNoPageErrors, eventually, expectCount, expectEnabled, expectPath, expectText, expectVisible, mockOnly,
} from './harness.mjs';
import {
  ACCOUNTS, ALPINE_UNASSIGNED, CUSTOMER_ID, accountButtonName, signInAs, selectCustomer, customersPicker,
  expectSelectedOption, optionLabels, menuLink, mainMenu, pageHeading, stats, clipboardText, deviceList,
  goToUnassignedDevices, goToCustomerPcs, listTotal, exportCsv, goToCustomers, createCustomer, newCustomer,
} from './portal.mjs';
import { withAppAndFiles, parseCsv, expectTotal, expectListed, pcsText } from './transfer.mjs';

/** A cPIN: 8 letters and digits. */
const CPIN = /^[A-Z0-9]{8}$/;
/** The in-browser backend's local-storage key of the signed-in user. */
const SESSION_KEY = 'wxp-portal/session';

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let app;
let files;
withAppAndFiles((started) => ({ app, files } = started));

// ----- Account: Overview and Enrol PCs ------------------------------------

/** Opens Account from the menu (of the customer selected, or the IT
 * Admin's own) and reads the Customer ID and the cPIN on Overview. */
async function openAccount(page) {
  await menuLink(page, 'Account').click();
  return accountOverview(page);
}

/** Reads the Customer ID and the cPIN on the Account page's Overview. */
async function accountOverview(page) {
  await expectVisible(page.getByRole('tab', { name: 'Overview', selected: true }));
  const overview = page.getByRole('tabpanel', { name: 'Overview' });
  const id = await expectText(overview.getByLabel('Customer ID', { exact: true }), CUSTOMER_ID);
  // The cPIN is the value beside its Copy button.
  const cpinValue = overview.getByRole('definition')
    .filter({ has: page.getByRole('button', { name: 'Copy cPIN', exact: true }) })
    .getByRole('code');
  const cpin = await expectText(cpinValue, CPIN);
  return { id, cpin };
}

/** The Enrol PCs tab of the Account page and its form. */
function enrolForm(page) {
  const form = page.getByRole('tabpanel', { name: 'Enrol PCs' })
    .getByRole('form', { name: 'Enrol PCs with the cPIN' });
  const results = form.getByRole('table', { name: 'Enrolment results' });
  return {
    form,
    serials: form.getByRole('textbox', { name: 'Serial numbers (one per line)' }),
    file: form.getByLabel('Or a file of serial numbers (column A)', { exact: true }),
    // exact: the Overview's Copy button is "Copy cPIN".
    cpin: form.getByLabel('cPIN', { exact: true }),
    enrol: form.getByRole('button', { name: 'Enrol', exact: true }),
    /** "3 of 5 PCs enrolled." */
    outcome: form.getByRole('status').filter({ hasText: / PCs? enrolled\.$/ }),
    /** "250 serial numbers read from file.csv." */
    fileNote: form.getByRole('status').filter({ hasText: / read from / }),
    refusal: form.getByRole('alert'),
    results,
    /** Opens the Enrol PCs tab. */
    async open() {
      await page.getByRole('tab', { name: 'Enrol PCs' }).click();
      await expectVisible(page.getByRole('tab', { name: 'Enrol PCs', selected: true }));
      await expectVisible(form);
    },
    /** Types the serial numbers (one per line) and the cPIN, and clicks Enrol. */
    async submit(serials, cpin) {
      await this.serials.fill(serials.join('\n'));
      await this.cpin.fill(cpin);
      await this.enrol.click();
    },
    /** The results table as [serial, result] rows, top to bottom. */
    async resultRows() {
      await expectVisible(results);
      const rows = results.getByRole('row').filter({ has: page.getByRole('cell') });
      return rows.evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
    },
  };
}

/** Opens Account > Enrol PCs of the customer on screen (or the IT Admin's
 * own), enrols `serials` with the cPIN its Overview shows and checks that
 * all of them went in; returns the form. */
async function enrolWithOwnCpin(page, serials) {
  const { cpin } = await openAccount(page);
  const enrol = enrolForm(page);
  await enrol.open();
  await enrol.submit(serials, cpin);
  await expectText(enrol.outcome, `${serials.length} of ${pcsText(serials.length)} enrolled.`);
  return enrol;
}

/** The first `n` serial numbers of the partner's Unassigned Devices, and
 * how many PCs it has. */
async function unassignedSerials(page, n) {
  const list = await goToUnassignedDevices(page);
  const total = await listTotal(list);
  const serials = n <= 10 ? (await list.serials()).slice(0, n)
    : parseCsv((await exportCsv(page, list)).text).slice(1, n + 1).map(([serial]) => serial);
  assert.equal(serials.length, n, `Unassigned Devices has ${n} PCs to enrol`);
  return { serials, total };
}

/** Opens a customer's Devices > PCs when the list may be empty. */
async function openPcs(page, customer) {
  await menuLink(page, 'PCs').click();
  const list = deviceList(page, `PCs of ${customer}`);
  await expectVisible(list.table);
  return list;
}

// ----- Settings: self-service alerts -------------------------------------

/** The Self-service alerts switch of Settings and what is said about it. */
function alertsSettings(page) {
  const region = page.getByRole('region', { name: 'Notifications' });
  return {
    toggle: region.getByRole('switch', { name: 'Self-service alerts', exact: true }),
    saved: region.getByRole('status'),
    hint: (text) => region.getByText(text, { exact: true }),
  };
}

const ALERTS_NEED_FIRST_PC = 'This dashboard has no PC yet. Self-service alerts turn on automatically when the '
  + 'first Premium or Premium+ PC is added; only then can they be turned off.';
const ALERTS_TURNED_ON = 'They were turned on automatically when the first Premium or Premium+ PC was added.';

/** Opens Settings from the menu; returns the alerts switch, once shown. */
async function openSettings(page) {
  await menuLink(page, 'Settings').click();
  const alerts = alertsSettings(page);
  await expectVisible(alerts.toggle);
  return alerts;
}

/** Waits until the switch is on (`true`) or off (`false`). */
function expectChecked(toggle, checked) {
  return eventually(() => toggle.isChecked({ timeout: 1_000 }), (is) => is === checked, {
    what: `${toggle} ${checked ? 'on' : 'off'}`,
  });
}

/** Checks that the switch's description (aria-describedby) is `text`. */
async function expectDescribedBy(page, toggle, text) {
  const ids = await toggle.getAttribute('aria-describedby');
  assert.ok(ids, 'the switch has a description');
  const described = await Promise.all(ids.split(/\s+/).map((id) => page.locator(`[id="${id}"]`).textContent()));
  assert.equal(described.join(' ').replace(/\s+/g, ' ').trim(), text);
}

// ----- The tests ----------------------------------------------------------

test('creating a customer dashboard: in the Customers drop-down at once, Customer ID and cPIN on its Account; duplicate names and bad e-mails refused', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.alpine);
  const form = await goToCustomers(page);
  const nordlicht = newCustomer('Nordlicht Optik');
  const before = await optionLabels(customersPicker(page));
  assert.ok(!before.includes(nordlicht.name));

  // Empty fields, and a text that is no address at all: the browser stops the form.
  await form.create.click();
  assert.equal(await form.name.evaluate((input) => input.validity.valueMissing), true);
  await form.submit({ ...nordlicht, email: 'not-an-email' });
  assert.equal(await form.email.evaluate((input) => input.validity.typeMismatch), true);
  await expectText(form.status, '');
  // A name the partner has (other letter case), an address the browser lets through.
  await form.submit({ ...nordlicht, name: 'contoso LTD' });
  await expectText(form.status, 'You already have a customer named "contoso LTD".');
  await form.submit({ ...nordlicht, email: 'admin@localhost' });
  await expectText(form.status, '"admin@localhost" is not an e-mail address.');
  assert.deepEqual(await optionLabels(customersPicker(page)), before);

  const { id } = await createCustomer(page, nordlicht);
  for (const field of [form.name, form.country, form.email]) assert.equal(await field.inputValue(), '');
  await eventually(() => optionLabels(customersPicker(page)), (labels) => labels.includes(nordlicht.name), {
    what: `${nordlicht.name} in the Customers drop-down`,
  });
  assert.equal((await optionLabels(customersPicker(page))).length, before.length + 1);
  await expectVisible(page.getByRole('table', { name: 'Customers' }).getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: nordlicht.name, exact: true }) })
    .getByRole('cell', { name: id, exact: true }));

  await form.openAccount.click();
  await expectPath(page, `/customers/${id}/account`);
  await expectSelectedOption(customersPicker(page), nordlicht.name);
  const account = await accountOverview(page);
  assert.equal(account.id, id);
  assert.match(account.cpin, CPIN);
  await page.getByRole('button', { name: 'Copy cPIN', exact: true }).click();
  await eventually(() => clipboardText(page), (copied) => copied === account.cpin, { what: 'the cPIN on the clipboard' });
  const facts = await stats(page);
  assert.equal(facts['Customer name'], nordlicht.name);
  assert.equal(facts.Country, nordlicht.country);
  assert.equal(facts.Partner, ACCOUNTS.alpine.organisation);
  assert.deepEqual([facts['Premium PCs'], facts['Premium+ PCs']], ['0', '0']);

  // Its own name again, in other letter case.
  await goToCustomers(page);
  await form.submit(newCustomer('NORDLICHT optik'));
  await expectText(form.status, 'You already have a customer named "NORDLICHT optik".');
  assert.equal((await optionLabels(customersPicker(page))).length, before.length + 1);
  assertNoPageErrors(page);
});

test('the new customer\'s IT Admin is on the sign-in page and, signed in, sees only its empty dashboard', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.alpine);
  const customer = newCustomer('Polaris Kliniken');
  const { id } = await createCustomer(page, customer);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expectPath(page, '/sign-in');

  const itAdmin = { role: 'IT Admin', organisation: customer.name };
  const button = page.getByRole('button', { name: accountButtonName(itAdmin) });
  await expectText(button, new RegExp(escape(customer.email)));
  await signInAs(page, itAdmin);
  await expectPath(page, `/customers/${id}`);
  await expectVisible(pageHeading(page, customer.name));
  await expectVisible(page.getByText(`IT Admin · ${customer.name}`));
  await expectCount(customersPicker(page), 0);
  await expectCount(menuLink(page, 'Unassigned Devices'), 0);
  await expectCount(mainMenu(page).getByRole('link', { name: 'Customers' }), 0);
  const home = await stats(page);
  assert.deepEqual([home.PCs, home.Premium, home['Premium+']], ['0', '0', '0']);

  const pcs = await openPcs(page, customer.name);
  await expectText(pcs.count, '0 PCs');
  await expectVisible(page.getByText('There are no PCs here.'));
  assert.equal((await openAccount(page)).id, id);
  assertNoPageErrors(page);
});

test('enrolling with the cPIN: a wrong cPIN moves nothing; the right one moves PCs from Unassigned Devices, refuses another customer\'s PC and reports unknown serials', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.alpine);
  const { serials: moving, total: unassignedBefore } = await unassignedSerials(page, 3);
  const contoso = await goToCustomerPcs(page, 'Contoso Ltd');
  const contosoBefore = await listTotal(contoso);
  const [contosoPc] = await contoso.serials();
  const contosoCpin = (await openAccount(page)).cpin;
  const fabrikamBefore = await listTotal(await goToCustomerPcs(page, 'Fabrikam Inc'));
  const { cpin } = await openAccount(page);
  assert.notEqual(cpin, contosoCpin);

  // Contoso's cPIN on Fabrikam's Account: refused, and nothing moves.
  const enrol = enrolForm(page);
  await enrol.open();
  await enrol.submit(moving, contosoCpin);
  await expectText(enrol.refusal, 'The cPIN is not this customer\'s cPIN.');
  await expectCount(enrol.results, 0);
  await expectCount(enrol.outcome, 0);
  await expectTotal(await goToUnassignedDevices(page), unassignedBefore);
  await expectTotal(await goToCustomerPcs(page, 'Fabrikam Inc'), fabrikamBefore);

  // Fabrikam's own cPIN, with a PC twice, Contoso's PC, an unknown serial,
  // a typo, and a line with a space in it (one line, one serial number).
  const unknown = 'ZZ00000000';
  await openAccount(page);
  await enrol.open();
  await enrol.submit([...moving, moving[0], contosoPc, unknown, 'ABC-123', 'bad serial'], cpin);
  await expectText(enrol.outcome, '3 of 8 PCs enrolled.');
  await expectCount(enrol.refusal, 0);
  assert.deepEqual(await enrol.resultRows(), [
    ...moving.map((serial) => [serial, 'Enrolled']),
    [moving[0], 'Already in this dashboard'],
    [contosoPc, 'Refused: this PC is in another customer\'s dashboard'],
    [unknown, 'Device not found'],
    ['ABC-123', 'Not a serial number: an HP serial number has only letters and digits, this one contains \'-\''],
    ['bad serial', 'Not a serial number: an HP serial number has only letters and digits, this one contains \' \''],
  ]);

  const unassigned = await goToUnassignedDevices(page);
  await expectTotal(unassigned, unassignedBefore - 3);
  await expectListed(unassigned, moving, false);
  const fabrikam = await goToCustomerPcs(page, 'Fabrikam Inc');
  await expectTotal(fabrikam, fabrikamBefore + 3);
  await expectListed(fabrikam, moving);
  await expectListed(fabrikam, [contosoPc], false);
  const contosoAfter = await goToCustomerPcs(page, 'Contoso Ltd');
  await expectTotal(contosoAfter, contosoBefore);
  await expectListed(contosoAfter, [contosoPc]);
  assertNoPageErrors(page);
});

test('enrolling at scale: a CSV file of serial numbers in column A fills the list and enrols them all', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.alpine);
  const n = 250;
  const { serials, total: unassignedBefore } = await unassignedSerials(page, n);
  const customer = newCustomer('Tailwind Traders');
  await createCustomer(page, customer);
  await selectCustomer(page, customer.name);
  const { cpin } = await openAccount(page);

  const enrol = enrolForm(page);
  await enrol.open();
  const file = await files.write('enrol-at-scale.csv', ['Serial Number', ...serials].map((l) => `${l}\r\n`).join(''));
  await enrol.file.setInputFiles(file);
  await expectText(enrol.fileNote, `${n} serial numbers read from enrol-at-scale.csv.`);
  assert.deepEqual((await enrol.serials.inputValue()).split('\n'), serials);
  await enrol.cpin.fill(cpin);
  await enrol.enrol.click();
  await expectText(enrol.outcome, `${n} of ${pcsText(n)} enrolled.`);
  assert.deepEqual(await enrol.resultRows(), serials.map((serial) => [serial, 'Enrolled']));

  await expectTotal(await goToUnassignedDevices(page), unassignedBefore - n);
  await selectCustomer(page, customer.name);
  const pcs = await openPcs(page, customer.name);
  await expectTotal(pcs, n);
  const [, ...exported] = parseCsv((await exportCsv(page, pcs)).text);
  assert.deepEqual(exported.map(([serial]) => serial).sort(), [...serials].sort());
  assertNoPageErrors(page);
});

test('self-service alerts: off and locked before the first PC; the first PC turns them on; off then stays off after a reload', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.alpine);
  const { serials } = await unassignedSerials(page, 1);
  const customer = newCustomer('Vega Dienstleistungen');
  await createCustomer(page, customer);
  await selectCustomer(page, customer.name);

  let alerts = await openSettings(page);
  await expectChecked(alerts.toggle, false);
  await expectEnabled(alerts.toggle, false);
  await expectVisible(alerts.hint(ALERTS_NEED_FIRST_PC));
  await expectDescribedBy(page, alerts.toggle, ALERTS_NEED_FIRST_PC);

  await enrolWithOwnCpin(page, serials);
  alerts = await openSettings(page);
  await expectChecked(alerts.toggle, true);
  await expectEnabled(alerts.toggle);
  await expectVisible(alerts.hint(ALERTS_TURNED_ON));
  await expectDescribedBy(page, alerts.toggle, ALERTS_TURNED_ON);

  await alerts.toggle.uncheck();
  await expectText(alerts.saved, 'Saved: self-service alerts are off.');
  await expectChecked(alerts.toggle, false);
  await page.reload();
  await expectVisible(alerts.toggle);
  await expectChecked(alerts.toggle, false);
  await expectEnabled(alerts.toggle);
  await expectText(alerts.saved, '');
  assertNoPageErrors(page);
});

test('the Contoso IT Admin enrols a PC from the partner\'s Unassigned Devices with the cPIN of their own Account page', async () => {
  // The partner's Unassigned Devices, seen in a browser of its own.
  const partner = await app.newPage();
  await signInAs(partner, ACCOUNTS.alpine);
  const { serials: [serial], total: unassignedBefore } = await unassignedSerials(partner, 1);
  assert.equal(unassignedBefore, ALPINE_UNASSIGNED);
  assertNoPageErrors(partner);

  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.contosoIt);
  const contosoBefore = await listTotal(await openPcs(page, 'Contoso Ltd'));
  await enrolWithOwnCpin(page, [serial]);
  assert.deepEqual(await enrolForm(page).resultRows(), [[serial, 'Enrolled']]);
  const contoso = await openPcs(page, 'Contoso Ltd');
  await expectTotal(contoso, contosoBefore + 1);
  await expectListed(contoso, [serial]);

  // In this browser, the partner sees the PC gone from Unassigned Devices.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signInAs(page, ACCOUNTS.alpine);
  const unassigned = await goToUnassignedDevices(page);
  await expectTotal(unassigned, unassignedBefore - 1);
  await expectListed(unassigned, [serial], false);
  assertNoPageErrors(page);
});

test('a remembered account that no longer exists is signed out to the sign-in page with an alert saying so', {
  skip: mockOnly('it plants an unknown account in the browser\'s local storage, where only the in-browser backend remembers who is signed in (the server: a session cookie)'),
}, async () => {
  const page = await app.newPage();
  await page.goto('/sign-in');
  await page.evaluate(([key]) => localStorage.setItem(key, 'u-ghost'), [SESSION_KEY]);
  await page.goto('/all');

  await expectPath(page, '/sign-in?next=/all');
  const notice = page.getByRole('alert').filter({ hasText: 'no longer exists' });
  await expectVisible(notice.getByText(
    'The account u-ghost no longer exists (the demo data may have been reset); sign in again', { exact: true },
  ));
  assert.equal(await page.evaluate(([key]) => localStorage.getItem(key), [SESSION_KEY]), null);

  // No dead end: the notice can be dismissed, the accounts are offered,
  // and signing in (on this page, without reloading it) works.
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expectCount(notice, 0);
  await page.getByRole('button', { name: accountButtonName(ACCOUNTS.alpine) }).click();
  await expectVisible(mainMenu(page));
  await expectPath(page, '/all');
  assertNoPageErrors(page);
});

test('serial numbers pasted from a spreadsheet (a column, or a row of cells) are one per line or cell, not split at spaces', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.alpine);
  const { serials } = await unassignedSerials(page, 3);
  await selectCustomer(page, 'Fabrikam Inc');
  const { cpin } = await openAccount(page);
  const enrol = enrolForm(page);
  await enrol.open();
  await enrol.serials.fill(`${serials[0]}\t${serials[1]}\r\n  ${serials[2]} ;bad serial\n\n`);
  await enrol.cpin.fill(cpin);
  await enrol.enrol.click();
  await expectText(enrol.outcome, '3 of 4 PCs enrolled.');
  assert.deepEqual(await enrol.resultRows(), [
    ...serials.map((serial) => [serial, 'Enrolled']),
    ['bad serial', 'Not a serial number: an HP serial number has only letters and digits, this one contains \' \''],
  ]);
  assertNoPageErrors(page);
});
