/** Endpoints of the volunteers feature; spread into the shared endpoint table (endpoints.ts). */
export const volunteersEndpoints = {} as const;
