// Starts the in-browser backend's worker (crates/engine-worker). Its URL
// is fixed, so that every tab of the portal reaches the same SharedWorker.
// What arrives while the wasm loads is kept for it: the ports of tabs that
// connect (shared), or the messages (dedicated). If it cannot start, every
// tab is told why instead of waiting forever.
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
try {
  importScripts('./engine-worker.js');
  wasm_bindgen('./engine-worker_bg.wasm').catch(failed);
} catch (error) {
  failed(error);
}
