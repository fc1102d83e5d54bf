// The demo data: changes survive reloads, Reset demo data restores the
// seed, and (in-browser backend only) unusable stored data is reset with a
// notice.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  SERVER_MODE, startApp, assertNoPageErrors, expectCount, expectText, expectVisible, mockOnly,
} from './harness.mjs';
import { ACCOUNTS, signInAs, selectCustomer, menuLink, deviceList, alert, stats, pageHeading } from './portal.mjs';

let app;
// Each test changes the data, and starts from the seed.
before(async () => { app = await startApp({ freshDataPerTest: true }); });
afterEach(() => app.closePages());
after(() => app.close());

const STATE_KEY = 'wxp-portal/mock-state';
const insightsSwitch = (page) => page.getByRole('switch', { name: 'Collect last signed-in user and location' });

/** Opens Fabrikam Inc's Settings as Alpine's partner admin; returns the switch. */
async function openFabrikamSettings(page) {
  await signInAs(page, ACCOUNTS.alpine);
  await selectCustomer(page, 'Fabrikam Inc');
  await menuLink(page, 'Settings').click();
  return expectVisible(insightsSwitch(page));
}

/** Opens Fabrikam's PCs from the menu and returns its column titles. */
async function fabrikamColumns(page) {
  await menuLink(page, 'PCs').click();
  const list = deviceList(page, 'PCs of Fabrikam Inc');
  await list.loaded();
  return list.columnTitles();
}

async function expectSwitch(page, on) {
  await expectVisible(page.getByRole('switch', { name: 'Collect last signed-in user and location', checked: on }));
}

test('turning HP Insights collection on for Fabrikam Inc survives a reload and shows Last signed-in user', async () => {
  const page = await app.newPage();
  const toggle = await openFabrikamSettings(page);
  await expectSwitch(page, false);
  await toggle.click();
  await expectText(page.getByText(/^Saved: /), 'Saved: collection is on.');

  await page.reload();
  await expectSwitch(page, true);
  const columns = await fabrikamColumns(page);
  assert.ok(columns.includes('Last signed-in user') && columns.includes('Location'), `columns: ${columns}`);
  assertNoPageErrors(page);
});

test('Reset demo data, confirmed with Reset now, signs out and restores the original settings', async () => {
  const page = await app.newPage();
  const toggle = await openFabrikamSettings(page);
  await toggle.click();
  await expectText(page.getByText(/^Saved: /), 'Saved: collection is on.');

  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Reset demo data' }).click();
  const confirm = page.getByRole('group', { name: 'Confirm reset' });
  await expectVisible(confirm);
  await confirm.getByRole('button', { name: 'Reset now' }).click();
  await expectVisible(page.getByText('The demo data has been reset.'));

  // Signed out: a portal page leads back to the sign-in page.
  await page.goto('/all');
  await expectVisible(page.getByRole('heading', { name: 'Sign in with a demo account' }));
  await openFabrikamSettings(page);
  await expectSwitch(page, false);
  const columns = await fabrikamColumns(page);
  assert.ok(!columns.includes('Last signed-in user'), `columns: ${columns}`);
  assertNoPageErrors(page);
});

const UNUSABLE_STATES = [
  { what: 'unreadable (not JSON)', stored: 'this is {not json', reason: /is corrupted/ },
  {
    what: 'written by an older version (schema 0)',
    stored: JSON.stringify({ schema: 0, config: { seed: 2026, size: 'Standard' }, events: [] }),
    reason: /another version of the portal \(format 0/,
  },
  {
    what: 'naming a customer that does not exist',
    stored: JSON.stringify({
      schema: 1, config: { seed: 2026, size: 'Standard' },
      events: [{ event: 'insights_collection_set', customer: 'CUS-00000000', enabled: true }],
    }),
    reason: /change number 1 .* cannot be applied/,
  },
];

for (const { what, stored, reason } of UNUSABLE_STATES) {
  test(`saved demo data ${what} is reset with an alert, and signing in still works`, {
    skip: mockOnly('the data saved in the browser\'s local storage (the server keeps it in its database)'),
  }, async () => {
    const page = await app.newPage();
    await page.goto('/sign-in');
    await expectVisible(page.getByRole('heading', { name: 'Sign in with a demo account' }));
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STATE_KEY, stored]);
    await page.reload();

    const notice = await expectText(alert(page), /^Your saved demo data could not be loaded: .* It has been reset to the original demo data\./);
    assert.match(notice, reason);
    await alert(page).getByRole('button', { name: 'Dismiss' }).click();
    await expectCount(alert(page), 0);

    await signInAs(page, ACCOUNTS.alpine);
    await expectVisible(pageHeading(page, 'Home'));
    assert.equal((await stats(page))['Unassigned PCs'], '1,200');

    // The reset data was saved: the next visit has nothing to report.
    await page.reload();
    await expectVisible(pageHeading(page, 'Home'));
    await expectCount(alert(page), 0);
    assertNoPageErrors(page);
  });
}

test('the Demo data section says where the demo data is kept: this browser, or the server\'s database', async () => {
  const page = await app.newPage();
  await page.goto('/sign-in');
  const section = page.getByRole('region', { name: 'Demo data' });
  const kept = SERVER_MODE
    ? 'The demo data is generated from seed 2026 and kept in the portal server\'s database, for everyone who uses this server. Current size: Standard (about 3,500 PCs).'
    : 'The demo data is generated from seed 2026 and kept in this browser. Current size: Standard (about 3,500 PCs).';
  await expectText(section.getByText(/^The demo data is generated/), kept);

  // In Italian too.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('it');
  await expectText(page.getByRole('region', { name: 'Dati demo' }).getByText(/^I dati demo vengono generati/), SERVER_MODE
    ? 'I dati demo vengono generati dal seed 2026 e conservati nel database del server del portale, per chiunque usi questo server. Dimensione attuale: Standard (circa 3500 PC).'
    : 'I dati demo vengono generati dal seed 2026 e conservati in questo browser. Dimensione attuale: Standard (circa 3500 PC).');
  await page.getByRole('combobox', { name: 'Lingua' }).selectOption('en');
  assertNoPageErrors(page);
});
