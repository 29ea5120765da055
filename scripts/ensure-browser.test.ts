import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planBrowser } from './ensure-browser.mjs';

const script = path.join(import.meta.dirname, 'ensure-browser.mjs');
const machine = {
  chromiumPath: '/usr/bin/chromium',
  hasChromium: true,
  hasFont: true,
  isRoot: false,
  hasAptGet: true,
};

describe('ensure-browser', () => {
  it('does nothing when Chromium and the CJK font are there', () => {
    expect(planBrowser(machine).action).toBe('ready');
  });

  it('installs Chromium and the font through apt-get as root', () => {
    const plan = planBrowser({ ...machine, hasChromium: false, isRoot: true });
    expect(plan.action).toBe('install');
    expect(plan.commands?.at(-1)).toEqual(['apt-get', 'install', '-y', '-qq', 'chromium', 'fonts-noto-cjk']);
  });

  it('stops with the command to run when it cannot install', () => {
    const plan = planBrowser({ ...machine, hasFont: false, isRoot: false });
    expect(plan.action).toBe('fail');
    expect(plan.message).toContain('the Noto CJK font');
    expect(plan.message).toContain('sudo apt-get install -y chromium fonts-noto-cjk');
    expect(planBrowser({ ...machine, hasChromium: false, isRoot: true, hasAptGet: false }).action).toBe(
      'fail',
    );
  });

  it('with the browser path pointed at a missing file, names it and the install it would run', () => {
    const result = spawnSync(process.execPath, [script], {
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium', KECHUANG_ENSURE_DRY_RUN: '1' },
    });
    const output = result.stdout + result.stderr;
    expect(output).toContain('/nonexistent/chromium');
    if (process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
      expect(result.status).toBe(0);
      expect(output).toContain('would run apt-get install -y -qq chromium fonts-noto-cjk');
    } else {
      expect(result.status).toBe(1);
      expect(output).toContain('sudo apt-get install -y chromium fonts-noto-cjk');
    }
  });
});
