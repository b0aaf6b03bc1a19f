/** The volunteers module's manifest: profiles, consents, photos, squads. */
import { defineModule } from '../../platform/module.js';
import type { ConsentRecords, RoleGrants } from '../accounts/index.js';
import type { NetworkService } from '../network/index.js';
import type { NotificationsService } from '../notifications/index.js';
import type { ConsentChangeListener } from './consent-changes.js';
import { registerVolunteerRoutes } from './volunteers.routes.js';
import { createVolunteerServices, type VolunteerServices } from './volunteers.wiring.js';

export type VolunteersModuleServices = { volunteers: VolunteerServices };

type Needs = {
  network: NetworkService;
  notifications: NotificationsService;
  /** Squad leaders get and lose their role through the accounts module. */
  roles: RoleGrants;
  /** Consent records are written through the accounts module, which owns `consents`. */
  consentRecords: ConsentRecords;
  /** Told when a consent is withdrawn: the port the signups module implements. */
  consentChanges: ConsentChangeListener;
};

export const volunteersModule = defineModule({
  name: 'volunteers',
  needs: ['network', 'notifications', 'roles', 'consentRecords', 'consentChanges'],
  create: ({ db, clock, audit, mailer, config, files }, needs: Needs): VolunteersModuleServices => ({
    volunteers: createVolunteerServices({
      db,
      clock,
      audit,
      timeZone: () => needs.network.timeZone(),
      files,
      uploadMaxBytes: config.uploadMaxMb * 1_048_576,
      consentChanges: needs.consentChanges,
      notices: { notifications: needs.notifications, mailer, publicUrl: config.publicUrl },
      roles: needs.roles,
      consentRecords: needs.consentRecords,
    }),
  }),
  register: (app, { volunteers }) => registerVolunteerRoutes(app, volunteers),
});
