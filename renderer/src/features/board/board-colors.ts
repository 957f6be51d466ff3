// The colours of stages and statuses, shared by the board's cells and the kanban's badges.
import type { ProjectStatus, Stage } from '@shared/domain/project.schema';

export const STATUS_COLOR: Record<ProjectStatus, string> = { on_track: 'teal', at_risk: 'orange', blocked: 'red' };
export const STAGE_COLOR: Record<Stage, string> = {
  idea: 'gray', negotiation: 'grape', design: 'indigo', construction: 'blue', commissioning: 'cyan', operating: 'teal', suspended: 'orange', cancelled: 'dark',
};
