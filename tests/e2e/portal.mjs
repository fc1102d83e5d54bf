// What the end-to-end tests know about the portal: the seeded demo accounts
// and customers, and how a user reaches its parts (by role and label).
import { readFile } from 'node:fs/promises';
import assert from 'node:assert/strict';
import { signIn, expectText, expectVisible, eventually } from './harness.mjs';

/** The sign-in buttons of the seeded demo accounts (seed.rs). */
export const ACCOUNTS = {
  alpine: { role: 'Partner Admin', organisation: 'Alpine IT Solutions' },
  brightline: { role: 'Partner Admin', organisation: 'Brightline Services' },
  cobalt: { role: 'Partner Admin', organisation: 'Cobalt Systems' },
  contosoIt: { role: 'IT Admin', organisation: 'Contoso Ltd' },
};

/** Alpine IT Solutions' customers, by name. */
export const ALPINE_CUSTOMERS = [
  'Adventure Works', 'Contoso Ltd', 'Fabrikam Inc', 'Litware Inc',
  'Northwind Traders', 'Tailspin Toys', 'Wide World Importers',
];

/** PCs in Alpine's holding tenant (Unassigned Devices) with the standard demo data. */
export const ALPINE_UNASSIGNED = 1_200;

/** A Customer ID in a path: CUS- and 8 hexadecimal digits. */
export const CUSTOMER_ID = /^CUS-[0-9A-F]{8}$/;
export const CUSTOMER_PATH = /^\/customers\/CUS-[0-9A-F]{8}$/;

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The accessible name of an account's sign-in button: role, then organisation. */
export function accountButtonName({ role, organisation }) {
  return new RegExp(`${escape(role)}\\b.*\\b${escape(organisation)}`);
}

/** Signs in with a demo account and waits for the portal's menu. */
export async function signInAs(page, account) {
  await signIn(page, accountButtonName(account));
  await expectVisible(mainMenu(page));
}

export const mainMenu = (page) => page.getByRole('navigation', { name: 'Main menu' });
export const customersPicker = (page) => page.getByRole('combobox', { name: 'Customers' });
export const menuLink = (page, name) => mainMenu(page).getByRole('link', { name, exact: true });
export const pageHeading = (page, name) => page.getByRole('heading', { level: 1, name, exact: true });
/** The page's only alert (error panel, start-up notice). */
export const alert = (page) => page.getByRole('alert');

/** Picks a customer (or "All Customers") in the Customers drop-down. */
export async function selectCustomer(page, name) {
  await customersPicker(page).selectOption({ label: name });
}

/** The label of the option a drop-down shows, waiting until it is `expected`. */
export function expectSelectedOption(combobox, expected) {
  return eventually(
    () => combobox.evaluate((select) => select.selectedOptions[0]?.textContent.trim()),
    (label) => label === expected,
    { what: `"${expected}" selected in ${combobox}` },
  );
}

/** The option labels of a drop-down. */
export async function optionLabels(combobox) {
  await combobox.getByRole('option').first().waitFor({ state: 'attached' });
  return (await combobox.getByRole('option').allTextContents()).map((t) => t.trim());
}

/** The figures of a page's statistics (<dl>), as { term: value }. */
export async function stats(page) {
  const main = page.getByRole('main');
  await expectVisible(main.getByRole('definition').first());
  const terms = await main.getByRole('term').allTextContents();
  const values = await main.getByRole('definition').allTextContents();
  return Object.fromEntries(terms.map((t, i) => [t.trim(), values[i].trim()]));
}

/** Reads a customer's Customer ID on Account > Overview, going there by the menu. */
export async function customerIdOnAccountPage(page, customer) {
  await selectCustomer(page, customer);
  await menuLink(page, 'Account').click();
  await expectVisible(page.getByRole('tab', { name: 'Overview', selected: true }));
  return expectText(page.getByLabel('Customer ID', { exact: true }), CUSTOMER_ID);
}

/** The text on the clipboard. */
export const clipboardText = (page) => page.evaluate(() => navigator.clipboard.readText());

// ----- All Customers > Customers: Create customer dashboard --------------

/** The Create customer dashboard form on All Customers > Customers. */
export function createForm(page) {
  const form = page.getByRole('form', { name: 'Create customer dashboard' });
  return {
    form,
    name: form.getByRole('textbox', { name: 'Customer name' }),
    country: form.getByRole('textbox', { name: 'Country' }),
    email: form.getByRole('textbox', { name: 'Admin e-mail' }),
    create: form.getByRole('button', { name: 'Create', exact: true }),
    status: form.getByRole('status'),
    openAccount: form.getByRole('link', { name: 'Open its Account' }),
    /** Fills the three fields and clicks Create. */
    async submit({ name, country, email }) {
      await this.name.fill(name);
      await this.country.fill(country);
      await this.email.fill(email);
      await this.create.click();
    },
  };
}

/** Opens All Customers > Customers from the menu; returns its form. */
export async function goToCustomers(page) {
  await selectCustomer(page, 'All Customers');
  await menuLink(page, 'Customers').click();
  await expectVisible(pageHeading(page, 'Customers'));
  return createForm(page);
}

