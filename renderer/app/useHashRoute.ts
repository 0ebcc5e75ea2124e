import { useEffect, useState } from 'react';

// Hash navigation: enough for a handful of top-level screens, survives reloads, needs no router package.

export const ROUTES = ['org-units', 'settings'] as const;
export type Route = (typeof ROUTES)[number];

function current(): Route {
  const hash = window.location.hash.replace(/^#\/?/, '');
  return (ROUTES as readonly string[]).includes(hash) ? (hash as Route) : 'org-units';
}

export function routeHref(route: Route): string {
  return `#/${route}`;
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState<Route>(current);
  useEffect(() => {
    const onChange = () => setRoute(current());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
