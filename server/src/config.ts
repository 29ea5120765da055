import path from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  /** A PostgreSQL server; when absent the embedded PGlite database under `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Where the built web app is, served at `/` when present. */
  webDistDir: string;
  secureCookies: boolean;
  logLevel: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const root = path.resolve(import.meta.dirname, '../..');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.KECHUANG_DATA_DIR ?? path.join(root, 'data')),
    webDistDir: path.resolve(env.KECHUANG_WEB_DIST ?? path.join(root, 'web/dist')),
    secureCookies: env.KECHUANG_SECURE_COOKIES === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
