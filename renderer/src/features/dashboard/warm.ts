// The dashboard opened as the first screen (a link or a restored window at #/dashboard): its two
// projections start reading at boot, while the view's code is still being fetched and the strings
// set up, instead of when the view first renders — the same as the board's store for the board.
import type { HattamaDb } from '../../db/db';
import { controlStoreOf } from './control-store';
import { factsStoreOf } from './facts-store';

export function warmDashboard(db: HattamaDb): void {
  void factsStoreOf(db).ready();
  void controlStoreOf(db).ready();
  void import('./DashboardPage');
}
