/** Endpoints of the opportunities feature; spread into the shared endpoint table (endpoints.ts). */
export const opportunitiesEndpoints = {} as const;
