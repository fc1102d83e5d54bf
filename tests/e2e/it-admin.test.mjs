// An IT Admin sees only their own customer's dashboard, whatever the address.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, assertNoPageErrors, expectCount, expectPath, expectText, expectVisible } from './harness.mjs';
import {
  ACCOUNTS, CUSTOMER_PATH, signInAs, mainMenu, customersPicker, menuLink, pageHeading, alert,
  customerIdOnAccountPage,
} from './portal.mjs';

let app;
before(async () => { app = await startApp(); });
afterEach(() => app.closePages());
after(() => app.close());

/** Fabrikam Inc's Customer ID, read by Alpine's partner admin in a context of its own. */
async function fabrikamId() {
  const partner = await app.newPage();
  await signInAs(partner, ACCOUNTS.alpine);
  const id = await customerIdOnAccountPage(partner, 'Fabrikam Inc');
  assertNoPageErrors(partner);
  return id;
}

/** Opens `path` and waits for the refusal that says `reason`. */
async function expectRefused(page, path, reason) {
  await page.goto(path);
  const panel = alert(page);
  await expectVisible(panel.getByRole('heading', { name: 'This page cannot be shown' }));
  await expectText(panel.getByRole('listitem'), reason);
  await expectCount(page.getByRole('table'), 0);
}

test('an IT Admin lands on their customer\'s Home, with Home, PCs and Account and no Customers drop-down', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.contosoIt);
  await expectVisible(pageHeading(page, 'Contoso Ltd'));
  await expectPath(page, CUSTOMER_PATH);
  for (const link of ['Home', 'PCs', 'Account']) await expectVisible(menuLink(page, link));
  await expectCount(customersPicker(page), 0);
  await expectCount(menuLink(page, 'Unassigned Devices'), 0);
  await expectCount(mainMenu(page).getByRole('link', { name: 'Customers' }), 0);
  assertNoPageErrors(page);
});

test('an IT Admin typing another customer\'s address is refused and sees none of its data', async () => {
  const fabrikam = await fabrikamId();
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.contosoIt);
  for (const suffix of ['', '/devices/pcs', '/account', '/settings']) {
    await expectRefused(page, `/customers/${fabrikam}${suffix}`, `There is no customer ${fabrikam} in your account`);
    const shown = await page.evaluate(() => document.body.innerText);
    for (const secret of ['Fabrikam', 'United Kingdom']) {
      assert.ok(!shown.includes(secret), `${suffix || 'Home'} does not show "${secret}"`);
    }
  }
  assertNoPageErrors(page);
});

test('an IT Admin is refused the partner\'s All Customers pages', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.contosoIt);
  for (const path of ['/all', '/all/unassigned-devices']) {
    await expectRefused(page, path, 'Only a Partner Admin can open this page');
  }
  assertNoPageErrors(page);
});

test('an IT Admin at All Customers > Customers sees the refusal only, and no form to create a dashboard', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.contosoIt);
  await expectRefused(page, '/all/customers', 'Only a Partner Admin can open this page');
  await expectCount(page.getByRole('form', { name: 'Create customer dashboard' }), 0);
  await expectCount(page.getByRole('main').getByRole('button'), 0);
  await expectCount(page.getByRole('main').getByRole('textbox'), 0);
  assertNoPageErrors(page);
});
