// What the card's tabs share: the form's type and the input props of a text field that refuses a
// change far beyond the field's limit (a 10 MB paste) with a message, keeping what was typed.
import type { ChangeEvent, FocusEvent } from 'react';
import type { TFunction } from 'i18next';
import type { UseFormReturnType } from '@mantine/form';
import type { Lang } from '@shared/locale/lang';
import { longPasteMessage } from '../../app/long-paste';
import type { ProjectForm } from './project-form';

export type CardForm = UseFormReturnType<ProjectForm>;

/** What every tab of the card gets. */
export type TabProps = { form: CardForm; t: TFunction; lang: Lang; textProps: (path: string, max: number) => ReturnType<CardForm['getInputProps']> };

/**
 * The input props of a text field of the card. A change beyond `max` is refused with a message and
 * the field keeps what it held; the message stays (leaving the field checks it, which would
 * otherwise put «Обязательное поле» or nothing in its place) until the clerk changes the field.
 * `refused` holds those messages by field, across renders.
 */
export function makeTextProps(form: CardForm, t: TFunction, lang: Lang, refused: Map<string, string>) {
  return (path: string, max: number) => {
    const props = form.getInputProps(path);
    return {
      ...props,
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
        const message = longPasteMessage(e.currentTarget.value, max, t, lang);
        if (message !== null) {
          refused.set(path, message);
          form.setFieldError(path, message);
          return;
        }
        refused.delete(path);
        props.onChange(e);
      },
      onBlur: (e: FocusEvent) => {
        (props.onBlur as ((e: FocusEvent) => void) | undefined)?.(e);
        const message = refused.get(path);
        if (message !== undefined) form.setFieldError(path, message);
      },
    };
  };
}

export const selectProps = { comboboxProps: { withinPortal: true }, clearable: true, searchable: true } as const;
