// Projects of the register picked for an agenda item: a search over the board's rows (title,
// investor and every other text the board searches), the first matches listed with their
// investor; Enter takes the first. The chosen ones are listed with a button to take each off.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { ActionIcon, Group, Input, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconPlus, IconSearch, IconX } from '@tabler/icons-react';
import type { BoardRow } from '../../db/db';
import { boardRowsOf, findBoardRows } from '../../db/projections';
import { useApp } from '../../app/app-context';

const LIMIT = 8;
/** How many matches are read to rank: those found by title or investor come first. */
const READ = 60;

/** The words of a search, lower-cased as the board's search text is. */
export function searchWords(query: string): string[] {
  return query.toLocaleLowerCase('ru').split(/\s+/).filter(Boolean);
}

/** Whether a board row has every word. */
export function rowMatches(row: Pick<BoardRow, 'search'>, words: readonly string[]): boolean {
  return words.every((w) => row.search.includes(w));
}

/** Matches by title or investor first (the board's search also reads notes, tags, places…), then by title. */
export function rankRows<T extends Pick<BoardRow, 'title' | 'investorName'>>(rows: readonly T[], words: readonly string[], lang: string): T[] {
  const named = (r: T) => words.every((w) => `${r.title} ${r.investorName}`.toLocaleLowerCase('ru').includes(w));
  return [...rows].sort((a, b) => Number(named(b)) - Number(named(a)) || a.title.localeCompare(b.title, lang));
}

export type ProjectTitle = { id: string; title: string; investorName: string };

export function ProjectPicker({ value, onChange, label }: { value: readonly string[]; onChange: (ids: string[]) => void; label: string }) {
  const { t, i18n } = useTranslation();
  const { db } = useApp();
  const [query, setQuery] = useState('');
  const words = searchWords(query);
  const chosen = new Set(value);
  const found = useLiveQuery(
    async () => (words.length === 0 ? [] : rankRows(await findBoardRows(db, (r) => !chosen.has(r.id) && rowMatches(r, words), READ), words, i18n.language).slice(0, LIMIT)),
    [db, query, value.join(','), i18n.language],
  );
  const titles = useLiveQuery(async () => (await boardRowsOf(db, value)).filter((r): r is BoardRow => r !== undefined), [db, value.join(',')]) ?? [];
  const titleOf = new Map(titles.map((r) => [r.id, r]));
  const add = (id: string) => {
    if (!chosen.has(id)) onChange([...value, id]);
    setQuery('');
  };

  return (
    <Stack gap={6}>
      <Input.Label component="div">{label}</Input.Label>
      {value.length > 0 && (
        <Stack gap={4} data-testid="agenda-projects-chosen">
          {value.map((id) => {
            const row = titleOf.get(id);
            const title = row?.title ?? '—';
            return (
              <Paper key={id} withBorder px="xs" py={4} data-testid="agenda-project-chosen" data-project-id={id}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600} lineClamp={2}>{title}</Text>
                    {row?.investorName && <Text size="xs" c="dimmed" lineClamp={1}>{row.investorName}</Text>}
                  </div>
                  <ActionIcon variant="subtle" color="gray" aria-label={t('meetings.agenda.projectRemove', { title })} onClick={() => onChange(value.filter((v) => v !== id))}>
                    <IconX size={16} />
                  </ActionIcon>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
      <TextInput
        aria-label={t('meetings.agenda.projectSearch')}
        placeholder={t('meetings.agenda.projectSearch')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            const first = found?.[0];
            if (first) add(first.id);
          }
        }}
        maxLength={200}
        autoComplete="off"
        data-testid="agenda-project-search"
      />
      {words.length === 0 ? <Text size="xs" c="dimmed">{t('meetings.agenda.projectTypeToSearch')}</Text>
        : found && found.length === 0 ? <Text size="xs" c="dimmed" data-testid="agenda-project-none">{t('meetings.agenda.projectNone')}</Text>
          : (
            <Stack gap={2} data-testid="agenda-project-results">
              {(found ?? []).map((r) => (
                <UnstyledButton key={r.id} onClick={() => add(r.id)} aria-label={t('meetings.agenda.projectAdd', { title: r.title })}
                  data-testid="agenda-project-result" data-project-id={r.id}
                  style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '4px 8px', borderRadius: 4, border: '1px solid var(--mantine-color-default-border)' }}>
                  <IconPlus size={14} aria-hidden style={{ flexShrink: 0 }} />
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" lineClamp={1}>{r.title}</Text>
                    <Text size="xs" c="dimmed" lineClamp={1}>{r.investorName}</Text>
                  </div>
                </UnstyledButton>
              ))}
            </Stack>
          )}
    </Stack>
  );
}
