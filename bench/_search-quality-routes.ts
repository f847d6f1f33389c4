/**
 * The routes by which a query word may reach an item (exact, stem, name key, alias, concept), as a
 * switch the search-quality bench reads. The store applies exact, stem and alias inside its index
 * keys (always on); name key and concept are the store's search options (key-query.ts), switched
 * here to measure each route.
 */

export const ROUTES = ['exact', 'stem', 'alias', 'name', 'concept'] as const;
export type Route = (typeof ROUTES)[number];
export type SearchRoutes = Record<Route, boolean>;

/** Routes the store cannot switch off today (its index holds stemmed, aliased keys). */
export const BUILT_IN_ROUTES: readonly Route[] = ['exact', 'stem', 'alias'];

/** `exact,stem,alias,name` → switches; `all` turns every route on. Throws on an unknown name. */
export function parseRoutes(spec: string): SearchRoutes {
  const names =
    spec === 'all'
      ? [...ROUTES]
      : spec
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean);
  const routes = Object.fromEntries(ROUTES.map((route) => [route, false])) as SearchRoutes;
  for (const name of names) {
    if (!(ROUTES as readonly string[]).includes(name)) {
      throw new Error(`unknown route "${name}": use ${ROUTES.join(', ')} or all`);
    }
    routes[name as Route] = true;
  }
  return routes;
}

export function describeRoutes(routes: SearchRoutes): string {
  return ROUTES.filter((route) => routes[route]).join('+');
}
