/** The method and path of each endpoint, checked by the compiler against the shared contract. */
import type { EndpointName, Endpoints } from '../../shared/contracts/endpoints';

export type Route<N extends EndpointName> = {
  readonly method: Endpoints[N]['method'];
  readonly path: Endpoints[N]['path'];
};

/** A feature's part of the table: exactly the endpoints named in `N`. */
export type RouteTable<N extends EndpointName> = { readonly [K in N]: Route<K> };
