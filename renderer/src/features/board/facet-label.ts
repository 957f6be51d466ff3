// How a facet value (district, zone, sector, stage, status) reads in the UI language.
import type { TFunction } from 'i18next';
import type { Lang } from '@shared/locale/lang';
import { districtName, zoneName } from '@shared/geo/regions';
import { okedName } from '@shared/domain/oked';
import type { Facet } from './board-filters';

/** Label of a facet value in the UI language. */
export function facetLabel(facet: Facet, value: string, lang: Lang, t: TFunction): string {
  if (!value) return t('fields.none');
  switch (facet) {
    case 'districtId': return districtName(value, lang) || value;
    case 'zoneId': return zoneName(value, lang) || value;
    case 'okedSection': return `${value} — ${okedName(value, lang)}`;
    case 'stage': return t(`stage.${value}`);
    case 'status': return t(`status.${value}`);
  }
}
