// The reading view's first step: its article is asked for as soon as this module arrives, while
// the rest of the view loads. An async module at the top of view.html, so it runs without
// holding up the parser; view.js imports what it started (a module runs once per document,
// whichever asks first).
import { send } from '../shared/messages.js';

// A mark for bench/time-to-view.mjs (see the service worker).
performance.mark('lectern:boot');
export const nonce = location.hash.slice(1);

// The reading view, made by the service worker from the page the content script handed it (the
// view runs no wasm of its own): taken only with this view's nonce, which the page never sees.
export const made = send({ type: 'lectern:take-view', nonce }).finally(() => performance.mark('lectern:page'));
made.catch(() => {});