/** Creates a customer dashboard from All Customers > Customers; returns
 * the Customer ID the status names, and the form. */
export async function createCustomer(page, customer) {
  const form = await goToCustomers(page);
  await form.submit(customer);
  const created = new RegExp(`^${escape(customer.name)} was created with Customer ID (CUS-[0-9A-F]{8})\\. Open its Account$`);
  const [, id] = created.exec(await expectText(form.status, created));
  return { id, form };
}

/** A new customer of the partner, its IT Admin's e-mail from its name. */
export function newCustomer(name, country = 'Germany') {
  return { name, country, email: `it-admin@${name.toLowerCase().replace(/\W+/g, '-')}.example` };
}

// ----- Device lists -------------------------------------------------------

/** A device list: its table and controls, found by their labels. */
export function deviceList(page, tableName) {
  const table = page.getByRole('table', { name: tableName });
  // The status line "1,200 PCs" or "Showing 14 of 1,200 PCs".
  const count = page.getByRole('status').filter({ hasText: /^(Showing [\d,]+ of )?[\d,]+ PCs?\b/ });
  return {
    table,
    count,
    search: page.getByRole('searchbox', { name: 'Search' }),
    planFilter: page.getByRole('combobox', { name: 'Support plan' }),
    clearFilters: page.getByRole('button', { name: 'Clear filters' }),
    copySerials: page.getByRole('button', { name: 'Copy serial numbers' }),
    exportCsv: page.getByRole('button', { name: 'Export CSV' }),
    header: (name) => table.getByRole('columnheader', { name, exact: true }),
    /** The rows of PCs in the page (not the header row). */
    rows: table.getByRole('row').filter({ has: page.getByRole('cell') }),
    /** The cell of a serial number. */
    serialCell: (serial) => table.getByRole('cell', { name: serial, exact: true }),
    rowCheckbox: (serial) => table.getByRole('checkbox', { name: `Select ${serial}` }),
    /** Waits for the list to show its rows. */
    async loaded() {
      await expectVisible(table.getByRole('row').nth(1));
    },
    /** The column titles, without the select-all column. */
    async columnTitles() {
      await expectVisible(table.getByRole('columnheader').first());
      const titles = await table.getByRole('columnheader').allTextContents();
      return titles.map((t) => t.replace(/[▲▼]/g, '').trim()).filter(Boolean);
    },
    /** The texts of the first PC row's cells, in column order (after the checkbox). */
    async firstRow() {
      const cells = await this.rows.first().getByRole('cell').allTextContents();
      return cells.slice(1);
    },
    /** The texts of one column's cells in the PC rows in the page, top to bottom. */
    async columnValues(title) {
      const column = (await this.columnTitles()).indexOf(title) + 1; // after the checkbox column
      assert.ok(column > 0, `the list has a column ${title}`);
      const width = await table.getByRole('columnheader').count();
      const cells = await this.rows.getByRole('cell').allTextContents();
      return cells.filter((_, i) => i % width === column).map((t) => t.trim());
    },
    /** The serial numbers of the PC rows in the page, top to bottom. */
    serials() {
      return this.columnValues('Serial Number');
    },
  };
}

/** Clicks `button` and returns the file it downloads and its text (without the BOM). */
export async function downloadText(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const text = await readFile(await download.path(), 'utf8');
  return { download, text: text.replace(/^\uFEFF/, '') };
}

/** Clicks Export CSV and returns the download and its text (without the BOM). */
export function exportCsv(page, list) {
  return downloadText(page, list.exportCsv);
}

/** Opens Unassigned Devices from the menu (selecting All Customers first)
 * and waits for its list. */
export async function goToUnassignedDevices(page) {
  await selectCustomer(page, 'All Customers');
  await menuLink(page, 'Unassigned Devices').click();
  const list = deviceList(page, 'Unassigned Devices');
  await list.loaded();
  return list;
}

/** Opens a customer's Devices > PCs from the menu and waits for its list. */
export async function goToCustomerPcs(page, customer) {
  await selectCustomer(page, customer);
  await menuLink(page, 'PCs').click();
  const list = deviceList(page, `PCs of ${customer}`);
  await list.loaded();
  return list;
}

/** The number of PCs in a device list (all of them, whatever the filters). */
export async function listTotal(list) {
  return parseCount(await expectText(list.count, /[\d,]+ PCs?\b/)).total;
}

/** Reads "Showing N of T PCs" (filtered) or "T PCs" as numbers. */
export function parseCount(text) {
  const n = (s) => Number(s.replaceAll(',', ''));
  const filtered = /Showing ([\d,]+) of ([\d,]+) PCs?/.exec(text);
  if (filtered) return { shown: n(filtered[1]), total: n(filtered[2]) };
  const all = /^([\d,]+) PCs?/.exec(text);
  return all ? { shown: n(all[1]), total: n(all[1]) } : null;
}

export const formatThousands = (n) => n.toLocaleString('en-US');
