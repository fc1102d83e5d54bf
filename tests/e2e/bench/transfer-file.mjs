// The benchmarks' 100,000-row transfer file: every PC of Unassigned Devices,
// exported from the list as a user would, addressed to Contoso Ltd.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** On the Unassigned Devices page: exports the list, copies Contoso's
 * Customer ID from the Customers page, and writes the transfer file.
 * Leaves the page on Customers. */
export async function allUnassignedToContoso(page) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const exported = readFileSync(await (await download).path(), 'utf8');
  await page.getByRole('link', { name: 'Customers' }).click();
  const contoso = page.getByRole('row', { name: /Contoso Ltd/ });
  const id = (await contoso.getByRole('cell').first().textContent()).trim();
  const serials = exported.replace(/^\ufeff/, '').split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]);
  const path = join(mkdtempSync(join(tmpdir(), 'wxp-bench-')), 'all-unassigned.csv');
  writeFileSync(path, `Serial Number,Customer ID\r\n${serials.map((s) => `${s},${id}`).join('\r\n')}\r\n`);
  return { path, rows: serials.length };
}
