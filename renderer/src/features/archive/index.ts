// The whole-workspace archive (.zip): the section Settings shows. No page of its own.
export { WorkspaceArchiveSection } from './WorkspaceArchiveSection';
