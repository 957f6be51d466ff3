// The app: the shell built from the feature registry, routed by the URL's hash (`#/board`,
// `#/projects/<id>`) — the app is served from app:// in Electron and from a static server in the
// browser, where only the hash is the app's own — and the daily reminder of assignments due.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Router, useLocation } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import type { AppParts } from './app/app-context';
import { useDailyReminders } from './app/reminders';
import { getHost } from './host';
import type { HattamaDb } from './db/db';
import { FEATURES } from './shell/registry';
import { Shell } from './shell/Shell';
import { AutoBackupRunner } from './features/backup';

function DailyReminders({ db }: { db: HattamaDb }) {
  const { t } = useTranslation();
  const [, go] = useLocation();
  const open = useCallback(() => go('/assignments'), [go]);
  useDailyReminders(db, getHost, t, open);
  return null;
}

export function App({ services, store }: AppParts) {
  return (
    <Router hook={useHashLocation}>
      <Shell services={services} store={store} features={FEATURES} />
      <DailyReminders db={services.db} />
      <AutoBackupRunner db={services.db} />
    </Router>
  );
}
