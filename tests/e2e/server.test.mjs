// The portal's own server (WXP_E2E_BACKEND=server; skipped with the
// in-browser backend): a partner admin created by the operator signs in with
// a password, and the data outlives a restart of the server.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  SERVER_MODE, startApp, runServerCommand, serverOnly, assertNoPageErrors, expectCount, expectPath, expectText,
  expectVisible, eventually,
} from './harness.mjs';
import {
  ACCOUNTS, signInAs, mainMenu, pageHeading, stats, customersPicker, optionLabels, goToUnassignedDevices,
  goToCustomerPcs, createCustomer, newCustomer, formatThousands, ALPINE_UNASSIGNED,
} from './portal.mjs';
import {
  transferFiles, transferFromPage, notificationCenter, notificationSummary, headline, successRows, goToTransfers,
  expectListed, expectTotal,
} from './transfer.mjs';

const skip = serverOnly('it starts, stops and configures the portal\'s server');

let app;
let files;
before(async () => {
  if (!SERVER_MODE) return;
  // Each test has a server (and a database) of its own.
  app = await startApp({ freshDataPerTest: true });
  files = await transferFiles();
});
afterEach(() => app?.closePages());
after(async () => {
  await app?.close();
  await files?.remove();
});

/** The partner admin the operator creates, for Alpine IT Solutions (a
 * partner of the demo data). */
const ADA = {
  email: 'ada@alpine-it.example', name: 'Ada Lovelace', partner: 'PRT-ALPINE', password: 'analytical-engine-1843',
};

/** The e-mail and password form of the sign-in page. */
function passwordForm(page) {
  const form = page.getByRole('form', { name: 'Sign in with your e-mail address' });
  return {
    form,
    email: form.getByRole('textbox', { name: 'E-mail', exact: true }),
    password: form.getByLabel('Password', { exact: true }),
    submit: form.getByRole('button', { name: 'Sign in', exact: true }),
    refusal: form.getByRole('alert'),
    /** Fills both fields and clicks Sign in. */
    async signIn(email, password) {
      await this.email.fill(email);
      await this.password.fill(password);
      await this.submit.click();
    },
  };
}

/** What GET /api/v1/session answers to a request carrying these cookies. */
async function sessionStatus(url, cookies) {
  const response = await fetch(new URL('/api/v1/session', url), {
    headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') },
  });
  return response.status;
}

test('a partner admin created with create-admin signs in with e-mail and password; a wrong password is refused; Sign out ends the session', { skip }, async () => {
  // The server seeded its database (demo mode) when it started; the
  // operator adds an admin to it while it runs.
  const server = await app.server();
  const created = await runServerCommand(
    ['create-admin', '--email', ADA.email, '--name', ADA.name, '--partner', ADA.partner],
    { databaseUrl: server.databaseUrl, env: { WXP_ADMIN_PASSWORD: ADA.password } },
  );
  assert.equal(created.code, 0, `create-admin failed: ${created.stderr}`);
  assert.match(created.stdout, /^Created Ada Lovelace \(ada@alpine-it\.example\), partner admin of PRT-ALPINE\./);

  const page = await app.newPage();
  await page.goto('/sign-in');
  const form = passwordForm(page);
  await expectVisible(form.form);

  // A wrong password: refused, on the sign-in page, signed out.
  await form.signIn(ADA.email, 'analytical-engine-1842');
  await expectText(form.refusal, 'The e-mail address or password is wrong.');
  await expectPath(page, '/sign-in');
  await expectCount(mainMenu(page), 0);
  assert.ok(page.refusals.some((r) => r.startsWith('POST /api/v1/session: 401')), `refusals: ${page.refusals}`);

  // The right one: Alpine's portal, as Ada.
  await form.password.fill(ADA.password);
  await form.submit.click();
  await expectVisible(mainMenu(page));
  await expectPath(page, '/all');
  await expectVisible(pageHeading(page, 'Home'));
  await expectVisible(page.getByText(ADA.name, { exact: true }));
  await expectVisible(page.getByText('Partner Admin · Alpine IT Solutions'));
  assert.equal((await stats(page))['Unassigned PCs'], formatThousands(ALPINE_UNASSIGNED));
  const cookies = await page.context().cookies();
  assert.ok(cookies.length > 0, 'signed in with a session cookie');
  assert.equal(await sessionStatus(server.url, cookies), 200, 'the session cookie is good before signing out');

  // Sign out: the sign-in page, also after a reload, and the portal's pages
  // lead back to it.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expectPath(page, '/sign-in');
  await page.reload();
  await expectVisible(passwordForm(page).form);
  await expectPath(page, '/sign-in');
  await expectCount(mainMenu(page), 0);
  await page.goto('/all');
  await expectPath(page, '/sign-in?next=/all');
  await expectVisible(passwordForm(page).form);
  // The server ended the session: the old cookie no longer signs anyone in.
  assert.equal(await sessionStatus(server.url, cookies), 401, 'the session cookie of before Sign out is refused');
  assertNoPageErrors(page);
});

