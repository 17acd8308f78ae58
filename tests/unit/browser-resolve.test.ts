import { describe, expect, it } from 'vitest';
import { COMMON_ARGS, DEBIAN_CHROMIUM, NoBrowserError, describeBrowser, resolveBrowser } from '../helpers/browser';

const npmChromium = async () => ({
  executablePath: '/tmp/chromium',
  args: ['--no-zygote', '--single-process', '--disable-web-security', "--headless='shell'", '--no-sandbox'],
});
const nothing = () => false;
const only = (...files: string[]) => (file: string) => files.includes(file);

describe('resolveBrowser', () => {
  it('takes CHROMIUM_PATH first, and refuses one that does not exist', async () => {
    const found = await resolveBrowser({ env: { CHROMIUM_PATH: '/opt/chrome' }, exists: only('/opt/chrome', DEBIAN_CHROMIUM), playwrightPath: () => '/pw/chrome', npmChromium });
    expect(found).toMatchObject({ source: 'CHROMIUM_PATH', executablePath: '/opt/chrome' });
    await expect(resolveBrowser({ env: { CHROMIUM_PATH: '/opt/none' }, exists: only(DEBIAN_CHROMIUM), npmChromium })).rejects.toThrow(/CHROMIUM_PATH=\/opt\/none does not exist/);
  });

  it('then a browser Playwright installed, then Debian, then the npm-shipped one', async () => {
    const pw = await resolveBrowser({ env: {}, exists: only('/pw/chrome', DEBIAN_CHROMIUM), playwrightPath: () => '/pw/chrome', npmChromium });
    expect(pw.source).toBe('playwright');
    const debian = await resolveBrowser({ env: {}, exists: only(DEBIAN_CHROMIUM), playwrightPath: () => '/pw/chrome', npmChromium });
    expect(debian).toMatchObject({ source: 'debian', executablePath: DEBIAN_CHROMIUM, args: COMMON_ARGS });
    const npm = await resolveBrowser({ env: {}, exists: nothing, playwrightPath: () => '/pw/chrome', platform: 'linux', arch: 'x64', npmChromium });
    expect(npm.source).toBe('npm');
    expect(npm.executablePath).toBe('/tmp/chromium');
  });

  it('keeps the npm Chromium from weakening the same-origin policy or running in one process', async () => {
    const npm = await resolveBrowser({ env: {}, exists: nothing, playwrightPath: () => { throw new Error('no registry'); }, platform: 'linux', arch: 'x64', npmChromium });
    expect(npm.args).toContain("--headless='shell'");
    expect(npm.args).toContain('--no-zygote');
    expect(npm.args).not.toContain('--disable-web-security');
    expect(npm.args).not.toContain('--single-process');
    expect(npm.args.filter((arg) => arg === '--no-sandbox')).toHaveLength(1);
  });

  it('names the three ways to get a browser when there is none', async () => {
    const error = await resolveBrowser({ env: {}, exists: nothing, playwrightPath: () => '/pw/chrome', platform: 'darwin', arch: 'arm64', npmChromium }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoBrowserError);
    expect(String(error)).toMatch(/CHROMIUM_PATH/);
    expect(String(error)).toMatch(/npx playwright install chromium/);
    expect(String(error)).toMatch(/apt-get install chromium/);
  });

  it('says in one line which browser it uses', () => {
    const line = describeBrowser({ source: 'npm', executablePath: '/tmp/chromium', args: [] });
    expect(line).not.toContain('\n');
    expect(line).toMatch(/\/tmp\/chromium .*@sparticuz\/chromium/);
  });
});
