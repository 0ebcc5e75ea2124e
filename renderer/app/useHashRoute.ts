import { hrefOf, parseHash, useHashSegments } from '../lib/hashRoute';

// The top-level screen is the hash's first segment (`#/registry/…`); what follows belongs to the screen.

export const ROUTES = ['today', 'org-units', 'registry', 'visa', 'directory', 'meetings', 'workshops', 'reports', 'exchange', 'privacy', 'settings'] as const;
export type Route = (typeof ROUTES)[number];

function routeOf(segments: string[]): Route {
  const first = segments[0] ?? '';
  // The home page ("Bugün") is where the app opens, and where an unknown hash leads.
  return (ROUTES as readonly string[]).includes(first) ? (first as Route) : 'today';
}

export function currentRoute(): Route {
  return routeOf(parseHash(window.location.hash));
}

export function routeHref(route: Route): string {
  return hrefOf(route);
}

export function useHashRoute(): Route {
  return routeOf(useHashSegments());
}
