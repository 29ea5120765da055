// Runs a command with TEST_DATABASE_URL pointing at the local PostgreSQL server unless already set.
import { spawnSync } from 'node:child_process';

const env = {
  ...process.env,
  TEST_DATABASE_URL: process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
};
const [command, ...args] = process.argv.slice(2);
const result = spawnSync('npx', [command, ...args], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
