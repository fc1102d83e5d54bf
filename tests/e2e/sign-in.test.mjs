// The sign-in page, staying signed in, and addresses that lead nowhere.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, assertNoPageErrors, expectPath, expectVisible } from './harness.mjs';
import { ACCOUNTS, accountButtonName, signInAs, selectCustomer, menuLink, pageHeading, CUSTOMER_ID } from './portal.mjs';

let app;
before(async () => { app = await startApp(); });
afterEach(() => app.closePages());
after(() => app.close());

test('the sign-in page offers each demo account as a button naming its role and organisation', async () => {
  const page = await app.newPage();
  await page.goto('/sign-in');
  await expectVisible(page.getByRole('heading', { name: 'Sign in with a demo account' }));
  for (const account of Object.values(ACCOUNTS)) {
    await expectVisible(page.getByRole('button', { name: accountButtonName(account) }));
  }
  assertNoPageErrors(page);
});

test('a signed-in user stays signed in, on the same page, after a reload', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.alpine);
  await selectCustomer(page, 'Contoso Ltd');
  await menuLink(page, 'Account').click();
  const path = await expectPath(page, /^\/customers\/CUS-[0-9A-F]{8}\/account$/);

  await page.reload();
  await expectVisible(page.getByRole('tab', { name: 'Overview', selected: true }));
  assert.match(await page.getByLabel('Customer ID', { exact: true }).textContent(), CUSTOMER_ID);
  await expectVisible(page.getByRole('button', { name: 'Sign out' }));
  await expectVisible(page.getByText('Partner Admin · Alpine IT Solutions'));
  await expectPath(page, path);
  assertNoPageErrors(page);
});

test('an unknown address shows "Page not found" with a link home', async () => {
  const page = await app.newPage();
  await page.goto('/no/such/page');
  await expectVisible(pageHeading(page, 'Page not found'));
  await expectVisible(page.getByText('/no/such/page'));
  await page.getByRole('link', { name: 'Go to your Home page' }).click();
  // Nobody is signed in: home is the sign-in page.
  await expectPath(page, '/sign-in');
  await expectVisible(page.getByRole('heading', { name: 'Sign in with a demo account' }));
  assertNoPageErrors(page);
});
