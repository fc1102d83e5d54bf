// Support cases: opened from the Help link and from the notices that send
// the user to support, prefilled from where they were opened.
import { test, before, after, afterEach } from 'node:test';
import { startApp, assertNoPageErrors, expectText, eventually } from './harness.mjs';
import { ACCOUNTS, signInAs, customerIdOnAccountPage, goToUnassignedDevices } from './portal.mjs';
import { partnerPage, transferFiles, transferFromPage, notificationCenter, headline } from './transfer.mjs';

let app;
before(async () => { app = await startApp(); });
afterEach(() => app.closePages());
after(() => app.close());

const caseForm = (page) => page.getByRole('form', { name: 'Create support case' });
const casesTable = (page) => page.getByRole('table', { name: 'Support cases' });

test('Help opens the support page, and a case is listed with its serial numbers and state', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.contosoIt);
  await page.getByRole('link', { name: 'Help' }).click();
  const form = caseForm(page);
  await form.getByLabel('Subject').fill('A PC is missing');
  await form.getByLabel('Description').fill('Bought last week');
  await form.getByLabel('Serial numbers (one per line)').fill('5cg1234abc');
  await form.getByRole('button', { name: 'Create support case' }).click();
  await expectText(form.getByRole('status'), /^Support case \d+ was created/);
  const row = casesTable(page).getByRole('row').filter({ hasText: 'A PC is missing' });
  await expectText(row.getByRole('cell').nth(2), '5CG1234ABC');
  await expectText(row.getByRole('cell').nth(3), 'Open');
  assertNoPageErrors(page);
});

test('the incomplete-setup notice opens a support case about the missing Unassigned Devices', async () => {
  const page = await app.newPage();
  await signInAs(page, ACCOUNTS.cobalt);
  await page.getByRole('link', { name: 'create a support case' }).first().click();
  await eventually(() => caseForm(page).getByLabel('Subject').inputValue(), (v) => v === 'Unassigned Devices is missing', {
    what: 'the prefilled subject',
  });
  assertNoPageErrors(page);
});

test('a failed row of a transfer prefills a support case with its serial number', async () => {
  // Two transfers of the same PC, the second reviewed before the first ran:
  // the second fails its row with "Device not found".
  const page = await partnerPage(app, { durationMs: 1_500 });
  const files = await transferFiles();
  const contoso = await customerIdOnAccountPage(page, 'Contoso Ltd');
  const list = await goToUnassignedDevices(page);
  const [serial] = await list.serials();
  await transferFromPage(page, files, { name: 'first.csv', serials: [serial], customerId: contoso });
  const second = await transferFromPage(page, files, { name: 'second.csv', serials: [serial], customerId: contoso });
  const center = notificationCenter(page);
  await center.open();
  const failedHeadline = headline(second, { pcs: 1, to: 'Contoso Ltd', transferred: 0 });
  const item = await eventually(async () => (await center.item(failedHeadline).count()) ? center.item(failedHeadline) : null, Boolean, {
    what: 'the failed transfer\'s notification', timeout: 15_000,
  });
  await item.getByText(failedHeadline).click();
  await item.getByRole('link', { name: 'Create support case for the failed rows' }).click();
  const form = caseForm(page);
  await eventually(() => form.getByLabel('Serial numbers (one per line)').inputValue(), (v) => v === serial, {
    what: 'the prefilled serial number',
  });
  await eventually(() => form.getByLabel('Subject').inputValue(), (v) => v === `Transfer ${second}: 1 row failed`, { what: 'the subject' });
  await files.remove();
  assertNoPageErrors(page);
});
