/** The actor a signed-in user is to the services, for tests that call a service directly. */
import type { Actor, Grant } from '../../src/server/platform/auth/actor.js';

export function userActor(user: { id: string; email: string }, grants: Grant[] = []): Actor {
  return {
    kind: 'user',
    userId: user.id,
    sessionId: 'test',
    email: user.email,
    mustChangePassword: false,
    grants,
  };
}
