/**
 * How every browser test here launches Chromium: Debian's build (Playwright cannot download its own
 * on these machines), from `CHROMIUM_PATH`, with the flags that keep it quiet on a closed network.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
  ],
};
