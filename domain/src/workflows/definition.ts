import type { Text } from '../i18n';
import type { Role } from '../roles';

/**
 * A lifecycle declared as data: states, and transitions with who may fire them.
 * The server's one workflow runtime executes any definition; no module writes its own status code.
 */
export interface WorkflowTransition<TState extends string, TAction extends string> {
  action: TAction;
  from: readonly TState[];
  to: TState;
  roles: readonly Role[];
  /** The actor must own the record (its enterprise), not only hold the role. */
  ownerOnly?: boolean;
  requiresComment?: boolean;
  /** Who is told after the transition commits. */
  notify?: readonly ('owner' | 'staff')[];
  label: Text;
}

export interface WorkflowDefinition<TState extends string = string, TAction extends string = string> {
  name: string;
  states: Record<TState, Text>;
  initial: TState;
  transitions: readonly WorkflowTransition<TState, TAction>[];
}

export interface WorkflowActor {
  role: Role;
  isOwner: boolean;
}

/** Actions the actor may take on a record in `state`: what the API returns as `allowedActions`. */
export function listAllowedActions<TState extends string, TAction extends string>(
  definition: WorkflowDefinition<TState, TAction>,
  state: TState,
  actor: WorkflowActor,
): TAction[] {
  return definition.transitions
    .filter((transition) => transition.from.includes(state) && canActorFire(transition, actor))
    .map((transition) => transition.action);
}

export function canActorFire(transition: WorkflowTransition<string, string>, actor: WorkflowActor): boolean {
  return transition.roles.includes(actor.role) && (!transition.ownerOnly || actor.isOwner);
}

export function findTransition<TState extends string, TAction extends string>(
  definition: WorkflowDefinition<TState, TAction>,
  action: string,
): WorkflowTransition<TState, TAction> | undefined {
  return definition.transitions.find((transition) => transition.action === action);
}
