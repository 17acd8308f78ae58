/**
 * Production runs the compiled server with plain node (ADR 0011): no tsx, no TypeScript loader.
 * Checks the server these tests run against, and starts a second one on an empty database to see it
 * serve and stop cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const ENTRY = 'build/server-entry.js';

function processes(): Array<{ pid: number; argv: string[]; env: string[] }> {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
        const env = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
        return [{ pid: Number(pid), argv, env }];
      } catch {
        return [];
      }
    });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

test('the server under test is plain node on the compiled entry, with no TypeScript loader', ({ baseURL }) => {
  test.skip(!fs.existsSync('/proc/self/cmdline'), 'needs /proc (Linux)');
  const port = new URL(baseURL!).port;
  const server = processes().find((p) => p.argv.some((a) => a.endsWith(ENTRY)) && p.env.includes(`PORT=${port}`));
  expect(server, `a process running ${ENTRY} with PORT=${port}`).toBeDefined();
  expect(path.basename(server!.argv[0]!)).toBe('node');
  expect(server!.argv.slice(1)).toEqual([ENTRY]);
  expect(server!.argv.join(' ')).not.toMatch(/tsx|--loader|--import|--experimental-strip-types|ts-node/);
  const nodeOptions = server!.env.find((e) => e.startsWith('NODE_OPTIONS=')) ?? '';
  expect(nodeOptions).not.toMatch(/tsx|loader|--import/);
});

test('the compiled server starts on an empty database, serves, and stops cleanly on SIGTERM', async () => {
  const port = await freePort();
  const dir = path.resolve('.cache/e2e/compiled');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const child = spawn(process.execPath, [ENTRY], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      APP_URL: 'https://sto.example',
      SESSION_SECRET: 'compiled-server-test-secret-0123456789abcdef',
      DATABASE_PATH: path.join(dir, 'sto.db'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await expect.poll(() => output, { timeout: 30_000 }).toContain(`listening on http://localhost:${port} (production)`);
    const home = await fetch(`http://127.0.0.1:${port}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('STO Ondersteuning');
    const signIn = await fetch(`http://127.0.0.1:${port}/inloggen`);
    expect(signIn.status).toBe(200);
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
  expect(output).toContain('Stopped cleanly.');
  expect(output).not.toMatch(/Error|at .*\.ts:/);
});
