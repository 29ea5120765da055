// Makes sure the server suite on PostgreSQL has a server to talk to: with no TEST_DATABASE_URL it
// expects the local cluster on 127.0.0.1:5432, starts it when installed and stopped, and otherwise
// says exactly what is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

function run(command, args) {
  return spawnSync(command, args, { encoding: 'utf8' });
}

function isReady() {
  return run('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q']).status === 0;
}

/** Installed Debian clusters' versions (the folders of /etc/postgresql), newest first. */
export function installedVersions(configRoot = '/etc/postgresql') {
  if (!existsSync(configRoot)) return [];
  return readdirSync(configRoot)
    .filter((name) => existsSync(`${configRoot}/${name}/main`))
    .sort((a, b) => Number(b) - Number(a));
}

export function planPostgres({ customUrl, ready, versions, hasPgCtlCluster }) {
  if (customUrl) return { action: 'ready' };
  if (ready) return { action: 'ready' };
  if (versions.length === 0 || !hasPgCtlCluster)
    return {
      action: 'fail',
      message:
        'No PostgreSQL server on 127.0.0.1:5432 and none installed: run `sudo apt-get install -y postgresql`, or set TEST_DATABASE_URL to a server you have.',
    };
  return {
    action: 'start',
    command: ['pg_ctlcluster', '--skip-systemctl-redirect', versions[0], 'main', 'start'],
  };
}

function main() {
  const started = Date.now();
  const plan = planPostgres({
    customUrl: process.env.TEST_DATABASE_URL,
    ready: isReady(),
    versions: installedVersions(),
    hasPgCtlCluster: run('sh', ['-c', 'command -v pg_ctlcluster']).status === 0,
  });
  if (plan.action === 'ready') return;
  if (plan.action === 'fail') {
    console.error(`ensure-postgres: ${plan.message}`);
    process.exit(1);
  }
  console.log(`ensure-postgres: the local cluster is stopped; running ${plan.command.join(' ')}`);
  const [command, ...args] = plan.command;
  const result = run(command, args);
  if (result.status !== 0) {
    console.error(`ensure-postgres: \`${plan.command.join(' ')}\` failed: ${result.stderr.trim()}`);
    process.exit(1);
  }
  for (let attempt = 0; attempt < 30 && !isReady(); attempt++) spawnSync('sleep', ['1']);
  if (!isReady()) {
    console.error('ensure-postgres: the cluster started but does not accept connections on 127.0.0.1:5432');
    process.exit(1);
  }
  console.log(`ensure-postgres: ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
