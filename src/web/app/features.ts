import { accountFeature } from '../pages/account/routes';
import { applicationsFeature } from '../pages/applications/routes';
import { authFeature } from '../pages/auth/routes';
import { centersFeature } from '../pages/centers/routes';
import { checkinFeature } from '../pages/checkin/routes';
import { monitoringFeature } from '../pages/monitoring/routes';
import { operatorFeature } from '../pages/operator/routes';
import { opportunitiesFeature } from '../pages/opportunities/routes';
import { organizationsFeature } from '../pages/organizations/routes';
import { planFeature } from '../pages/plan/routes';
import { scheduleFeature } from '../pages/schedule/routes';
import { signupsFeature } from '../pages/signups/routes';
import { volunteersFeature } from '../pages/volunteers/routes';

/**
 * The web app's features (see app/feature.ts), in route order: app/router.tsx mounts their routes under the
 * layout, main.tsx adds their messages to the catalogues (`addFeatureMessages`, typed in i18n/resources.ts).
 * A new feature is its folder plus one line here.
 */
export const features = [
  authFeature,
  accountFeature,
  centersFeature,
  organizationsFeature,
  applicationsFeature,
  monitoringFeature,
  planFeature,
  operatorFeature,
  volunteersFeature,
  opportunitiesFeature,
  signupsFeature,
  checkinFeature,
  scheduleFeature,
] as const;
