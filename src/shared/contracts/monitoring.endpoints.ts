/** Endpoints of the monitoring feature; spread into the shared endpoint table (endpoints.ts). */
export const monitoringEndpoints = {} as const;
