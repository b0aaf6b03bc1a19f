/** Endpoints of the signups feature; spread into the shared endpoint table (endpoints.ts). */
export const signupsEndpoints = {} as const;
