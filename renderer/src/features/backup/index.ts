// Backups of the local database: the Settings section (snapshot now, the stored list, restore with a
// preview) and the runner of automatic snapshots the app mounts once. No page of its own.
export { BackupSection } from './BackupSection';
export { AutoBackupRunner } from './AutoBackupRunner';
