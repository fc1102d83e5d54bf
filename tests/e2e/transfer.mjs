// What the end-to-end tests know about transfers: transfer files written at
// test time, the Transfer Devices dialog, the Notification Center and the
// Transfers page, found by role and label.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { before, after, afterEach } from 'node:test';
import { startApp, expectCount, expectEnabled, expectText, expectVisible, eventually } from './harness.mjs';
import {
  ACCOUNTS, signInAs, selectCustomer, menuLink, pageHeading, downloadText, parseCount, formatThousands,
} from './portal.mjs';

/** The sample transfer file's header, and every transfer file's columns. */
export const TRANSFER_HEADER = ['Serial Number', 'Customer ID'];
/** The Summary's columns. */
export const SUMMARY_HEADER = ['Serial Number', 'Customer ID', 'State', 'State Description'];
/** The State Description of a PC that moved. */
export const SUCCESS = 'Asset successfully created';

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "1 PC", "3 PCs", "1,197 PCs", as the portal counts PCs. */
export const pcsText = (n) => `${formatThousands(n)} PC${n === 1 ? '' : 's'}`;

/** A fresh page whose transfers show as running for `durationMs` before
 * they run (see `startApp`), signed in as Alpine's partner admin. */
export async function partnerPage(app, { durationMs = 300 } = {}) {
  const page = await app.newPage({ transferDelayMs: durationMs });
  await signInAs(page, ACCOUNTS.alpine);
  return page;
}

// ----- Transfer files -----------------------------------------------------

/** Registers a test file's hooks: the app and a directory of transfer
 * files are started before its tests (and handed to `use`), pages closed
 * after each test, both removed after the last. Every test starts with the
 * demo data's seed (its transfers and notifications are counted from none). */
export function withAppAndFiles(use) {
  let started;
  before(async () => {
    started = { app: await startApp({ freshDataPerTest: true }), files: await transferFiles() };
    use(started);
  });
  afterEach(() => started.app.closePages());
  after(async () => {
    await started.app.close();
    await started.files.remove();
  });
}

