/** Debian's Chromium (.ci/run installs it when missing); Playwright downloads no browser here. */
export const CHROMIUM = '/usr/bin/chromium';

/** The flags that keep Chromium off the network it cannot reach (the node machine's doc). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
