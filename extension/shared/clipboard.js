// Writes clean text to the clipboard as text/plain and text/html, or as plain text where the
// browser refuses rich content. A classic script, so that the content script (injected) and the
// reading view (a module page) share it: defines globalThis.lecternWriteClipboard(text, html).
globalThis.lecternWriteClipboard = async (text, html) => {
  try {
    await navigator.clipboard.write([new ClipboardItem({
      'text/plain': new Blob([text], { type: 'text/plain' }),
      'text/html': new Blob([html], { type: 'text/html' }),
    })]);
  } catch {
    await navigator.clipboard.writeText(text);
  }
};
