import {
  type FieldLabels,
  type Language,
  SERVICES_FIELD_LABELS,
  type Text,
  translate,
} from '@kechuang/domain';
import type { Actor, RequestContext } from '../../core/context';
import { AppError } from '../../core/errors';

export const fieldLabels: FieldLabels = SERVICES_FIELD_LABELS;

/** A 400 naming one field: its label, then the rule's wording. */
export function fieldError(path: string, message: Text, language: Language): AppError {
  const label = SERVICES_FIELD_LABELS[path];
  const text = language === 'en' ? `${label?.en ?? path} ${message.en}` : `${label?.zh ?? path}${message.zh}`;
  return new AppError(400, 'validation', [{ path, message: text }]);
}

/** A 409 refusal of a rule, with the reason in the details. */
export function refusal(
  code: 'techEventFull' | 'techEventSignupClosed' | 'duplicate' | 'transitionNotAllowed',
  path: string,
  message: Text,
  language: Language,
): AppError {
  return new AppError(409, code, [{ path, message: translate(message, language) }]);
}

export function actorOf(context: RequestContext): Actor {
  if (!context.actor) throw new AppError(401, 'unauthenticated');
  return context.actor;
}

export const isBureau = (actor: Actor) => actor.role === 'staff' || actor.role === 'leader';

export function requireEnterprise(actor: Actor): number {
  if (actor.role !== 'enterprise' || actor.enterpriseId === null) throw new AppError(403, 'forbidden');
  return actor.enterpriseId;
}
