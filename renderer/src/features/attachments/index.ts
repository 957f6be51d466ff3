// Attachments (вложения): the section other features place on a project card, a meeting page and
// an assignment card. No page of its own.
export { AttachmentsSection, formatSize } from './AttachmentsSection';
