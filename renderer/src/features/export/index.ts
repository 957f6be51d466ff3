// Exports other features use: the export dialog, the passport and briefing-pack buttons, the batch
// export of extracts, and the workspace's export settings. No page of its own (yet).
export { ExportDialog, type ExportFormat } from './ExportDialog';
export { PackExportButton, PassportExportButton, exportMany, exportOne } from './RegisterExports';
export { BuiltPreview, DocumentPreview } from './DocumentPreview';
export { notifySaved, RevealButtons } from './SavedNotice';
export { ExportArchiveSection } from './ExportArchiveSection';
export { ExportSettingsSection } from './ExportSettingsSection';
export { loadExportSettings, saveExportSettings, useExportSettings, EXPORT_SETTINGS_KEY } from './export-settings-store';
