// Makes sure the browser suite can run before `npm test` spends minutes on it: Debian's Chromium and
// the Noto CJK font (the pages are Chinese). Installs them through apt-get when running as root;
// otherwise stops with the one command to run. Never downloads a browser from anywhere else.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
export const APT_PACKAGES = ['chromium', 'fonts-noto-cjk'];
const INSTALL_COMMAND = `apt-get install -y ${APT_PACKAGES.join(' ')}`;

function hasCjkFont() {
  const list = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (list.status === 0) return /Noto Sans CJK|Noto Serif CJK/i.test(list.stdout);
  return existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** What the machine has, read once; tests pass their own. */
export function probeMachine(env = process.env) {
  const chromiumPath = env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  return {
    chromiumPath,
    hasChromium: existsSync(chromiumPath),
    hasFont: hasCjkFont(),
    isRoot: process.getuid?.() === 0,
    hasAptGet: hasCommand('apt-get'),
  };
}

/** The step to take: `ready`, `install` (the apt-get commands to run) or `fail` (the message to print). */
export function planBrowser(machine) {
  const missing = [];
  if (!machine.hasChromium) missing.push(`Chromium (${machine.chromiumPath})`);
  if (!machine.hasFont) missing.push('the Noto CJK font');
  if (missing.length === 0) return { action: 'ready', missing };
  const commands = [
    ['apt-get', 'update', '-qq'],
    ['apt-get', 'install', '-y', '-qq', ...APT_PACKAGES],
  ];
  if (machine.isRoot && machine.hasAptGet) return { action: 'install', missing, commands };
  return {
    action: 'fail',
    missing,
    message: `The browser tests need ${missing.join(' and ')}. Run \`sudo ${INSTALL_COMMAND}\` (Debian/Ubuntu), then npm test again.`,
  };
}

function main() {
  const started = Date.now();
  const dryRun = process.env.KECHUANG_ENSURE_DRY_RUN === '1';
  const plan = planBrowser(probeMachine());
  if (plan.action === 'ready') return;
  if (plan.action === 'fail') {
    console.error(`ensure-browser: ${plan.message}`);
    process.exit(1);
  }
  console.log(`ensure-browser: ${plan.missing.join(' and ')} missing; installing with ${INSTALL_COMMAND}`);
  for (const [command, ...args] of plan.commands) {
    console.log(`ensure-browser: ${dryRun ? 'would run' : 'running'} ${[command, ...args].join(' ')}`);
    if (dryRun) continue;
    const result = spawnSync(command, args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) {
      console.error(`ensure-browser: \`${[command, ...args].join(' ')}\` failed (exit ${result.status})`);
      process.exit(1);
    }
  }
  const after = dryRun ? null : probeMachine();
  if (after && !after.hasChromium) {
    console.error(
      `ensure-browser: installed ${APT_PACKAGES.join(' ')} but ${after.chromiumPath} is still missing; point CHROMIUM_PATH at a Chromium binary or unset it`,
    );
    process.exit(1);
  }
  console.log(`ensure-browser: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
