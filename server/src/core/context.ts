import type { Language, Role } from '@kechuang/domain';

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  enterpriseId: number | null;
}

/** Who is asking, from where: passed to every service function that writes or audits. */
export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
  requestId: string | null;
  language: Language;
}

export const systemContext: RequestContext = { actor: null, ip: null, requestId: null, language: 'zh-CN' };
