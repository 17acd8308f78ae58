/**
 * The production and development server: Express serving the Remix app, with compression, security
 * headers, one log line per request, and a clean stop on SIGTERM. Start-up and shutdown of the app
 * itself (configuration, migrations, seed, mail loop, reminders, housekeeping) come from the Remix
 * build (`build.entry.module.startApp`), so every app module is loaded once (ADR 0011).
 *
 * Production runs the compiled file (`npm run build` bundles this into build/server-entry.js; plain
 * node, no TypeScript loader); development runs it with tsx and Vite's middleware.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from '@remix-run/node';
import type { ViteDevServer } from 'vite';
import type * as LifecycleModule from '../app/server-lifecycle.server';
import compression from 'compression';
import express from 'express';
import { createRequestHandler } from './remix-handler';
import { errorHandler, requestLog, securityHeaders } from './security';

/** What app/entry.server.tsx exports besides the request handler. */
type Lifecycle = typeof LifecycleModule;

async function main() {
  // A local .env (see .env.example) fills in what the environment leaves unset.
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  const production = process.env.NODE_ENV === 'production';

  let build: ServerBuild | (() => Promise<ServerBuild>);
  let serverBuild: ServerBuild;
  let vite: ViteDevServer | null = null;
  if (production) {
    serverBuild = (await import(pathToFileURL(path.resolve('build/server/index.js')).href)) as ServerBuild;
    build = serverBuild;
  } else {
    const devServer = await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }));
    vite = devServer;
    build = () => devServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>;
    serverBuild = await build();
  }
  const lifecycle = serverBuild.entry.module as unknown as Lifecycle;

  let running;
  try {
    running = await lifecycle.startApp();
  } catch (error) {
    if (error instanceof lifecycle.ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const { config } = running;

  const app = express();
  app.disable('x-powered-by');
  // The number of proxy hops: Express then takes the client's address that far from the right.
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(requestLog());
  app.use(compression());
  app.use(securityHeaders({ production, https: config.APP_URL.startsWith('https://') }));

  if (production) {
    app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }));
    app.use(express.static('build/client', { maxAge: '1h' }));
  } else if (vite) {
    app.use(vite.middlewares);
  }
  app.all(
    '*',
    createRequestHandler({
      build,
      mode: production ? 'production' : 'development',
      maxBodyBytes: 1024 * 1024,
      // Tool uploads: at most 10 MB per file (checked again while parsing), plus the form's other fields.
      largerBodies: [{ path: /^\/team\/tools(\.data)?$/, maxBytes: 11 * 1024 * 1024 }],
      appUrl: config.APP_URL,
      getLoadContext: (req, res) => ({
        cspNonce: String(res.locals.cspNonce ?? ''),
        clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      }),
    }),
  );
  app.use(errorHandler());

  const server = app.listen(config.PORT, () => {
    console.log(`STO Ondersteuning listening on http://localhost:${config.PORT} (${production ? 'production' : 'development'})`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing requests in flight, then stopping.`);
    // The delivery loop sends or gives back the mail it holds (a few seconds at most).
    const jobsStopped = running.stopJobs();
    const force = setTimeout(() => server.closeAllConnections(), 10_000);
    force.unref();
    const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    void Promise.all([jobsStopped, serverClosed]).then(() => {
      running.close();
      console.log('Stopped cleanly.');
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
