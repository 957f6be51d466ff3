// Settings kept for this computer only, derived from the records and rebuilt when missing: the
// board's, the control rows' and the dashboard's saved snapshots, and the projections' bases
// (projections.ts). For a large register they hold megabytes: backups and workspace archives
// leave them out. A leaf module, so the backup's worker reads the list without the database code.

/** The bases of the board rows and of the control rows (projections.ts). */
export const BOARD_BASE = 'board.base';
export const CONTROL_BASE = 'control.base';

export const LOCAL_SETTINGS: readonly string[] = ['board.snapshot', 'control.snapshot', 'dashboard.facts', BOARD_BASE, CONTROL_BASE];
