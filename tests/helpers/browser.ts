/**
 * Finds the Chromium the e2e tests (and any script that drives a browser) launch, so that
 * `npm install && npm test` needs nothing else on a fresh machine. In this order:
 *
 * 1. `CHROMIUM_PATH`, when set (it must exist);
 * 2. a Chromium that Playwright installed itself (`npx playwright install chromium`);
 * 3. Debian's `/usr/bin/chromium` (`apt-get install chromium`);
 * 4. the Chromium shipped inside the `@sparticuz/chromium` npm package (Linux x64 only), unpacked
 *    to the temp folder on first use.
 *
 * Otherwise it throws one clear message naming the ways to get a browser.
 */
import fs from 'node:fs';
import { chromium as playwrightChromium } from '@playwright/test';

export type BrowserSource = 'CHROMIUM_PATH' | 'playwright' | 'debian' | 'npm';

export interface ResolvedBrowser {
  source: BrowserSource;
  executablePath: string;
  /** Launch arguments for this browser (headless, root-safe, no background network). */
  args: string[];
}

/** What every browser gets: no sandbox (CI runs as root), no GPU, nothing that phones home. */
export const COMMON_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/**
 * Of the npm-shipped Chromium's own arguments, these would weaken what the tests check (same-origin
 * policy, mixed content, site isolation) or run everything in one process; they are left out.
 */
const NPM_ARGS_LEFT_OUT = new Set([
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
  '--single-process',
]);

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export interface ResolveOptions {
  env?: Record<string, string | undefined>;
  exists?: (file: string) => boolean;
  platform?: NodeJS.Platform;
  arch?: string;
  playwrightPath?: () => string;
  npmChromium?: () => Promise<{ executablePath: string; args: string[] }>;
}

export class NoBrowserError extends Error {
  constructor(detail: string) {
    super(
      `No Chromium found for the browser tests (${detail}). Get one in any of these ways: ` +
        `set CHROMIUM_PATH to a Chromium or Chrome binary; run \`npx playwright install chromium\` ` +
        `(needs internet); or \`apt-get install chromium\` (Debian/Ubuntu). On Linux x64 the ` +
        `npm-shipped @sparticuz/chromium (a dev dependency) is used when nothing else is found.`,
    );
    this.name = 'NoBrowserError';
  }
}

async function loadNpmChromium(): Promise<{ executablePath: string; args: string[] }> {
  const { default: chromium } = await import('@sparticuz/chromium');
  return { executablePath: await chromium.executablePath(), args: chromium.args };
}

function playwrightInstalledPath(): string {
  return playwrightChromium.executablePath();
}

export async function resolveBrowser(options: ResolveOptions = {}): Promise<ResolvedBrowser> {
  const env = options.env ?? process.env;
  const exists = options.exists ?? ((file: string) => fs.existsSync(file));
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;

  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (!exists(fromEnv)) throw new NoBrowserError(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return { source: 'CHROMIUM_PATH', executablePath: fromEnv, args: COMMON_ARGS };
  }

  let installed = '';
  try {
    installed = (options.playwrightPath ?? playwrightInstalledPath)();
  } catch {
    // Playwright has no browser registry entry for this platform: try the next way.
  }
  if (installed && exists(installed)) return { source: 'playwright', executablePath: installed, args: COMMON_ARGS };

  if (exists(DEBIAN_CHROMIUM)) return { source: 'debian', executablePath: DEBIAN_CHROMIUM, args: COMMON_ARGS };

  if (platform === 'linux' && arch === 'x64') {
    const npm = await (options.npmChromium ?? loadNpmChromium)();
    const own = npm.args.filter((arg) => !NPM_ARGS_LEFT_OUT.has(arg) && !COMMON_ARGS.includes(arg));
    return { source: 'npm', executablePath: npm.executablePath, args: [...COMMON_ARGS, ...own] };
  }

  throw new NoBrowserError(`none at ${DEBIAN_CHROMIUM}, none installed by Playwright, and the npm-shipped one is for Linux x64 only`);
}

const SOURCE_WORDS: Record<BrowserSource, string> = {
  CHROMIUM_PATH: 'from CHROMIUM_PATH',
  playwright: 'installed by Playwright',
  debian: "Debian's package",
  npm: 'shipped by @sparticuz/chromium (npm)',
};

/** The one line that says which browser a run uses. */
export function describeBrowser(browser: ResolvedBrowser): string {
  return `Browser for the e2e tests: ${browser.executablePath} (${SOURCE_WORDS[browser.source]})`;
}
