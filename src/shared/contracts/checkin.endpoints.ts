/** Endpoints of the check-in feature; spread into the shared endpoint table (endpoints.ts). */
// biome-ignore lint/correctness/noUnusedImports: the feature's schemas are added here as it grows
import * as C from './checkin.js';

export const checkinEndpoints = {} as const;
