// РЕШИЛИ of one agenda item: its decisions in order (1.1, 1.2 …), a new one being written, and
// «Добавить решение»; for a signed revision, the decisions as they were signed, as text.
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import type { DecisionLine, MinutesHeadings } from '@shared/domain/minutes-outline';
import { useApp } from '../../app/app-context';
import type { AssignmentRow } from '../../db/db';
import { DecisionRow, NewDecisionRow, type DecisionContext } from './DecisionRow';
import { useErrorMessage } from './messages';

type Props = {
  itemId: string;
  itemNumber: number;
  /** The item's decisions, in position order, with their numbers. */
  rows: readonly { row: AssignmentRow; number: string }[];
  ctx: DecisionContext;
  disabled: boolean;
};

export const DecisionList = memo(function DecisionList({ itemId, itemNumber, rows, ctx, disabled }: Props) {
  const { t } = useTranslation();
  const { repos } = useApp();
  const message = useErrorMessage();
  const [adding, setAdding] = useState(false);

  const create = async (text: string): Promise<boolean> => {
    try {
      await repos.ops.addDecision(itemId, {
        ...(ctx.lang === 'kk' ? { textKk: text } : { textRu: text }),
        projectIds: ctx.projectOptions.map((o) => o.value),
      });
      setAdding(false);
      return true;
    } catch (e) {
      notifications.show({ color: 'red', message: message(e).text });
      return false;
    }
  };

  return (
    <div className="minutes-decisions" role="group" aria-label={t('minutes.decisions', { number: itemNumber })} data-testid="decision-list" data-item-id={itemId}>
      {rows.map(({ row, number }) => <DecisionRow key={row.id} row={row} number={number} ctx={ctx} disabled={disabled} />)}
      {adding && <NewDecisionRow number={`${itemNumber}.${rows.length + 1}`} onCreate={create} onCancel={() => setAdding(false)} uiLang={ctx.uiLang} />}
      {!disabled && !adding && (
        <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)} className="minutes-no-print minutes-add-decision" data-testid="decision-add">
          {t('minutes.addDecision')}
        </Button>
      )}
    </div>
  );
});

/** Decisions as the signed document prints them: number, text, responsible, deadline. */
export function SignedDecisions({ decisions, headings }: { decisions: readonly DecisionLine[]; headings: MinutesHeadings }) {
  const { t } = useTranslation();
  return (
    <div className="minutes-decisions" data-testid="decision-list-signed">
      {decisions.map((d) => (
        <div key={d.id} className="minutes-decision" data-testid="decision-signed" data-number={d.number}>
          <Text component="p" className="minutes-line">
            <span className="minutes-decision-number">{d.number}.</span> {d.text}
            {d.untranslated && <Text span size="xs" c="orange" ml={6}>({t('minutes.untranslated')})</Text>}
          </Text>
          {d.responsible.length > 0 && <Text component="p" className="minutes-line minutes-indent">{headings.responsible}: {d.responsible.join(', ')}.</Text>}
          {d.deadline && <Text component="p" className="minutes-line minutes-indent">{headings.deadline}: {d.deadline}.</Text>}
        </div>
      ))}
    </div>
  );
}
