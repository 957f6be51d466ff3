// Colours of the dashboard's charts: the Okabe–Ito palette, told apart by readers with any of the
// common colour-vision deficiencies; the series that sit side by side never rely on red vs green.
import type { Execution } from '@shared/dashboard/aggregate';

export const OKABE_ITO = {
  orange: '#E69F00', sky: '#56B4E9', green: '#009E73', yellow: '#F0E442', blue: '#0072B2', vermillion: '#D55E00', purple: '#CC79A7', grey: '#999999',
} as const;

/** One series (volume or count of projects). */
export const SERIES = OKABE_ITO.blue;
/** A plan or "planned" against what was done. */
export const PLANNED = OKABE_ITO.sky;
export const DONE = OKABE_ITO.blue;
export const GROWTH = OKABE_ITO.vermillion;

export const EXECUTION_COLOR: Record<Execution, string> = {
  on_time: OKABE_ITO.green, late: OKABE_ITO.orange, overdue: OKABE_ITO.vermillion, pending: OKABE_ITO.sky,
};
