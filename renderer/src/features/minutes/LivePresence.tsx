// «Также редактирует: …» — the other clerks who have the same minutes open live, each in the
// colour of their caret in the text.
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveUser } from '@shared/sync/live';

export function LivePresence({ others }: { others: LiveUser[] }) {
  const { t } = useTranslation();
  if (others.length === 0) return null;
  const [before, after] = t('minutes.live.alsoEditing', { names: '\u0000' }).split('\u0000');
  return (
    <div className="minutes-presence" role="status" aria-label={t('minutes.live.alsoEditingLabel')} data-testid="minutes-presence">
      <span>{before}</span>
      {others.map((u, i) => (
        <Fragment key={u.name}>
          {i > 0 && <span>, </span>}
          <span className="minutes-presence-dot" style={{ backgroundColor: u.color }} aria-hidden />
          <span className="minutes-presence-name">{u.name}</span>
        </Fragment>
      ))}
      {after && <span>{after}</span>}
    </div>
  );
}
