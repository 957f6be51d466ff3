// Runs the automatic snapshots for the app's database while the app is open (desktop only: the
// browser host keeps no snapshots, and startAutoBackup does nothing there).
import { useEffect } from 'react';
import type { HattamaDb } from '../../db/db';
import { getHost } from '../../host';
import { loadBackupSettings, startAutoBackup, type AutoBackup } from '../../backup/auto-backup';

export function AutoBackupRunner({ db }: { db: HattamaDb }) {
  useEffect(() => {
    let running: AutoBackup | null = null;
    let stopped = false;
    void startAutoBackup({
      db, host: getHost(), now: () => new Date(), settings: loadBackupSettings,
      warn: (message, error) => console.warn(`[hattama] ${message}`, error),
    }).then((auto) => {
      if (stopped) auto?.stop();
      else running = auto;
    }).catch((e: unknown) => console.warn('[hattama] Automatic backups are off', e));
    return () => {
      stopped = true;
      running?.stop();
    };
  }, [db]);
  return null;
}
