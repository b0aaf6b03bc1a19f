/** The registry exports the server offers: GET /api/exports/{name}.{format} (regional admin only). */
export const REGISTRY_EXPORTS = ['centers', 'organizations', 'applications'] as const;
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type RegistryExport = (typeof REGISTRY_EXPORTS)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Each export's file endpoint in the shared endpoint table (links: `fileUrl(EXPORT_FILES[name][format])`). */
export const EXPORT_FILES = {
  centers: { csv: 'exportCentersCsv', xlsx: 'exportCentersXlsx' },
  organizations: { csv: 'exportOrganizationsCsv', xlsx: 'exportOrganizationsXlsx' },
  applications: { csv: 'exportApplicationsCsv', xlsx: 'exportApplicationsXlsx' },
} as const satisfies Record<RegistryExport, Record<ExportFormat, string>>;
