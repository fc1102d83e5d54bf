// The sign-in page, staying signed in, and addresses that lead nowhere.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  startApp, assertNoPageErrors, expectCount, expectPath, expectText, expectVisible, signIn,
} from './harness.mjs';
import {
  ACCOUNTS, accountButtonName, signInAs, selectCustomer, menuLink, mainMenu, pageHeading, alert, deviceList,
  customerIdOnAccountPage, CUSTOMER_ID,
} from './portal.mjs';

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
  // Every text is there before the pages' messages are: none is missing.
  assert.doesNotMatch(await page.locator('body').innerText(), /Unknown localization/);
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

// The pages behind sign-in need their code (a wasm module of its own, in
// the split release build: src/lazy_pages.rs), their messages (fetched
// from /locales/: src/i18n/catalogues.rs) and their style sheet; any of
// them cut off, as a dropped connection would, stops them the same way.
for (const [what, cut] of [
  ['code', /\/split_signed_in_pages\.wasm$/],
  ['messages', /\/locales\/en\/transfer\.ftl$/],
  ['style sheet', /\/pages\.css\?v=\w+$/],
]) {
  test(`when the pages' ${what} cannot be fetched, signing in says so, and reloading brings them, still signed in`, async () => {
    const page = await app.newPage();
    let cutOff = true;
    await page.route(cut, (route) => (cutOff ? route.abort('connectionfailed') : route.continue()));
    await signIn(page, accountButtonName(ACCOUNTS.alpine));
    await expectVisible(pageHeading(page, 'The portal could not load this page'));
    await expectVisible(page.getByText('Nothing you did was lost.', { exact: false }));

    cutOff = false;
    await page.getByRole('button', { name: 'Reload the portal' }).click();
    await expectVisible(mainMenu(page));
    await expectVisible(page.getByText('Partner Admin · Alpine IT Solutions'));
    // What the browser said of the failed fetches, and nothing else.
    const others = page.errors.filter((e) => !/split_signed_in_pages|transfer\.ftl|pages\.css|Failed to fetch|Failed to load resource/.test(e));
    assert.deepEqual(others, []);
  });
}

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

test('a page asked for while signed out is where signing in leads; an address of another site never is', async () => {
  const partner = await app.newPage();
  await signInAs(partner, ACCOUNTS.alpine);
  const contoso = await customerIdOnAccountPage(partner, 'Contoso Ltd');
  assertNoPageErrors(partner);

  const page = await app.newPage();
  const wanted = `/customers/${contoso}/devices/pcs`;
  await page.goto(wanted);
  await expectPath(page, `/sign-in?next=${wanted}`);
  await page.getByRole('button', { name: accountButtonName(ACCOUNTS.alpine) }).click();
  await expectPath(page, wanted);
  await deviceList(page, 'PCs of Contoso Ltd').loaded();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expectPath(page, '/sign-in');
  for (const elsewhere of ['//evil.example/all', 'https://evil.example/', '/\\evil.example']) {
    await page.goto(`/sign-in?next=${encodeURIComponent(elsewhere)}`);
    await page.getByRole('button', { name: accountButtonName(ACCOUNTS.alpine) }).click();
    await expectPath(page, '/all');
    await expectVisible(pageHeading(page, 'Home'));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectPath(page, '/sign-in');
  }
  assertNoPageErrors(page);
});

/** How another tab of the same browser (its cookie, its local storage)
 * ends the session. */
const ELSEWHERE = [
  {
    what: 'signing out in another tab',
    async end(other) {
      await other.goto('/all');
      await expectVisible(mainMenu(other));
      await other.getByRole('button', { name: 'Sign out' }).click();
      await expectPath(other, '/sign-in');
    },
  },
  {
    what: 'resetting the demo data in another tab',
    async end(other) {
      await other.goto('/sign-in');
      await other.getByRole('button', { name: 'Reset demo data' }).click();
      await other.getByRole('group', { name: 'Confirm reset' }).getByRole('button', { name: 'Reset now' }).click();
      await expectVisible(other.getByText('The demo data has been reset.'));
    },
  },
];

for (const { what, end } of ELSEWHERE) {
  test(`${what} ends the session in this tab too: the sign-in page says so, and signing in returns to the page`, async () => {
    const page = await app.newPage();
    await signInAs(page, ACCOUNTS.alpine);
    await menuLink(page, 'Transfers').click();
    await expectVisible(pageHeading(page, 'Transfers'));

    await end(await page.context().newPage());

    // This tab hears of it by itself (the other tab's change, or the end
    // of its live updates), or at the latest when it next asks the backend.
    await menuLink(page, 'Alerts').click({ timeout: 2_000 }).catch(() => { /* already signed out */ });
    const [, wanted] = /next=(.*)$/.exec(await expectPath(page, /^\/sign-in\?next=\/all\/(transfers|alerts)$/));
    await expectText(alert(page).getByRole('paragraph'),
      'Your session has ended (you signed out in another tab, the demo data was reset, or the session expired). '
      + 'Sign in again to go on.');
    await expectCount(mainMenu(page), 0);
    await expectCount(page.getByText('You are signed out: sign in again.'), 0);

    await page.getByRole('button', { name: accountButtonName(ACCOUNTS.alpine) }).click();
    await expectPath(page, wanted);
    await expectVisible(mainMenu(page));
    await expectCount(alert(page), 0);
    assertNoPageErrors(page);
  });
}
