/** The registry exports the server offers: GET /api/exports/{name}.{format} (regional admin only). */
export const REGISTRY_EXPORTS = ['centers', 'organizations', 'applications'] as const;
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type RegistryExport = (typeof REGISTRY_EXPORTS)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportHref = (name: RegistryExport, format: ExportFormat) => `/api/exports/${name}.${format}`;
