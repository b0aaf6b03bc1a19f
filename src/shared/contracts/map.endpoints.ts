/** Endpoints of the map feature; spread into the shared endpoint table (endpoints.ts). */
export const mapEndpoints = {} as const;