test('stopping and starting the server keeps a new customer, a transfer and its notification', { skip }, async () => {
  const page = await app.newPage({ transferDelayMs: 300 });
  await signInAs(page, ACCOUNTS.alpine);
  const customer = newCustomer('Orion Werkstätten');
  const { id } = await createCustomer(page, customer);
  const serials = (await (await goToUnassignedDevices(page)).serials()).slice(0, 2);
  const job = await transferFromPage(page, files, { name: 'before-restart.csv', serials, customerId: id });
  const done = headline(job, { pcs: 2, to: customer.name });
  const center = notificationCenter(page);
  await center.expectUnread(1);
  await (await goToTransfers(page)).completed(job);
  assertNoPageErrors(page);

  // Stop the server (by its process id) and start it over the same database.
  const before = await app.server({ transferDelayMs: 300 });
  const restarted = await app.restartServer({ transferDelayMs: 300 });
  assert.notEqual(restarted.pid, before.pid);
  assert.throws(() => process.kill(before.pid, 0), { code: 'ESRCH' }, 'the first server has stopped');
  assert.equal(restarted.databaseUrl, before.databaseUrl);
  assert.doesNotMatch(restarted.log(), /seeding/, 'a restart does not seed the database again');

  // A new browser: signed out; the data is still there.
  const again = await app.newPage({ transferDelayMs: 300 });
  await signInAs(again, ACCOUNTS.alpine);
  await eventually(() => optionLabels(customersPicker(again)), (labels) => labels.includes(customer.name), {
    what: `${customer.name} in the Customers drop-down`,
  });
  const transfers = await goToTransfers(again);
  const record = await transfers.completed(job);
  assert.deepEqual([record.From, record.To, record.PCs, record.Transferred, record.Failed],
    ['Unassigned Devices', customer.name, '2', '2', '0']);
  await expectCount(transfers.rows, 1);

  const bell = notificationCenter(again);
  await bell.expectUnread(1);
  const summary = await notificationSummary(again, done);
  assert.deepEqual(summary.rows, successRows(serials, id));
  await bell.expectUnread(0);

  const pcs = await goToCustomerPcs(again, customer.name);
  await expectTotal(pcs, 2);
  await expectListed(pcs, serials);
  await expectTotal(await goToUnassignedDevices(again), ALPINE_UNASSIGNED - 2);
  assertNoPageErrors(again);
});

test('the server going down: the top bar says live updates are paused, a page that cannot load says so plainly, and both clear when it is back', { skip }, async () => {
  const page = await app.newPage();
  // The other language's messages come in the background with the pages'
  // (src/i18n/catalogues.rs): once here, a switch needs no server.
  const italian = page.waitForResponse(/\/locales\/it\/transfer\.ftl$/);
  await signInAs(page, ACCOUNTS.alpine);
  await expectVisible(pageHeading(page, 'Home'));
  await italian;
  const paused = page.getByRole('banner').getByRole('status').filter({ hasText: 'Live updates paused' });
  await expectCount(paused, 0);

  const resume = await app.takeServerDown();
  await expectVisible(paused);
  await mainMenu(page).getByRole('link', { name: 'Transfers', exact: true }).click();
  const panel = page.getByRole('alert').filter({ hasText: 'This page cannot be shown' });
  await expectText(panel.getByRole('listitem'),
    'The portal\'s server cannot be reached. Check your connection: the page tries again by itself and updates once the server is back.');
  assert.ok(!(await page.evaluate(() => document.body.innerText)).includes('TypeError'), 'no browser jargon');

  // In Italian too.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('it');
  await expectText(page.getByRole('banner').getByRole('status'), 'Aggiornamenti in tempo reale sospesi');
  await expectText(page.getByRole('alert').getByRole('listitem'),
    'Impossibile raggiungere il server del portale. Controlla la connessione: la pagina riprova da sola e si aggiorna appena il server torna disponibile.');
  await page.getByRole('combobox', { name: 'Lingua' }).selectOption('en');

  await resume();
  // Back: the stream reconnects, the status goes, the page loads by itself.
  await expectCount(paused, 0, { timeout: 20_000 });
  await expectVisible(page.getByRole('main').getByText(/^No transfers yet\./));
  await expectCount(panel, 0);
  await expectVisible(mainMenu(page));
  // The only errors: the requests the browser could not make while it was
  // down (Chromium names a socket it had opened as the server went
  // ERR_SOCKET_NOT_CONNECTED or ERR_CONNECTION_RESET).
  const unreachable = /ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_SOCKET_NOT_CONNECTED|ERR_EMPTY_RESPONSE|Failed to fetch/;
  assert.deepEqual(page.errors.filter((e) => !unreachable.test(e)), []);
});
