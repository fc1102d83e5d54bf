// A partner admin's Home, the Customers drop-down, and the menu it drives.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  SERVER_MODE, startApp, assertNoPageErrors, expectPath, expectVisible, expectCount, expectText,
} from './harness.mjs';
import {
  ACCOUNTS, ALPINE_CUSTOMERS, ALPINE_UNASSIGNED, CUSTOMER_ID, CUSTOMER_PATH, signInAs, mainMenu, customersPicker,
  menuLink, pageHeading, selectCustomer, expectSelectedOption, optionLabels, stats, formatThousands, alert,
  customerIdOnAccountPage, goToCustomers,
} from './portal.mjs';

let app;
before(async () => { app = await startApp(); });
afterEach(() => app.closePages());
after(() => app.close());

const CUSTOMER_LINKS = ['Home', 'PCs', 'Account', 'Settings'];

/** Waits until the menu's list shows these links, in this order, and no other. */
async function expectMenuLinks(page, names) {
  const links = mainMenu(page).getByRole('listitem').getByRole('link');
  await expectCount(links, names.length);
  assert.deepEqual((await links.allTextContents()).map((t) => t.trim()), names);
}

test('partner admin Home shows the portfolio counts and the PCs-per-customer chart', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.alpine);
  await expectPath(page, '/all');
  await expectVisible(pageHeading(page, 'Home'));
  assert.deepEqual(await stats(page), {
    Customers: String(ALPINE_CUSTOMERS.length),
    'PCs in customer dashboards': '1,405',
    'Unassigned PCs': formatThousands(ALPINE_UNASSIGNED),
  });
  const chart = page.getByRole('img', { name: /^PCs per customer:/ });
  await expectVisible(chart);
  const described = await chart.getAttribute('aria-label');
  for (const bar of ['Contoso Ltd: 420', 'Fabrikam Inc: 310', 'Litware Inc: 0', 'Unassigned Devices: 1,200']) {
    assert.ok(described.includes(bar), `chart names "${bar}": ${described}`);
  }
  assertNoPageErrors(page);
});

test('the Customers drop-down lists All Customers and every own customer by name, no other partner\'s', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.alpine);
  const labels = await optionLabels(customersPicker(page));
  assert.deepEqual(labels, ['All Customers', ...ALPINE_CUSTOMERS]);
  assert.ok(!labels.includes('Woodgrove Bank'), 'Brightline\'s customer is not listed');
  await expectSelectedOption(customersPicker(page), 'All Customers');
  assertNoPageErrors(page);
});

test('Unassigned Devices is in the menu only with All Customers selected', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.alpine);
  await expectMenuLinks(page, ['Home', 'Customers', 'Transfers', 'Alerts', 'Unassigned Devices']);

  await selectCustomer(page, 'Contoso Ltd');
  await expectMenuLinks(page, CUSTOMER_LINKS);
  await expectCount(menuLink(page, 'Unassigned Devices'), 0);

  await selectCustomer(page, 'All Customers');
  await expectVisible(menuLink(page, 'Unassigned Devices'));
  assertNoPageErrors(page);
});

test('selecting a customer puts its Customer ID in the address; reload keeps it, Back returns to All Customers', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.alpine);
  await selectCustomer(page, 'Contoso Ltd');
  const path = await expectPath(page, CUSTOMER_PATH);
  await expectVisible(pageHeading(page, 'Contoso Ltd'));
  await expectMenuLinks(page, CUSTOMER_LINKS);

  await page.reload();
  await expectVisible(pageHeading(page, 'Contoso Ltd'));
  await expectSelectedOption(customersPicker(page), 'Contoso Ltd');
  await expectPath(page, path);

  await page.goBack();
  await expectPath(page, '/all');
  await expectVisible(pageHeading(page, 'Home'));
  await expectSelectedOption(customersPicker(page), 'All Customers');
  await expectVisible(menuLink(page, 'Unassigned Devices'));
  assertNoPageErrors(page);
});

test('a customer picked on a PCs page opens that customer\'s PCs', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.alpine);
  await selectCustomer(page, 'Contoso Ltd');
  await menuLink(page, 'PCs').click();
  await expectText(page.getByText(/^Devices > PCs of /), 'Devices > PCs of Contoso Ltd');
  await selectCustomer(page, 'Fabrikam Inc');
  await expectPath(page, /^\/customers\/CUS-[0-9A-F]{8}\/devices\/pcs$/);
  await expectText(page.getByText(/^Devices > PCs of /), 'Devices > PCs of Fabrikam Inc');
  assertNoPageErrors(page);
});

const SETUP_NOTICE = 'Unassigned Devices is not available';

