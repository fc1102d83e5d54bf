// The portal in Italian: the browser's language on a first visit, the
// Language drop-down remembered across reloads, and HP's transfer procedure
// followed end to end with the Italian labels (the Italian article's words:
// Dispositivi non assegnati, ID cliente, Centro notifiche, …).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  signIn, assertNoPageErrors, expectAttribute, expectCount, expectEnabled, expectText, expectVisible,
} from './harness.mjs';
import { accountButtonName, ALPINE_UNASSIGNED, CUSTOMER_ID, expectSelectedOption } from './portal.mjs';
import {
  SUMMARY_HEADER, TRANSFER_HEADER, withAppAndFiles, transferCsv, downloadCsv, successRows,
} from './transfer.mjs';

let app;
let files;
withAppAndFiles((started) => ({ app, files } = started));

const ITALIAN = { locale: 'it-IT' };
const ALPINE = { role: 'Amministratore partner', organisation: 'Alpine IT Solutions' };

/** `n` as the page's browser formats it in `locale` (1.200 or 1200: CLDR's
 * rules for Italian, which the portal follows through Intl). */
const localeNumber = (page, n, locale = 'it') => page.evaluate(([n, l]) => n.toLocaleString(l), [n, locale]);

test('a first visit follows the browser\'s language; the Language drop-down switches at once and is remembered', async () => {
  const italian = await app.newPage(ITALIAN);
  await italian.goto('/sign-in');
  await expectVisible(italian.getByRole('heading', { name: 'Accedi con un account demo' }));
  await expectAttribute(italian.locator('html'), 'lang', 'it');
  await expectSelectedOption(italian.getByRole('combobox', { name: 'Lingua' }), 'Italiano');

  const english = await app.newPage();
  await english.goto('/sign-in');
  await expectVisible(english.getByRole('heading', { name: 'Sign in with a demo account' }));
  await english.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Italiano' });
  await expectVisible(english.getByRole('heading', { name: 'Accedi con un account demo' }));
  await expectAttribute(english.locator('html'), 'lang', 'it');
  await english.reload();
  await expectVisible(english.getByRole('heading', { name: 'Accedi con un account demo' }));

  // Signed in, the switch is in the top bar and translates the menu.
  await signIn(english, accountButtonName(ALPINE));
  const menu = english.getByRole('navigation', { name: 'Menu principale' });
  await expectVisible(menu.getByRole('link', { name: 'Dispositivi non assegnati' }));
  await english.getByRole('combobox', { name: 'Lingua' }).selectOption({ label: 'English' });
  await expectVisible(english.getByRole('navigation', { name: 'Main menu' })
    .getByRole('link', { name: 'Unassigned Devices' }));
  assertNoPageErrors(italian);
  assertNoPageErrors(english);
});

