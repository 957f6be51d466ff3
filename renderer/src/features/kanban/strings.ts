// The kanban's own UI strings in Russian, Kazakh and English.
// Merged into i18next's resources at start (renderer/src/i18n/resources.ts); kk and en must have the keys of ru.
import type { Shape } from '../../i18n/types';

const ru = {
  kanban: {
    nav: 'Стадии (канбан)', title: 'Стадии (канбан)', limit: 'Показаны первые {{shown}} из {{total}}; уточните поиск', dragHint: 'Перетащите карточку в другую стадию или выберите стадию в карточке.',
    filtersApplied: 'Показаны проекты по фильтрам реестра (активных фильтров: {{count}})',
    moveTo: 'Перевести в стадию', dragHandle: 'Перетащить карточку (пробел — взять, стрелки — переместить)',
    announce: {
      start: 'Взята карточка «{{title}}»', over: '«{{title}}» над стадией «{{stage}}»', outside: '«{{title}}» вне стадий',
      end: '«{{title}}» перенесена в стадию «{{stage}}»', cancel: 'Перенос «{{title}}» отменён',
      instructions: 'Пробел или Enter — взять карточку; стрелки влево и вправо — соседняя стадия; пробел или Enter — положить; Escape — отменить.',
    },
  },
} as const;

const kk: Shape<typeof ru> = {
  kanban: {
    nav: 'Кезеңдер (канбан)', title: 'Кезеңдер (канбан)', limit: '{{total}} ішінен алғашқы {{shown}} көрсетілді; іздеуді нақтылаңыз', dragHint: 'Карточканы басқа кезеңге сүйреңіз немесе карточкада кезеңді таңдаңыз.',
    filtersApplied: 'Тізілім сүзгілері бойынша жобалар көрсетілген (белсенді сүзгілер: {{count}})',
    moveTo: 'Кезеңге ауыстыру', dragHandle: 'Карточканы сүйреу (бос орын — алу, бағыттауыштар — жылжыту)',
    announce: {
      start: '«{{title}}» карточкасы алынды', over: '«{{title}}» «{{stage}}» кезеңінің үстінде', outside: '«{{title}}» кезеңдерден тыс',
      end: '«{{title}}» «{{stage}}» кезеңіне ауыстырылды', cancel: '«{{title}}» ауыстыру тоқтатылды',
      instructions: 'Бос орын немесе Enter — карточканы алу; солға және оңға бағыттауыштар — көрші кезең; бос орын немесе Enter — қою; Escape — болдырмау.',
    },
  },
};

const en: Shape<typeof ru> = {
  kanban: {
    nav: 'Stages (kanban)', title: 'Stages (kanban)', limit: 'Showing the first {{shown}} of {{total}}; narrow the search', dragHint: 'Drag a card to another stage, or pick the stage on the card.',
    filtersApplied: 'Showing projects by the register filters (active filters: {{count}})',
    moveTo: 'Move to stage', dragHandle: 'Drag the card (Space to lift, arrows to move)',
    announce: {
      start: 'Picked up “{{title}}”', over: '“{{title}}” is over the stage “{{stage}}”', outside: '“{{title}}” is outside the stages',
      end: '“{{title}}” moved to the stage “{{stage}}”', cancel: 'Moving “{{title}}” was cancelled',
      instructions: 'Space or Enter picks the card up; Left and Right arrows move it to the next stage; Space or Enter drops it; Escape cancels.',
    },
  },
};

export const strings = { ru, kk, en };