/** Checks the set-up notice says why, names the partner courses (the
 * partner's own kind first) and where to get help. */
async function expectSetupNotice(notice) {
  await expectVisible(notice);
  assert.match(await notice.textContent(), /setup is incomplete/);
  const courses = (await notice.getByRole('listitem').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  assert.deepEqual(courses, [
    'Resellers: course ID 0001114751',
    'Service Delivery Partners: course ID 0001114748 followed by 0001114825',
  ]);
  await expectVisible(notice.getByRole('link', { name: 'support@wxp.hp.com' }));
}

test('a partner whose setup is incomplete has no Unassigned Devices, and a notice says why and what to do', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.cobalt);
  await expectVisible(pageHeading(page, 'Home'));
  assert.equal((await stats(page))['Unassigned PCs'], 'Not available');
  await expectMenuLinks(page, ['Home', 'Customers', 'Transfers', 'Alerts']);
  await expectSetupNotice(mainMenu(page).getByRole('complementary', { name: SETUP_NOTICE }));
  assertNoPageErrors(page);
});

test('an incomplete-setup partner going straight to /all/unassigned-devices sees the notice, not a device list', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.cobalt);
  await page.goto('/all/unassigned-devices');
  const main = page.getByRole('main');
  await expectSetupNotice(main.getByRole('complementary', { name: SETUP_NOTICE }));
  await expectCount(main.getByRole('table'), 0);
  await expectCount(main.getByRole('button', { name: 'Export CSV' }), 0);
  assertNoPageErrors(page);
});

test('an address naming no customer of the partner shows only the refusal, whichever answer comes first: no Transfer, no customer menu', async () => {
  // Woodgrove Bank is Brightline Services' customer.
  const brightline = await app.newPage();
  await signInAs(brightline, ACCOUNTS.brightline);
  const woodgrove = await customerIdOnAccountPage(brightline, 'Woodgrove Bank');
  assertNoPageErrors(brightline);

  const page = await app.newPage();
  if (SERVER_MODE) {
    // The page's own read of the customer answers after the Customers
    // drop-down's list (the order that left <main> empty).
    await page.route(/\/api\/v1\/customers\/CUS-[0-9A-F]{8}$/, async (route) => {
      await new Promise((settle) => setTimeout(settle, 500));
      await route.continue().catch(() => { /* the page has moved on */ });
    });
  }
  await signInAs(page, ACCOUNTS.alpine);
  for (const [path, id] of [['/customers/CUS-00000000', 'CUS-00000000'], [`/customers/${woodgrove}/devices/pcs`, woodgrove]]) {
    await page.goto(path);
    const panel = alert(page);
    await expectVisible(panel.getByRole('heading', { name: 'This page cannot be shown' }));
    await expectText(panel.getByRole('listitem'), `There is no customer ${id} in your account`);
    await expectSelectedOption(customersPicker(page), 'Choose a customer…');
    // Once the page has settled: nothing to act on.
    await new Promise((settle) => setTimeout(settle, SERVER_MODE ? 800 : 300));
    await expectCount(page.getByRole('main').getByRole('button'), 0);
    await expectCount(page.getByRole('button', { name: 'Transfer', exact: true }), 0);
    for (const link of ['PCs', 'Account', 'Settings']) await expectCount(menuLink(page, link), 0);
    assert.ok(!(await page.evaluate(() => document.body.innerText)).includes('Woodgrove'), 'nothing of the customer shows');
  }
  // The drop-down still leads to the partner's own customers (here, to
  // the same page of theirs).
  await selectCustomer(page, 'Contoso Ltd');
  await expectText(page.getByText(/^Devices > PCs of /), 'Devices > PCs of Contoso Ltd');
  await expectSelectedOption(customersPicker(page), 'Contoso Ltd');
  await expectVisible(page.getByRole('button', { name: 'Transfer', exact: true }));
  for (const link of ['PCs', 'Account', 'Settings']) await expectVisible(menuLink(page, link));
  assertNoPageErrors(page);
});

test('a Customer ID in a table is never broken across lines, even on a narrow screen', async () => {
  const page = await app.newPage({ viewport: { width: 360, height: 800 } });
  await signInAs(page, ACCOUNTS.alpine);
  await goToCustomers(page);
  const ids = page.getByRole('table', { name: 'Customers' }).getByRole('cell').getByRole('code')
    .filter({ hasText: CUSTOMER_ID });
  await expectCount(ids, ALPINE_CUSTOMERS.length);
  const lines = await ids.evaluateAll((codes) => codes.map((code) => [code.textContent, code.getClientRects().length]));
  for (const [id, count] of lines) assert.equal(count, 1, `${id} is on one line`);
  assertNoPageErrors(page);
});