/** A temporary directory for one test file's transfer files. */
export async function transferFiles() {
  const dir = await mkdtemp(join(tmpdir(), 'wxp-transfer-'));
  return {
    dir,
    /** Writes `contents` (text or bytes) as `name`; returns its path. */
    async write(name, contents) {
      const path = join(dir, name);
      await writeFile(path, contents);
      return path;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The text of a CSV transfer file: a header row (none if `header` is null)
 * and one row per `[serial, customerId]`, CRLF-terminated as Excel saves. */
export function transferCsv(rows, { header = TRANSFER_HEADER, delimiter = ',', bom = false } = {}) {
  const lines = [...(header ? [header] : []), ...rows].map((cells) => cells.join(delimiter));
  return `${bom ? '\uFEFF' : ''}${lines.map((l) => `${l}\r\n`).join('')}`;
}

/** The rows of one serial number each, all to `customerId`. */
export const rowsTo = (customerId, serials) => serials.map((serial) => [serial, customerId]);

/** Parses CSV text (quoted fields, "" escapes, CRLF or LF) into rows of cells. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

/** Clicks `button` and returns the downloaded CSV's file name, header row and rows. */
export async function downloadCsv(page, button) {
  const { download, text } = await downloadText(page, button);
  const [header, ...rows] = parseCsv(text);
  return { name: download.suggestedFilename(), header, rows };
}

// ----- The Transfer Devices dialog ----------------------------------------

/** The Transfer button of the page and its Transfer Devices dialog. */
export function transferDialog(page) {
  const dialog = page.getByRole('dialog', { name: 'Transfer Devices' });
  const review = dialog.getByRole('region', { name: 'File check' });
  const openButton = page.getByRole('button', { name: 'Transfer', exact: true });
  const possession = dialog.getByRole('checkbox', {
    name: 'The customer has these devices in their physical possession', exact: true,
  });
  const upload = dialog.getByRole('button', { name: 'Upload', exact: true });
  const problemsTable = review.getByRole('table', { name: 'Rows with problems' });
  return {
    dialog,
    review,
    openButton,
    possession,
    upload,
    problemsTable,
    sampleButton: dialog.getByRole('button', { name: 'Download sample transfer file' }),
    fileInput: dialog.getByLabel('Transfer file', { exact: true }),
    leaveOut: review.getByRole('checkbox', { name: /^Leave out the / }),
    downloadProblems: review.getByRole('button', { name: 'Download rows with problems' }),
    /** "Target customer: Contoso Ltd (CUS-…)". */
    target: review.getByText(/^Target customer:/),
    /** "3 PCs will be transferred." */
    willMove: review.getByText(/ will be transferred\.$/),
    /** The list of problems that block the whole file. */
    fileProblems: review.getByRole('alert').filter({ hasText: 'Nothing can be transferred with this file' })
      .getByRole('listitem'),
    /** "5 rows have problems. …" */
    problemsNotice: review.getByRole('alert').filter({ hasText: /^(1 row has a problem|[\d,]+ rows have problems)/ }),
    /** The status line under the Transfer button once a job is queued… */
    inProgress: page.getByRole('status').filter({ hasText: /^Transfer \d+ is in progress/ }),
    /** …and once it has finished. */
    done: page.getByRole('status').filter({ hasText: /^Transfer \d+ is done/ }),

    /** Clicks Transfer and waits for the dialog. */
    async open() {
      await openButton.click();
      await expectVisible(dialog);
    },
    /** Chooses a file (its name must be new in this dialog) and waits until
     * it is reviewed; returns the line saying how it was read. */
    async choose(path) {
      const name = basename(path);
      await this.fileInput.setInputFiles(path);
      const readAs = review.getByText(new RegExp(`^${escape(name)}: `));
      const refused = this.refusal(name);
      await expectVisible(readAs.or(refused));
      return (await readAs.count()) ? expectText(readAs, /read\.$/) : null;
    },
    /** The alert saying why file `name` cannot be used at all. */
    refusal(name) {
      return dialog.getByRole('alert').filter({ hasText: `${name} cannot be used.` });
    },
    /** The table of rows with problems as { line, serial, customer, problem }. */
    async problemRows() {
      const rows = problemsTable.getByRole('row').filter({ has: page.getByRole('cell') });
      const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
      return cells.map(([line, serial, customer, problem]) => ({ line: Number(line), serial, customer, problem }));
    },
    /** Ticks the possession box, clicks Upload and waits for the dialog to
     * close; returns the job number from the in-progress status. */
    async submit() {
      await possession.check();
      await expectEnabled(upload);
      await upload.click();
      await expectCount(dialog, 0);
      return this.jobNumber();
    },
    /** The number of the transfer the in-progress status names. */
    async jobNumber() {
      const text = await expectText(this.inProgress, /^Transfer \d+ is in progress/);
      return Number(/^Transfer (\d+)/.exec(text)[1]);
    },
  };
}

/** Checks that Upload is disabled and nothing offers to transfer. */
export async function expectNoUpload(transfer) {
  await expectEnabled(transfer.upload, false);
  await expectCount(transfer.possession, 0);
  await expectCount(transfer.willMove, 0);
}

/** From the device list on screen: writes a file of `serials` to
 * `customerId`, uploads it and returns the transfer's number. */
export async function transferFromPage(page, files, { name, serials, customerId }) {
  const transfer = transferDialog(page);
  await transfer.open();
  await transfer.choose(await files.write(name, transferCsv(rowsTo(customerId, serials))));
  await expectText(transfer.willMove, `${pcsText(serials.length)} will be transferred.`);
  return transfer.submit();
}

// ----- The Notification Center --------------------------------------------

/** The bell's accessible name with `n` unread notifications. */
export function bellName(n) {
  if (n === 0) return 'Notification Center, no unread notifications';
  return `Notification Center, ${n} unread notification${n === 1 ? '' : 's'}`;
}

/** The bell in the top bar and its Notifications panel. */
export function notificationCenter(page) {
  const bell = page.getByRole('button', { name: /^Notification Center,/ });
  const panel = page.getByRole('region', { name: 'Notifications' });
  return {
    bell,
    panel,
    items: panel.getByRole('listitem'),
    /** Waits until the bell says `n` unread, and its red mark shows `n` (none for 0). */
    async expectUnread(n, options) {
      await expectText(bell.and(page.getByRole('button', { name: bellName(n), exact: true })), n ? String(n) : '', options);
    },
    /** Opens the panel (if closed). */
    async open() {
      if ((await bell.getAttribute('aria-expanded')) !== 'true') await bell.click();
      await expectVisible(panel);
    },
    /** The notification whose headline matches: "Transfer 1: 3 PCs to …". */
    item(headline) {
      return panel.getByRole('listitem').filter({ hasText: headline });
    },
    /** Opens (expands) a notification; returns it. */
    async openItem(headline) {
      const item = this.item(headline);
      await item.getByText(headline).click();
      await expectVisible(item.getByRole('button', { name: 'Download Summary' }));
      return item;
    },
  };
}

/** A transfer notification's headline: "Transfer 1: 3 PCs to Contoso Ltd: 3 transferred, 0 failed". */
export function headline(job, { pcs, to, transferred = pcs }) {
  return `Transfer ${job}: ${pcsText(pcs)} to ${to}: ${transferred} transferred, ${pcs - transferred} failed`;
}

/** Opens the Notification Center, expands the notification with this
 * headline (which marks it read) and downloads its Summary. */
export async function notificationSummary(page, headlineText) {
  const center = notificationCenter(page);
  await center.open();
  const item = await center.openItem(headlineText);
  return downloadCsv(page, item.getByRole('button', { name: 'Download Summary', exact: true }));
}

/** The Summary rows of PCs that all moved to `customerId`. */
export const successRows = (serials, customerId) => serials.map((serial) => [serial, customerId, 'Success', SUCCESS]);

// ----- All Customers > Transfers ------------------------------------------

/** Opens All Customers > Transfers from the menu. */
export async function goToTransfers(page) {
  await selectCustomer(page, 'All Customers');
  await menuLink(page, 'Transfers').click();
  await expectVisible(pageHeading(page, 'Transfers'));
  return transfersTable(page);
}

/** The Transfers table. */
export function transfersTable(page) {
  const table = page.getByRole('table', { name: 'Transfers' });
  const rows = table.getByRole('row').filter({ has: page.getByRole('cell') });
  return {
    table,
    rows,
    /** The row of transfer `job`. */
    row: (job) => rows.filter({ has: page.getByRole('rowheader', { name: String(job), exact: true }) }),
    /** The Download Summary button of transfer `job`. */
    downloadSummary: (job) => table.getByRole('button', { name: `Download Summary of transfer ${job}`, exact: true }),
    /** The rows as objects keyed by column title, newest first. */
    async records() {
      await expectVisible(table);
      const titles = (await table.getByRole('columnheader').allTextContents()).map((t) => t.trim());
      const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
      return cells.map((row) => Object.fromEntries(titles.map((title, i) => [title, row[i]])));
    },
    /** Waits until transfer `job` is Completed; returns its record. */
    async completed(job, options) {
      return eventually(
        async () => (await this.records()).find((r) => r.Transfer === String(job)),
        (record) => record?.State === 'Completed',
        { what: `transfer ${job} Completed`, ...options },
      );
    },
  };
}

// ----- Device lists during transfers -------------------------------------

/** Waits until a device list counts `total` PCs (filters off); returns it. */
export async function expectTotal(list, total, options) {
  const text = await eventually(
    () => list.count.textContent({ timeout: 1_000 }),
    (t) => parseCount(t ?? '')?.total === total,
    { what: `${total} PCs in ${list.table}`, ...options },
  );
  return parseCount(text).total;
}

/** Searches a device list for each serial and checks it is (or is not)
 * there; clears the search afterwards. */
export async function expectListed(list, serials, listed = true) {
  for (const serial of serials) {
    await list.search.fill(serial);
    await expectText(list.count, new RegExp(`^Showing ${listed ? 1 : 0} of `));
    await expectCount(list.serialCell(serial), listed ? 1 : 0);
  }
  await list.search.fill('');
}
