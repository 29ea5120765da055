import { describe, expect, it } from 'vitest';
import { WEB_MODULES } from '../modules';
import { NotificationBell } from '../modules/notifications/notification-bell';
import type { WebModule } from './module';
import { registeredWebModules, registerWebModules } from './module-registry';

describe('module registry', () => {
  it('refuses to be read before the entry registers the modules', () => {
    expect(() => registeredWebModules()).toThrow('No web modules registered');
  });

  it('refuses a list that would build a broken app, keeping nothing of it', () => {
    const clash: WebModule = { ...WEB_MODULES[0], name: 'clash', strings: { zhCN: {}, en: {} } };
    expect(() => registerWebModules([...WEB_MODULES, clash])).toThrow('is already declared by module');
    expect(() => registeredWebModules()).toThrow('No web modules registered');
  });

  it('hands back the registered list, whose header items put the notification bell in the shell', () => {
    registerWebModules(WEB_MODULES);
    expect(registeredWebModules()).toBe(WEB_MODULES);
    expect(registeredWebModules().flatMap((module) => module.headerItems ?? [])).toEqual([NotificationBell]);
  });
});
