// What the card's tabs share: the form's type and the input props of a text field that refuses a
// change far beyond the field's limit (a 10 MB paste) with a message, keeping what was typed.
import type { ChangeEvent } from 'react';
import type { TFunction } from 'i18next';
import type { UseFormReturnType } from '@mantine/form';
import type { Lang } from '@shared/locale/lang';
import { formatNumber } from '@shared/locale/money';
import type { ProjectForm } from './project-form';

export type CardForm = UseFormReturnType<ProjectForm>;

/** What every tab of the card gets. */
export type TabProps = { form: CardForm; t: TFunction; lang: Lang; textProps: (path: string, max: number) => ReturnType<CardForm['getInputProps']> };

export function makeTextProps(form: CardForm, t: TFunction, lang: Lang) {
  return (path: string, max: number) => {
    const props = form.getInputProps(path);
    return {
      ...props,
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
        const value = e.currentTarget.value;
        if (value.length > max) {
          form.setFieldError(path, t('validation.paste_too_long', { count: formatNumber(value.length, lang), max: formatNumber(max, lang) }));
          return;
        }
        props.onChange(e);
      },
    };
  };
}

export const selectProps = { comboboxProps: { withinPortal: true }, clearable: true, searchable: true } as const;
