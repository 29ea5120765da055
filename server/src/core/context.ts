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
  /** Set when the request appended audit rows, so the chain is sealed after the response. */
  hasAuditRows?: boolean;
}

export const systemContext: RequestContext = { actor: null, ip: null, requestId: null, language: 'zh-CN' };
