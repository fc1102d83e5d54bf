// Starts the in-browser backend's worker (crates/engine-worker). Its URL
// is fixed, so that every tab of the portal reaches the same SharedWorker.
// What arrives while the wasm loads is kept for it: the ports of tabs that
// connect (shared), or the messages (dedicated). If it cannot start, every
// tab is told why instead of waiting forever. Where the browser has no
// SharedWorker, each tab runs it as a dedicated worker, and Web Locks let
// only one of them run the engine at a time.
const shared = typeof SharedWorkerGlobalScope !== 'undefined' && self instanceof SharedWorkerGlobalScope;
self.wxpEarlyPorts = [];
self.wxpEarlyMessages = [];
if (shared) {
  self.onconnect = (event) => self.wxpEarlyPorts.push(event.ports[0]);
} else {
  self.onmessage = (event) => self.wxpEarlyMessages.push(event.data);
}
const failed = (error) => {
  const message = { kind: 'failed', id: 0, status: 0, body: String((error && error.message) || error) };
  if (shared) {
    for (const port of self.wxpEarlyPorts) port.postMessage(message);
    self.onconnect = (event) => event.ports[0].postMessage(message);
  } else {
    self.postMessage(message);
  }
};
const start = () => {
  try {
    importScripts('./engine-worker.js');
    wasm_bindgen('./engine-worker_bg.wasm').catch(failed);
  } catch (error) {
    failed(error);
  }
};
// Held as long as this worker lives: the lock goes when its tab closes.
const forever = () => new Promise(() => {});
const LOCK = 'wxp-portal-engine';
if (shared) {
  start();
} else if (self.navigator && self.navigator.locks) {
  // Without SharedWorker each tab has its own engine over the same stored
  // data: one at a time holds the lock and writes; the others wait (their
  // tab says why) and start, with what the first one wrote, once it closes.
  self.navigator.locks.request(LOCK, { ifAvailable: true }, (lock) => {
    if (lock) {
      start();
      return forever();
    }
    self.postMessage({ kind: 'waiting', id: 0, status: 0, body: '' });
    self.navigator.locks.request(LOCK, () => {
      start();
      return forever();
    });
    return undefined;
  });
} else {
  // Neither SharedWorker nor Web Locks: one tab, as before.
  start();
}
