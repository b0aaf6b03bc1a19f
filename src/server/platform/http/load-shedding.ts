/**
 * A bounded queue in front of the database. At most `maxInFlight` API requests are served at once; up to
 * `maxQueued` more wait for a turn, each at most `maxQueueWaitMs`; anything beyond is answered at once
 * with 503 `overloaded` and Retry-After, before it reads a session or touches the database. So in a burst
 * every client gets an answer within seconds — done, or a fast 503 it can retry — instead of waiting
 * behind the pool's (or PGlite's single connection's) queue until a proxy gives up on it while the work
 * still commits later.
 *
 * Health and readiness are exempt (a load balancer must see them), and so is everything outside /api
 * (static files do not use the database).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requestLocale } from './locale.js';
import { errorMessage } from './messages.js';
import { problem, sendProblem } from './problem.js';

export type LoadSheddingOptions = { maxInFlight: number; maxQueued: number; maxQueueWaitMs: number };

const EXEMPT = new Set(['/api/health', '/api/ready']);
const RETRY_AFTER_SECONDS = '2';

type Waiter = { admit: (admitted: boolean) => void };

/** The gate itself, without Fastify: `enter` resolves true (a slot is held) or false (shed). */
export function createGate(options: LoadSheddingOptions) {
  let inFlight = 0;
  const queue: Waiter[] = [];
  let shed = 0;

  function leave() {
    const next = queue.shift();
    if (next) next.admit(true);
    else inFlight--;
  }

  async function enter(abandoned: (onAbandon: () => void) => void): Promise<boolean> {
    if (inFlight < options.maxInFlight && queue.length === 0) {
      inFlight++;
      return true;
    }
    if (queue.length >= options.maxQueued || options.maxQueueWaitMs === 0) {
      shed++;
      return false;
    }
    return new Promise<boolean>((resolve) => {
      let settled = false;
      const waiter: Waiter = {
        admit(admitted) {
          if (settled) {
            // the slot was handed to a request that had given up meanwhile: pass it on
            if (admitted) leave();
            return;
          }
          settled = true;
          clearTimeout(timer);
          if (!admitted) shed++;
          resolve(admitted);
        },
      };
      const drop = () => {
        const at = queue.indexOf(waiter);
        if (at >= 0) queue.splice(at, 1);
        waiter.admit(false);
      };
      const timer = setTimeout(drop, options.maxQueueWaitMs);
      abandoned(drop);
      queue.push(waiter);
    });
  }

  return {
    enter,
    leave,
    stats: () => ({ inFlight, queued: queue.length, shed }),
  };
}

export function registerLoadShedding(app: FastifyInstance, options: LoadSheddingOptions) {
  const gate = createGate(options);
  app.decorate('loadShedding', { stats: gate.stats });
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/') || EXEMPT.has(path)) return;
    const admitted = await gate.enter((drop) => reply.raw.once('close', drop));
    if (!admitted) {
      reply.header('retry-after', RETRY_AFTER_SECONDS);
      const locale = requestLocale(request);
      return sendProblem(reply, problem(request, 503, 'overloaded', errorMessage('overloaded', locale)));
    }
    // 'close' comes once the response is sent or the client went away, whatever happened in between.
    reply.raw.once('close', gate.leave);
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    loadShedding: { stats: () => { inFlight: number; queued: number; shed: number } };
  }
}
