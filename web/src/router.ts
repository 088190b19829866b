import { useEffect, useState } from 'react';

/** The console's screens, each at its own path (the gateway answers any page path with index.html). */
export type ScreenName = 'setup' | 'sync' | 'calendar' | 'directory' | 'contacts' | 'printers';
export const SCREENS: ScreenName[] = ['setup', 'sync', 'calendar', 'directory', 'contacts', 'printers'];
export const ADMIN_SCREENS = new Set<ScreenName>(['setup', 'sync', 'directory', 'contacts']);
/** Screens of a module, shown only when the gateway serves it. */
export const MODULE_SCREENS: Partial<Record<ScreenName, string>> = { sync: 'sync', calendar: 'tasks', directory: 'tasks', contacts: 'contacts', printers: 'printers' };

export function screenOf(pathname: string): ScreenName {
  const name = pathname.replace(/^\/+|\/+$/g, '');
  return (SCREENS as string[]).includes(name) ? (name as ScreenName) : 'calendar';
}

export function navigate(screen: ScreenName): void {
  window.history.pushState(null, '', `/${screen}${window.location.search}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useScreen(): ScreenName {
  const [screen, setScreen] = useState(() => screenOf(window.location.pathname));
  useEffect(() => {
    const on = () => setScreen(screenOf(window.location.pathname));
    window.addEventListener('popstate', on);
    return () => window.removeEventListener('popstate', on);
  }, []);
  return screen;
}
