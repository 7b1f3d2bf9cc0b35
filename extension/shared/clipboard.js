// Writes clean text to the clipboard as text/plain and text/html, or as plain text where the
// browser refuses rich content. A classic script, so that the content script (injected) and the
// reading view (a module page) share it: defines globalThis.lecternWriteClipboard(text, html).
(() => {
  // The Clipboard API exists only in secure contexts: a content script on a plain-http page has
  // none. There the copy command writes both types through its own copy event, which the
  // extension's clipboardWrite permission lets a content script fire without a click.
  const byCopyCommand = (text, html) => {
    let written = false;
    const fill = (e) => {
      e.clipboardData.setData('text/plain', text);
      e.clipboardData.setData('text/html', html);
      e.preventDefault();
      e.stopImmediatePropagation();
      written = true;
    };
    addEventListener('copy', fill, { capture: true });
    try {
      document.execCommand('copy');
    } finally {
      removeEventListener('copy', fill, { capture: true });
    }
    if (!written) throw new Error('the browser refused to copy');
  };

  globalThis.lecternWriteClipboard = async (text, html) => {
    if (!navigator.clipboard) return byCopyCommand(text, html);
    try {
      await navigator.clipboard.write([new ClipboardItem({
        'text/plain': new Blob([text], { type: 'text/plain' }),
        'text/html': new Blob([html], { type: 'text/html' }),
      })]);
    } catch {
      await navigator.clipboard.writeText(text);
    }
  };
})();
