// Child process that serves one benchmark target, so the load generator never shares its event loop.
// Started by targets.ts with a JSON spec as its only argument; talks back over the IPC channel.
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../server/src/app';
import { loadSheddingFor } from '../server/src/core/load-shedding';
import { openDatabase } from '../server/src/db/connection';
import { seedDemoDistrict } from '../server/src/demo/load-demo';
import type { TargetMessage, TargetSpec } from './protocol';

function send(message: TargetMessage): void {
  process.send?.(message);
}

async function startHello(): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const app = Fastify({ logger: false });
  app.get('/hello', async () => ({ hello: 'world' }));
  return { app, close: () => app.close() };
}

async function startKechuang(
  spec: Extract<TargetSpec, { kind: 'kechuang' }>,
): Promise<{ app: FastifyInstance; close: () => Promise<void>; seedMs: number }> {
  const handle = await openDatabase(
    spec.databaseUrl ? { databaseUrl: spec.databaseUrl } : { dataDir: 'memory://' },
  );
  await handle.migrate();
  const seedStart = performance.now();
  await seedDemoDistrict(handle.db, { enterpriseCount: spec.enterpriseCount });
  const seedMs = performance.now() - seedStart;
  // Load shedding as `kechuang serve` sets it (KECHUANG_MAX_IN_FLIGHT, the event-loop check on PostgreSQL).
  const { app } = await buildApp({
    db: handle.db,
    logger: false,
    loadShedding: loadSheddingFor(handle.kind),
  });
  return {
    app,
    seedMs,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as TargetSpec;
  const setupStart = performance.now();
  const target = spec.kind === 'hello' ? { ...(await startHello()), seedMs: 0 } : await startKechuang(spec);
  const address = await target.app.listen({ host: '127.0.0.1', port: 0 });
  send({
    type: 'ready',
    url: address,
    fastifyVersion: target.app.version,
    setupMs: performance.now() - setupStart,
    seedMs: target.seedMs,
  });
  process.on('message', (message: { type?: string }) => {
    if (message.type !== 'stop') return;
    target.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  process.on('disconnect', () => process.exit(0));
}

main().catch((error: unknown) => {
  send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
