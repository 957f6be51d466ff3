// The kanban's own UI strings in Russian, Kazakh and English.
// Merged into i18next's resources at start (renderer/src/i18n/resources.ts); kk and en must have the keys of ru.
import type { Shape } from '../../i18n/types';

const ru = {
  kanban: {
    nav: 'Стадии (канбан)', title: 'Стадии (канбан)', limit: 'Показаны первые {{shown}} из {{total}}; уточните поиск', dragHint: 'Перетащите карточку в другую стадию или выберите стадию в карточке.',
    filtersApplied: 'Показаны проекты по фильтрам реестра (активных фильтров: {{count}})',
    moveTo: 'Перевести в стадию', dragHandle: 'Перетащить карточку (пробел — взять, стрелки — переместить)',
  },
} as const;

const kk: Shape<typeof ru> = {
  kanban: {
    nav: 'Кезеңдер (канбан)', title: 'Кезеңдер (канбан)', limit: '{{total}} ішінен алғашқы {{shown}} көрсетілді; іздеуді нақтылаңыз', dragHint: 'Карточканы басқа кезеңге сүйреңіз немесе карточкада кезеңді таңдаңыз.',
    filtersApplied: 'Тізілім сүзгілері бойынша жобалар көрсетілген (белсенді сүзгілер: {{count}})',
    moveTo: 'Кезеңге ауыстыру', dragHandle: 'Карточканы сүйреу (бос орын — алу, бағыттауыштар — жылжыту)',
  },
};

const en: Shape<typeof ru> = {
  kanban: {
    nav: 'Stages (kanban)', title: 'Stages (kanban)', limit: 'Showing the first {{shown}} of {{total}}; narrow the search', dragHint: 'Drag a card to another stage, or pick the stage on the card.',
    filtersApplied: 'Showing projects by the register filters (active filters: {{count}})',
    moveTo: 'Move to stage', dragHandle: 'Drag the card (Space to lift, arrows to move)',
  },
};

export const strings = { ru, kk, en };
