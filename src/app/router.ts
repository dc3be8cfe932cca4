import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'journeys' }
  | { name: 'journey'; id: string }
  | { name: 'personas' }
  | { name: 'compare'; journeyIds: string[] }
  /** One journey's action plan, or (without an id) the plan across every journey. */
  | { name: 'plan'; journeyId: string | null }
  | { name: 'live'; roomId: string; secret: string }
  | { name: 'notFound' };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/' || path === '') return { name: 'journeys' };
  if (path === '/personas' || path === '/personas/') return { name: 'personas' };
  const compare = /^\/compare\/?(?:\?(.*))?$/.exec(path);
  if (compare) {
    const ids = new URLSearchParams(compare[1] ?? '').get('journeys');
    return { name: 'compare', journeyIds: ids ? ids.split(',').filter(Boolean) : [] };
  }
  const plan = /^\/plan(?:\/([^/]+))?\/?$/.exec(path);
  if (plan) {
    try {
      return { name: 'plan', journeyId: plan[1] ? decodeURIComponent(plan[1]) : null };
    } catch {
      return { name: 'notFound' };
    }
  }
  const live = /^\/live\/([^/]+)\/([^/]+)\/?$/.exec(path);
  if (live) {
    try {
      return { name: 'live', roomId: decodeURIComponent(live[1]!), secret: decodeURIComponent(live[2]!) };
    } catch {
      return { name: 'notFound' };
    }
  }
  const m = /^\/journey\/([^/]+)\/?$/.exec(path);
  if (m) {
    try {
      return { name: 'journey', id: decodeURIComponent(m[1]!) };
    } catch {
      return { name: 'notFound' };
    }
  }
  return { name: 'notFound' };
}

export function journeyHref(id: string): string {
  return `#/journey/${encodeURIComponent(id)}`;
}

export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, '');
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}

export function compareHref(journeyIds: readonly string[]): string {
  return journeyIds.length ? `#/compare?journeys=${journeyIds.map(encodeURIComponent).join(',')}` : '#/compare';
}

export function planHref(journeyId?: string): string {
  return journeyId ? `#/plan/${encodeURIComponent(journeyId)}` : '#/plan';
}
