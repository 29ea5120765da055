import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import type { TargetMessage, TargetSpec } from './protocol';

export interface RunningTarget {
  url: string;
  fastifyVersion: string;
  setupMs: number;
  seedMs: number;
  stop(): Promise<void>;
}

const targetScript = path.join(import.meta.dirname, 'target.ts');
const tsxLoader = import.meta.resolve('tsx');

/** Starts target.ts in its own Node process and resolves once it listens. */
export async function startTarget(spec: TargetSpec, timeoutMs = 60_000): Promise<RunningTarget> {
  const child = fork(targetScript, [JSON.stringify(spec)], {
    execArgv: ['--import', tsxLoader],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<Extract<TargetMessage, { type: 'ready' }>>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`target ${spec.kind} did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', (message: TargetMessage) => {
      clearTimeout(timer);
      if (message.type === 'ready') resolve(message);
      else reject(new Error(message.message));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`target ${spec.kind} exited with code ${code} before listening`));
    });
  });
  return { ...ready, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.send({ type: 'stop' });
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
