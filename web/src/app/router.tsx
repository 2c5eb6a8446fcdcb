// A few client-side routes (/, /queue, /chats/:rid) on the History API; no router library needed for three.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'queue' }
  | { name: 'current-chats' }
  | { name: 'chat'; rid: string }
  | { name: 'offline-messages' }
  | { name: 'monitoring' }
  | { name: 'analytics' }
  | { name: 'admin'; section: string }
  | { name: 'not-found' };

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'home' };
  if (path === '/queue') return { name: 'queue' };
  if (path === '/current-chats') return { name: 'current-chats' };
  if (path === '/offline-messages') return { name: 'offline-messages' };
  if (path === '/monitoring') return { name: 'monitoring' };
  if (path === '/analytics') return { name: 'analytics' };
  const admin = /^\/admin\/([\w-]+)$/.exec(path);
  if (admin) return { name: 'admin', section: admin[1] };
  const chat = /^\/chats\/([^/]+)$/.exec(path);
  if (chat) return { name: 'chat', rid: decodeURIComponent(chat[1]) };
  return { name: 'not-found' };
}

export function chatPath(rid: string): string {
  return `/chats/${encodeURIComponent(rid)}`;
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(path: string, replace = false): void {
  if (path === window.location.pathname) return;
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  listeners.forEach((listener) => listener());
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function useRoute(): Route {
  return parseRoute(usePathname());
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
