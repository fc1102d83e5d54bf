// The two backends the browser benchmarks compare, both with the large demo
// (100,000 PCs in Alpine's Unassigned Devices): the release server (demo
// mode over a fresh SQLite file, serving dist/, on 127.0.0.1, stopped by its
// process id) and the in-browser backend; and Alpine's admin signed in on
// either.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { DIST } from '../harness.mjs';

const SERVER = process.env.WXP_SERVER_BIN ?? resolve(import.meta.dirname, '../../../target/release/wxp-server');

/** Starts it; answers `{ name: 'server', url, stop }`. */
export async function startReleaseServer() {
  const dir = mkdtempSync(join(tmpdir(), 'wxp-bench-server-'));
  const child = spawn(SERVER, ['--demo', '--app', DIST], {
    env: { ...process.env, PORT: '0', WXP_DATABASE_URL: `sqlite://${dir}/bench.db`, WXP_ALERT_INTERVAL_MS: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((ok, fail) => {
    child.on('exit', (code) => fail(new Error(`the server exited (${code})`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = line.match(/^WXP partner portal: (http:\/\/\S+)/);
      if (m) ok(m[1]);
    });
  });
  const reset = await fetch(`${url}/api/v1/demo/reset`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seed: 2026, size: 'Large' }),
  });
  if (!reset.ok) throw new Error(`reset: ${reset.status}`);
  return { name: 'server', url, stop: () => { child.kill('SIGKILL'); rmSync(dir, { recursive: true, force: true }); } };
}

/** The in-browser backend's stored state for the large demo, as an older
 * version kept it in local storage (its worker takes it over). */
export const LARGE_STATE = JSON.stringify({ schema: 1, config: { seed: 2026, size: 'Large' }, events: [] });

/** Signs Alpine's admin in for the pages `context` opens next: on the
 * server through the demo sign-in, in the browser by the stored state. */
export async function signInAlpine(context, backend) {
  if (backend.name === 'in-browser') {
    await context.addInitScript((state) => {
      if (!sessionStorage.getItem('bench-seeded')) {
        localStorage.setItem('wxp-portal/mock-state', state);
        localStorage.setItem('wxp-portal/session', 'u-alpine-admin');
        sessionStorage.setItem('bench-seeded', '1');
      }
    }, LARGE_STATE);
  } else {
    const r = await context.request.post('/api/v1/demo/session', { data: { user: 'u-alpine-admin' } });
    if (!r.ok()) throw new Error(`sign-in: ${r.status()}`);
  }
}
