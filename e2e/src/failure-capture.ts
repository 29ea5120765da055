import { afterEach } from 'vitest';
import { openPages, screenshot } from './harness';

/**
 * When a journey fails, every page it left open is photographed and its last API answers are
 * printed, so that a failure seen once on a loaded machine can be read afterwards.
 */
afterEach(async ({ task }) => {
  if (task.result?.state !== 'fail') return;
  const name = `${task.file?.name ?? 'journey'}-${task.name}`
    .replace(/^src\//, '')
    .replace(/[^\p{L}\p{N}.-]+/gu, '-')
    .slice(0, 120);
  let index = 0;
  for (const [page, answers] of openPages) {
    index += 1;
    console.error(`[failed: ${task.name}] page ${index} at ${page.url()}\n  ${answers.join('\n  ')}`);
    await screenshot(page, `failed-${name}-${index}`).catch(() => undefined);
  }
});
