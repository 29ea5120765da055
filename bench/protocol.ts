/** What the parent asks a target process to serve. */
export type TargetSpec =
  | { kind: 'hello' }
  | { kind: 'kechuang'; enterpriseCount: number; databaseUrl?: string };

/** What a target process reports back over IPC. */
export type TargetMessage =
  | { type: 'ready'; url: string; fastifyVersion: string; setupMs: number; seedMs: number }
  | { type: 'error'; message: string };
