/** Endpoints of the applications feature; spread into the shared endpoint table (endpoints.ts). */
export const applicationsEndpoints = {} as const;
