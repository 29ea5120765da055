#!/usr/bin/env node
// Injection scan: runs sqlmap over the API's parameterised routes, read from the OpenAPI document,
// signed in as the role each route admits, and fails on any finding. sqlmap exits 0 even when it
// finds an injection, so its output is read instead of its exit code.
//
//   node scripts/security-scan.mjs                 # a quick set: every list route with a keyword, and sign-in
//   node scripts/security-scan.mjs --all           # every GET route with query or path parameters, and sign-in
//   node scripts/security-scan.mjs --base URL      # against a running server (else one is started with the demo)
//
// Needs sqlmap (Debian: apt-get install -y sqlmap). Reports go to .tmp/security-scan/.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { all: { type: 'boolean' }, base: { type: 'string' } } });
const PASSWORD = 'Kechuang@2026';
const ROLES = ['staff01', '91370811MAF0NDKGCM', 'expert01', 'secadmin'];
const outputDir = path.join(root, '.tmp/security-scan');

const hasSqlmap = () => spawnSync('sqlmap', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasSqlmap() && process.getuid?.() === 0) {
  // As with the browser, a fresh machine gets it from Debian's packages.
  console.log('security-scan: installing sqlmap with apt-get');
  spawnSync('apt-get', ['install', '-y', '-qq', 'sqlmap'], { stdio: 'inherit' });
}
if (!hasSqlmap()) {
  console.error('security-scan: sqlmap not found; install it with: apt-get install -y sqlmap');
  process.exit(2);
}
fs.mkdirSync(outputDir, { recursive: true });

async function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startServer() {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kechuang-scan-'));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/main.ts'), 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      KECHUANG_DATA_DIR: dataDir,
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let waited = 0; waited < 600; waited++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return {
    base,
    stop: () => {
      child.kill('SIGTERM');
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const server = values.base ? { base: values.base, stop: () => undefined } : await startServer();
const findings = [];
try {
  const cookies = {};
  for (const username of ROLES) {
    const response = await fetch(`${server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (!response.ok) throw new Error(`cannot sign in as ${username}: ${response.status}`);
    cookies[username] = response.headers.get('set-cookie').split(';')[0];
  }
  const openapi = await (await fetch(`${server.base}/api/openapi.json`)).json();
  const targets = [];
  for (const [route, operations] of Object.entries(openapi.paths)) {
    const get = operations.get;
    if (!get || route.includes('/export') || route.includes('/download') || route.includes('/document'))
      continue;
    const parameters = get.parameters ?? [];
    const query = parameters.filter((p) => p.in === 'query');
    const pathParams = parameters.filter((p) => p.in === 'path');
    if (!values.all && !query.some((p) => p.name === 'keyword')) continue;
    if (query.length === 0 && pathParams.length === 0) continue;
    const sample = (p) =>
      p.schema?.enum
        ? p.schema.enum[0]
        : p.schema?.type === 'integer' || p.schema?.type === 'number'
          ? 1
          : 'a';
    const url = `${server.base}${route.replace(/\{(\w+)\}/g, '1')}`;
    const search = new URLSearchParams();
    // Required parameters and the keyword: a request the route accepts (200) is what sqlmap varies.
    for (const p of query.filter((q) => q.required || q.name === 'keyword'))
      search.set(p.name, String(p.name === 'keyword' ? '测试' : sample(p)));
    const address = search.size > 0 ? `${url}?${search}` : url;
    // The first role the route serves (200) is the one to scan it as.
    let cookie = null;
    for (const username of ROLES) {
      const status = (await fetch(address, { headers: { cookie: cookies[username] } })).status;
      if (status === 200) {
        cookie = cookies[username];
        break;
      }
    }
    if (cookie) targets.push({ name: `GET ${route}`, args: ['-u', address, '--cookie', cookie] });
  }
  targets.push({
    name: 'POST /api/auth/login',
    args: [
      '-u',
      `${server.base}/api/auth/login`,
      '--data',
      '{"username":"staff01","password":"x"}',
      '--headers',
      'Content-Type: application/json',
      // Wrong passwords are answered 401, and after 30 from one address 429 (the throttle).
      '--ignore-code',
      '401,429',
    ],
  });
  console.log(`security-scan: ${targets.length} routes to scan with sqlmap`);
  for (const [index, target] of targets.entries()) {
    const started = Date.now();
    const run = spawnSync(
      'sqlmap',
      [
        ...target.args,
        '--batch',
        '--level',
        '1',
        '--risk',
        '1',
        '--technique',
        'BEU',
        '--threads',
        '2',
        '--flush-session',
        '--disable-coloring',
        '--output-dir',
        outputDir,
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const output = `${run.stdout}\n${run.stderr}`;
    fs.writeFileSync(
      path.join(outputDir, `${String(index).padStart(3, '0')}.log`),
      `${target.name}\n${output}`,
    );
    const found =
      /identified the following injection point|is vulnerable|appears to be '.*' injectable/i.test(output);
    const clean = /do not appear to be injectable|no parameter\(s\) found/i.test(output);
    const verdict = found ? 'INJECTABLE' : clean ? 'clean' : 'inconclusive';
    console.log(`  ${verdict.padEnd(12)} ${target.name} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    if (found || !clean) findings.push(`${target.name}: ${verdict}`);
  }
} finally {
  server.stop();
}
if (findings.length > 0) {
  console.error(
    `security-scan: ${findings.length} finding(s):\n${findings.join('\n')}\n(reports in ${outputDir})`,
  );
  process.exit(1);
}
console.log('security-scan: no injection point found');
