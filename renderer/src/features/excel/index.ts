// The register import from Excel / CSV: a page of its own at /import (reached from the board's
// «Импорт из Excel» button and the File menu), loaded on demand; ExcelJS runs in its worker.
import { IconFileImport } from '@tabler/icons-react';
import type { Feature } from '../../shell/types';
import { lazyView } from '../../shell/lazy';

/** The import page's path. */
export const IMPORT_PATH = '/import';

export const feature: Feature = {
  id: 'import',
  icon: IconFileImport,
  labelKey: 'import.nav',
  route: IMPORT_PATH,
  view: lazyView(() => import('./ImportPage'), (m) => m.ImportPage),
  kind: 'page',
  order: 15,
  showInNav: false,
  navParent: 'board',
  menu: 'file',
  commands: [{ id: 'import-excel', labelKey: 'import.action', hotkeys: [], menu: 'file', run: (shell) => shell.navigate(IMPORT_PATH) }],
};

export { AssignmentsExcelButton, BoardExcelActions } from './ExcelActions';
