// Renderer entry: i18n, Mantine (theme, dates, notifications), the database, then the app.
import { StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider, MultiSelect, Notification, Select, createTheme, localStorageColorSchemeManager } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import { initI18n } from './i18n';
import { createServices, type Services } from './app/services';
import { ProjectStore } from './features/board/project-store';
import { App } from './App';
import { FEATURES } from './shell/registry';
import { currentHashPath } from './shell/routes';

const colorSchemeManager = localStorageColorSchemeManager({ key: 'hattama.theme' });

function Root({ services, store }: { services: Services; store: ProjectStore }) {
  const { t } = useTranslation();
  const closeLabel = t('actions.close');
  const theme = useMemo(
    () =>
      createTheme({
        primaryColor: 'blue',
        primaryShade: { light: 8, dark: 8 },
        fontFamily: '"Noto Sans", "DejaVu Sans", "Segoe UI", Roboto, Arial, sans-serif',
        defaultRadius: 'sm',
        components: {
          Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
          // A list opens on a click, on typing or on ↓ — not when Tab passes through the field (a
          // clerk tabbing through the card had every list pop open over the fields below it).
          Select: Select.extend({ defaultProps: { openOnFocus: false } }),
          MultiSelect: MultiSelect.extend({ defaultProps: { openOnFocus: false } }),
        },
      }),
    [closeLabel],
  );
  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={3} />
      <App services={services} store={store} />
    </MantineProvider>
  );
}

async function start() {
  performance.mark('hattama:boot');
  const services = createServices();
  const store = new ProjectStore(services.db);
  // The register is read at once when the first screen shows it (the board, the default, and the
  // kanban); any other screen reads it only if something on it asks (the store starts on subscribe),
  // so the dashboard or the minutes opened by a link do not wait behind 100,000 board rows. A
  // feature that declares `warm` starts its own reads at once when it is the first screen.
  const first = location.hash.replace(/^#/, '');
  if (first === '' || first === '/' || first.startsWith('/board') || first.startsWith('/kanban')) void store.load();
  const path = currentHashPath();
  FEATURES.find((f) => f.warm && (path === f.route || path.startsWith(`${f.route}/`)))?.warm?.(services.db);
  await initI18n();
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing');
  createRoot(root).render(
    <StrictMode>
      <Root services={services} store={store} />
    </StrictMode>,
  );
}

void start();
