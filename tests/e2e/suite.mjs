// One Chromium and one test server per end-to-end test file: started before its tests, closed
// after them, its tabs closed after each test. The file's tests reach them through the returned
// object (`suite.browser`, `suite.server`) and open and toggle pages with its helpers.
import { before, after, afterEach } from 'node:test';
import { startServer, launch, openPage, closePages, toggle, HOST } from './harness.mjs';

export function chromiumSuite({ origin = 'plain' } = {}) {
  const suite = {
    server: null,
    browser: null,
    // A page of the test server under HOST, over `origin` ('plain' http or 'secure' https) unless given.
    openPage: (path, at = suite.server[origin]) => openPage(suite.browser, at, path),
    toggle: (page) => toggle(suite.browser, page),
  };
  before(async () => {
    suite.server = await startServer({ host: HOST });
    suite.browser = await launch();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  afterEach(closePages);
  return suite;
}
