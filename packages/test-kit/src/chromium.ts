import { type Browser, chromium, type LaunchOptions } from 'playwright-core';

/**
 * The flags every browser test runs Chromium with (team rules): headless without a sandbox, and no
 * background traffic, since the machine has no internet but the npm registry.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The machine's Chromium; CHROMIUM_PATH points elsewhere (a developer's own install). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launches the machine's Chromium with the team's flags. `options` are added on top; extra `args`
 * come after the shared ones.
 *
 * @example
 * const browser = await launchChromium();
 * const page = await browser.newPage();
 */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
