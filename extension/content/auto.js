// Runs after content.js on sites the user chose to always clean: open the reading view at once.
globalThis.__lecternContent?.open({ auto: true });
