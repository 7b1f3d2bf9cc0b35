// Messages to the service worker from the extension's pages (view, options): the reply is
// { ok, value } or { ok: false, error }, turned here into a value or a thrown Error.
export async function send(msg) {
  const res = await chrome.runtime.sendMessage(msg);
  if (!res?.ok) throw new Error(res?.error ?? 'no answer from Lectern');
  return res.value;
}
