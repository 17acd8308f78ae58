/**
 * The production and development server: Express serving the Remix app, with compression, security
 * headers, one log line per request, the mail delivery loop and a clean stop on SIGTERM.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import { ConfigError, loadConfig } from '../app/config.server';
import { startDeliveryLoop, startReminderJob } from '../app/mail/deliver.server';
import { startHousekeeping } from '../app/services/housekeeping.server';
import { closeDb, getDb, migrateDatabase } from '../db/client';
import { seedAtStart } from '../db/seed';
import { createRequestHandler } from './remix-handler';
import { errorHandler, requestLog, securityHeaders } from './security';

async function main() {
  // A local .env (see .env.example) fills in what the environment leaves unset.
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // The Remix build reads the configuration again; hand it the (possibly generated) secret.
  process.env.SESSION_SECRET = config.SESSION_SECRET;
  const production = config.NODE_ENV === 'production';

  const db = getDb(config.DATABASE_PATH);
  migrateDatabase(db);
  const seeded = await seedAtStart(db, config, Date.now());
  if (seeded.reference.supportTypesAdded.length + seeded.reference.settingsAdded.length > 0) {
    console.log(`Reference data added: ${[...seeded.reference.supportTypesAdded, ...seeded.reference.settingsAdded].join(', ')}`);
  }
  if (seeded.demo.seeded) console.log(`Seeded demo data into ${config.DATABASE_PATH}`);

  const app = express();
  app.disable('x-powered-by');
  // The number of proxy hops: Express then takes the client's address that far from the right.
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(requestLog());
  app.use(compression());
  app.use(securityHeaders({ production, https: config.APP_URL.startsWith('https://') }));

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (production) {
    app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }));
    app.use(express.static('build/client', { maxAge: '1h' }));
    build = (await import(pathToFileURL(path.resolve('build/server/index.js')).href)) as ServerBuild;
  } else {
    const vite = await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }));
    app.use(vite.middlewares);
    build = () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>;
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

  const stopDelivery = startDeliveryLoop(db, {});
  const stopReminders = startReminderJob(db, {});
  const stopHousekeeping = startHousekeeping(db);

  const server = app.listen(config.PORT, () => {
    console.log(`STO Ondersteuning listening on http://localhost:${config.PORT} (${production ? 'production' : 'development'})`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing requests in flight, then stopping.`);
    // The delivery loop sends or gives back the mail it holds (a few seconds at most).
    const mailStopped = stopDelivery();
    void stopReminders();
    stopHousekeeping();
    const force = setTimeout(() => server.closeAllConnections(), 10_000);
    force.unref();
    const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    void Promise.all([mailStopped, serverClosed]).then(() => {
      closeDb();
      console.log('Stopped cleanly.');
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