test('when Italian cannot be fetched, the Language drop-down says so and stays in English; choosing again works', async () => {
  const page = await app.newPage();
  let cutOff = true;
  await page.route(/\/locales\/it\//, (route) => (cutOff ? route.abort('connectionfailed') : route.continue()));
  await page.goto('/sign-in');
  const language = page.getByRole('combobox', { name: 'Language' });
  await language.selectOption({ label: 'Italiano' });
  await expectText(page.getByRole('alert'), /Italiano could not be loaded from the server/);
  await expectSelectedOption(language, 'English');
  await expectVisible(page.getByRole('heading', { name: 'Sign in with a demo account' }));

  cutOff = false;
  await language.selectOption({ label: 'Italiano' });
  await expectVisible(page.getByRole('heading', { name: 'Accedi con un account demo' }));
  await expectCount(page.getByRole('alert'), 0);
  assert.doesNotMatch(await page.locator('body').innerText(), /Unknown localization/);
});

test('the whole transfer procedure in Italian: ID cliente, Trasferisci, the file check, Carica, Centro notifiche, Riepilogo', async () => {
  const page = await app.newPage({ ...ITALIAN, transferDelayMs: 1_500 });
  await signIn(page, accountButtonName(ALPINE));
  const menu = page.getByRole('navigation', { name: 'Menu principale' });
  const customers = page.getByRole('combobox', { name: 'Clienti' });
  const link = (name) => menu.getByRole('link', { name, exact: true });

  // A. Clienti > Contoso Ltd > Account > Panoramica: the ID cliente.
  await customers.selectOption({ label: 'Contoso Ltd' });
  await link('Account').click();
  await expectVisible(page.getByRole('tab', { name: 'Panoramica', selected: true }));
  const contosoId = await expectText(page.getByLabel('ID cliente', { exact: true }), CUSTOMER_ID);

  // B1. Tutti i clienti > Dispositivi non assegnati, with its count in Italian.
  await customers.selectOption({ label: 'Tutti i clienti' });
  await link('Dispositivi non assegnati').click();
  const table = page.getByRole('table', { name: 'Dispositivi non assegnati' });
  await expectVisible(table.getByRole('row').nth(1));
  const count = page.getByRole('status').filter({ hasText: / PC$/ });
  await expectText(count, `${await localeNumber(page, ALPINE_UNASSIGNED)} PC`);
  const serialColumn = await table.getByRole('columnheader')
    .evaluateAll((ths) => ths.findIndex((th) => th.textContent.includes('Numero di serie')));
  assert.ok(serialColumn > 0, 'the list has a Numero di serie column');
  const serials = (await table.getByRole('row').filter({ has: page.getByRole('cell') })
    .evaluateAll((trs, i) => trs.map((tr) => tr.cells[i].textContent.trim()), serialColumn)).slice(0, 3);
  assert.equal(serials.length, 3);

  // C. Trasferisci, the sample file (its columns stay in English: the
  // backend reads them), then a file as Excel saves it in Italian: semicolons
  // and an Italian header, with one PC that is not in the account.
  await page.getByRole('button', { name: 'Trasferisci', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Trasferimento dispositivi' });
  await expectVisible(dialog);
  const sample = await downloadCsv(page, dialog.getByRole('button', { name: 'Scarica il file di esempio' }));
  assert.deepEqual(sample.header, TRANSFER_HEADER);

  const unknown = 'ZZ9ZZ9ZZ9Z';
  const rows = [...serials, unknown].map((serial) => [serial, contosoId]);
  const file = await files.write('trasferimento.csv',
    transferCsv(rows, { header: ['Numero di serie', 'ID cliente'], delimiter: ';' }));
  await dialog.getByLabel('File di trasferimento', { exact: true }).setInputFiles(file);
  const review = dialog.getByRole('region', { name: 'Controllo del file' });
  await expectText(review.getByText(/^trasferimento\.csv: /),
    'trasferimento.csv: CSV, UTF-8, separato da punto e virgola; riga di intestazione ignorata; 4 righe lette.');
  await expectText(review.getByText(/^Cliente di destinazione:/), `Cliente di destinazione: Contoso Ltd (${contosoId})`);
  const problems = review.getByRole('table', { name: 'Righe con problemi' });
  const problemRow = problems.getByRole('row').filter({ hasText: unknown });
  assert.deepEqual((await problemRow.getByRole('cell').allTextContents()).map((t) => t.trim()), [
    '5', unknown, contosoId,
    'Dispositivo non trovato: questo PC non è nel tuo account. Se ti è stato rivenduto, crea una richiesta di supporto con il suo numero di serie.',
  ]);
  const upload = dialog.getByRole('button', { name: 'Carica', exact: true });
  await expectEnabled(upload, false);
  await review.getByRole('checkbox', { name: 'Escludi la riga con problemi e trasferisci i PC restanti (3)' }).check();
  await expectText(review.getByText(/ PC\.$/), 'Verranno trasferiti 3 PC.');
  await dialog.getByRole('checkbox', { name: 'I dispositivi sono fisicamente in possesso del cliente' }).check();
  await expectEnabled(upload);
  await upload.click();
  await expectCount(dialog, 0);

  const inProgress = page.getByRole('status').filter({ hasText: /^Il trasferimento \d+ è in corso/ });
  const status = await expectText(inProgress, new RegExp(
    '^Il trasferimento \\d+ è in corso: 3 PC da Dispositivi non assegnati a Contoso Ltd\\. '
    + 'Al termine, sul Centro notifiche \\(la campanella in alto a destra\\) comparirà un segno rosso\\.$',
  ));
  const job = Number(/^Il trasferimento (\d+)/.exec(status)[1]);

  // The red mark on the Centro notifiche, and the Riepilogo.
  const bell = page.getByRole('button', { name: 'Centro notifiche, 1 notifica non letta', exact: true });
  await expectText(bell, '1');
  await bell.click();
  const panel = page.getByRole('region', { name: 'Notifiche' });
  const headline = `Trasferimento ${job}: 3 PC a Contoso Ltd: 3 trasferiti, 0 non riusciti`;
  const item = panel.getByRole('listitem').filter({ hasText: headline });
  await item.getByText(headline).click();
  const summary = await downloadCsv(page, item.getByRole('button', { name: 'Scarica il riepilogo', exact: true }));
  assert.deepEqual(summary.header, SUMMARY_HEADER);
  assert.deepEqual(summary.rows, successRows(serials, contosoId));
  await expectVisible(page.getByRole('button', { name: 'Centro notifiche, nessuna notifica non letta', exact: true }));
  await expectText(page.getByRole('status').filter({ hasText: /^Il trasferimento \d+ è terminato/ }),
    `Il trasferimento ${job} è terminato: 3 PC da Dispositivi non assegnati a Contoso Ltd. `
    + 'Il riepilogo è nel Centro notifiche (la campanella in alto a destra).');

  // The PCs left Dispositivi non assegnati and are in Contoso's PCs.
  await expectText(count, `${await localeNumber(page, ALPINE_UNASSIGNED - 3)} PC`);
  await customers.selectOption({ label: 'Contoso Ltd' });
  await link('PC').click();
  const contoso = page.getByRole('table', { name: 'PC di Contoso Ltd' });
  await expectVisible(contoso.getByRole('row').nth(1));
  for (const serial of serials) {
    await page.getByRole('searchbox', { name: 'Cerca' }).fill(serial);
    await expectText(page.getByRole('status').filter({ hasText: /^Visualizzati / }), /^Visualizzati 1 di /);
    await expectVisible(contoso.getByRole('cell', { name: serial, exact: true }));
  }
  assertNoPageErrors(page);
});

test('what the backend refuses is said in Italian too: a wrong address, another tenant\'s Customer ID', async () => {
  const page = await app.newPage(ITALIAN);
  await signIn(page, accountButtonName(ALPINE));
  await expectVisible(page.getByRole('navigation', { name: 'Menu principale' }));
  const panel = page.getByRole('alert').filter({ hasText: 'Impossibile mostrare questa pagina' });
  await page.goto('/customers/NOPE');
  await expectText(panel.getByRole('listitem'),
    'L\'indirizzo di questa pagina è errato: "NOPE" non è un ID cliente '
    + '(un ID cliente ha la forma CUS-1A2B3C4D; copialo da Account > Panoramica)');
  await page.goto('/customers/CUS-00000000');
  await expectText(panel.getByRole('listitem'), 'Nel tuo account non c\'è nessun cliente CUS-00000000');
  assertNoPageErrors(page);
});
