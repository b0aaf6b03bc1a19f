/**
 * What people are told about squad leadership: the invitee gets an in-app notice and a mail in their own
 * language (both written in the caller's transaction; the caller dispatches the mail after commit), the
 * coordinator who invited gets an in-app notice when the invitation is accepted. A declined invitation
 * tells nobody (the coordinator's list simply no longer shows it).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { NotificationsService } from '../notifications/index.js';
import type { SquadsRepo } from './squads.repo.js';

export type SquadNoticeDeps = {
  notifications: NotificationsService;
  mailer: Mailer;
  /** The installation's public URL, for the link in the mail. */
  publicUrl: string;
};

export function createSquadNotices(deps: SquadNoticeDeps & { repo: SquadsRepo }) {
  const { notifications, mailer, publicUrl, repo } = deps;

  async function squadOf(squadId: string, trx: Kysely<Database>) {
    const squad = await repo.find(squadId, trx);
    if (!squad) throw new Error(`squad ${squadId} vanished inside its own transaction`);
    return squad;
  }

  return {
    /** Hands the mail written in a committed transaction to the delivery queue. */
    dispatch: (outboxIds: string[]) => (outboxIds.length ? mailer.dispatch(outboxIds) : Promise.resolve()),

    /** The invitee is told in-app and by mail; returns the outbox ids to dispatch after commit. */
    async leaderInvited(trx: Kysely<Database>, squadId: string, inviteeId: string): Promise<string[]> {
      const [squad, invitee] = await Promise.all([squadOf(squadId, trx), repo.person(inviteeId, trx)]);
      if (!invitee) return [];
      const link = `/squads/${squad.id}`;
      await notifications.notify(trx, [invitee.id], {
        kind: 'squad.leader_invited',
        link,
        params: { squadId: squad.id, squad: squad.name, center: squad.center_name },
      });
      return [
        await mailer.enqueue(trx, invitee.email, invitee.locale, {
          template: 'squad_leader_invitation',
          vars: {
            name: invitee.display_name,
            squad: squad.name,
            center: squad.center_name,
            link: `${publicUrl}${link}`,
          },
        }),
      ];
    },

    /** The coordinator who invited learns (in-app) that the invitation was accepted. */
    async leaderAccepted(
      trx: Kysely<Database>,
      squadId: string,
      inviterId: string | null,
      leader: { id: string; display_name: string },
    ) {
      if (!inviterId || inviterId === leader.id) return;
      const squad = await squadOf(squadId, trx);
      await notifications.notify(trx, [inviterId], {
        kind: 'squad.leader_accepted',
        link: `/squads/${squad.id}`,
        params: { squadId: squad.id, squad: squad.name, center: squad.center_name, who: leader.display_name },
      });
    },
  };
}
export type SquadNotices = ReturnType<typeof createSquadNotices>;
