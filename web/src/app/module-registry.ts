import { validateWebModules, type WebModule } from './module';

let registered: readonly WebModule[] | undefined;

/**
 * The entry hands the module list here at start-up, so the shell and the menus can read it at
 * render time without importing it: the modules' pages import the shell's files, and an import
 * back would tie every page into one circle.
 */
export function registerWebModules(modules: readonly WebModule[]): void {
  validateWebModules(modules);
  registered = modules;
}

/** The modules registered at start-up; reading them before that is a wiring mistake. */
export function registeredWebModules(): readonly WebModule[] {
  if (!registered) throw new Error('No web modules registered: call registerWebModules at start-up');
  return registered;
}
