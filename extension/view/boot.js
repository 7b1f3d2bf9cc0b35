// The reading view's first steps: the wasm module starts compiling and the page is asked for
// while the rest of the view loads. An async module at the top of view.html, so it runs as soon as
// it has arrived, without holding up the parser; view.js imports what it started (a module runs
// once per document, whichever asks first).

// A mark for bench/time-to-view.mjs (see the service worker).
performance.mark('lectern:boot');
export const nonce = location.hash.slice(1);

// How long to wait for the content script's direct answer before view.js asks the service
// worker instead: the answer takes a few milliseconds, but a page whose own scripts swallow
// every message event (they run before the content script's listener) keeps it away for good.
const DIRECT_ANSWER_MS = 1000;

// The page this view was opened on, straight from the content script that opened it (see its
// 'message' listener): asked of the window this frame is in, taken only with this view's nonce,
// which the page never sees. Null if it does not come in time.
export const page = new Promise((resolve) => {
  const onMessage = (e) => {
    if (e.data?.type !== 'lectern:page' || e.data.nonce !== nonce) return;
    done({ snapshot: e.data.snapshot, url: e.data.url });
  };
  const timer = setTimeout(() => done(null), DIRECT_ANSWER_MS);
  function done(value) {
    removeEventListener('message', onMessage);
    clearTimeout(timer);
    resolve(value);
  }
  addEventListener('message', onMessage);
  parent.postMessage({ type: 'lectern:want-page' }, '*');
});

// A failed compile is init()'s to report (view.js then loads the module itself).
export const wasm = WebAssembly.compileStreaming(fetch('../pkg/lectern_bg.wasm')).catch(() => undefined);
