// Account > Overview: the Customer ID a transfer file needs.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, assertNoPageErrors, expectText, expectPath } from './harness.mjs';
import { ACCOUNTS, CUSTOMER_ID, signInAs, customerIdOnAccountPage, clipboardText } from './portal.mjs';

let app;
before(async () => { app = await startApp(); });
afterEach(() => app.closePages());
after(() => app.close());

test('Account > Overview shows the Customer ID, and Copy puts it on the clipboard', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.alpine);
  const id = await customerIdOnAccountPage(page, 'Fabrikam Inc');
  assert.match(id, CUSTOMER_ID);
  await expectPath(page, `/customers/${id}/account`);

  const copy = page.getByRole('button', { name: 'Copy Customer ID' });
  await expectText(copy, 'Copy');
  await copy.click();
  // The first status of the panel is the one beside the Customer ID's Copy.
  await expectText(page.getByRole('tabpanel', { name: 'Overview' }).getByRole('status').first(), 'Copied');
  assert.equal(await clipboardText(page), id);
  assertNoPageErrors(page);
});
