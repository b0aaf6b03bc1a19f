/** Endpoints of the plan feature; spread into the shared endpoint table (endpoints.ts). */
export const planEndpoints = {} as const;
