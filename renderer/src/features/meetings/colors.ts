// The colours the meetings use: the minutes' status (badges are tinted; their text keeps the body colour).
import type { MinutesStatus } from '@shared/domain/meeting.schema';

export const MINUTES_COLOR: Record<MinutesStatus | 'none', string> = { none: 'gray', draft: 'yellow', agreed: 'blue', signed: 'teal' };

/** Badge text in the body colour: every tint reads at AA contrast. */
export const BADGE_TEXT = { label: { color: 'var(--mantine-color-text)' } } as const;

/** A hint's colour (a warning, not an error), dark enough to read on either scheme. */
export const HINT_COLOR = { light: 'var(--mantine-color-orange-9)', dark: 'var(--mantine-color-orange-4)' } as const;
