/**
 * @fastify/rate-limit's custom `store` over the PostgreSQL counters (rate-limits.ts): every instance
 * counts one client's requests to one route together. The plugin builds the store with
 * `new Store(globalOptions)` and one `child(routeOptions)` per limited route; the child prefixes its keys
 * with the route, so each route keeps its own count (as the plugin's in-memory store does).
 */
import type { RateLimits } from './rate-limits.js';

type Result = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Result) => void;
type RouteInfo = { routeInfo?: { method?: string | string[]; url?: string } };

export function pgRateLimitStore(limits: RateLimits) {
  return class PgRateLimitStore {
    readonly prefix: string;

    constructor(_options: unknown = {}, prefix = 'http') {
      this.prefix = prefix;
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      limits.hit(`${this.prefix}:${key}`, timeWindow).then(
        (hit) => callback(null, { current: hit.hits, ttl: hit.ttlMs }),
        (error: Error) => callback(error),
      );
    }

    read(key: string, callback: Callback): void {
      limits.peek(`${this.prefix}:${key}`).then(
        (hit) => callback(null, { current: hit?.hits ?? 0, ttl: hit?.ttlMs ?? 0 }),
        (error: Error) => callback(error),
      );
    }

    /** `routeOptions` is the route's merged limit settings, its route under `routeInfo`. */
    child(routeOptions: object): PgRateLimitStore {
      const info = (routeOptions as RouteInfo).routeInfo ?? {};
      const method = Array.isArray(info.method) ? info.method.join(',') : (info.method ?? '');
      return new PgRateLimitStore(routeOptions, `http:${method} ${info.url ?? ''}`);
    }
  };
}
