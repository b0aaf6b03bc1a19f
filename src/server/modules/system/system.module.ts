/** The system module's manifest: health, readiness and the web app's public settings (no services). */
import { defineModule } from '../../platform/module.js';
import { registerSystemRoutes } from './system.routes.js';

export type SystemModuleServices = Record<never, never>;

export const systemModule = defineModule({
  name: 'system',
  needs: [],
  create: (): SystemModuleServices => ({}),
  register: (app, _services, { handle, config, timeZone }) =>
    registerSystemRoutes(app, { handle, config, timeZone }),
});
