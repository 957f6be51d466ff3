// The question a form with unsaved changes asks before it closes («Есть несохранённые изменения»):
// an alertdialog that takes the focus when it appears (its safe choice, «Продолжить
// редактирование»), keeps Tab among its buttons, and on that choice or Escape gives the focus back
// to where the clerk was (the field, or the button that asked). Mount it anew (a new `key`) each
// time the form asks, so that a question asked again takes the focus again.
import { useId, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { Button, FocusTrap, Group, Paper, Text } from '@mantine/core';
import { focusedElement } from './focus';

export type UnsavedQuestionProps = {
  title: string;
  /** What choosing the destructive answer does («Закрыть карточку, не сохраняя их?»). */
  description: string;
  keepLabel: string;
  discardLabel: string;
  onKeep: () => void;
  onDiscard: () => void;
  testId?: string;
};

/**
 * Where the focus goes back when the question goes: where it was if that is still on the page (and
 * not in the question), else the nearest dialog around the question (the drawer), else nothing.
 */
export function focusReturnTarget(was: HTMLElement | null, question: HTMLElement | null): HTMLElement | null {
  if (was && was.isConnected && !question?.contains(was)) return was;
  return question?.parentElement?.closest<HTMLElement>('[role=dialog]') ?? null;
}

export function UnsavedQuestion({ title, description, keepLabel, discardLabel, onKeep, onDiscard, testId = 'unsaved-question' }: UnsavedQuestionProps) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const was = useRef<HTMLElement | null>(null);
  // Before the focus trap moves the focus (it does so after a tick), remember where it was.
  useLayoutEffect(() => {
    was.current = focusedElement();
  }, []);
  const keep = () => {
    focusReturnTarget(was.current, ref.current)?.focus();
    onKeep();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    keep();
  };
  // The buttons carry data-mantine-stop-propagation so that the drawer or modal around leaves
  // their Escape to the question (it would otherwise ask to close again).
  return (
    <FocusTrap active>
      <Paper ref={ref} role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onKeyDown={onKeyDown}
        bg="var(--mantine-color-yellow-light)" radius="sm" px="md" py={6} data-testid={testId}>
        <Text id={`${id}-title`} size="sm" fw={700}>{title}</Text>
        <Text id={`${id}-text`} size="sm" mb={6}>{description}</Text>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={keep} data-autofocus data-mantine-stop-propagation="true" data-testid={`${testId}-keep`}>{keepLabel}</Button>
          <Button size="xs" color="red" variant="light" onClick={onDiscard} data-mantine-stop-propagation="true" data-testid={`${testId}-discard`}>{discardLabel}</Button>
        </Group>
      </Paper>
    </FocusTrap>
  );
}
