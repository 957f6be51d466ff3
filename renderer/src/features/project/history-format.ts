// How a changed field reads in a project's history: names instead of ids, tenge with scale
// words, dates as DD.MM.YYYY, stages and statuses in the UI language, barriers as a short list.
import type { TFunction } from 'i18next';
import type { Lang } from '@shared/locale/lang';
import { formatDate } from '@shared/locale/dates';
import { formatNumber, formatTenge } from '@shared/locale/money';
import { districtName, regionName, zoneName } from '@shared/geo/regions';
import { okedName } from '@shared/domain/oked';
import type { Barrier, StageLogEntry } from '@shared/domain/project.schema';

const MAX = 160;

function clip(s: string): string {
  return s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s;
}

/** The label of a project field in the history table. */
export function historyFieldLabel(field: string, t: TFunction): string {
  if (field === 'barriers') return t('project.tabs.barriers');
  if (field === 'stageLog') return t('project.stageLog');
  if (field === 'deletedAt') return t('history.delete');
  return t(`fields.${field}`, { defaultValue: field });
}

/** A field's value as the clerk reads it. */
export function historyValue(field: string, value: unknown, lang: Lang, t: TFunction, people: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  switch (field) {
    case 'regionId': return regionName(String(value), lang) || String(value);
    case 'districtId': return districtName(String(value), lang) || String(value);
    case 'zoneId': return zoneName(String(value), lang) || String(value);
    case 'okedSection': return `${String(value)} — ${okedName(String(value), lang)}`;
    case 'stage': return t(`stage.${String(value)}`);
    case 'status': return t(`status.${String(value)}`);
    case 'investmentTenge': return typeof value === 'number' ? formatTenge(value, lang) : String(value);
    case 'foreignSharePct': return `${String(value)}%`;
    case 'startDate':
    case 'plannedCommissioningDate':
    case 'actualCommissioningDate': return formatDate(String(value));
    case 'curatorId': return people.get(String(value)) ?? '—';
    case 'investorCountry': return new Intl.DisplayNames([lang], { type: 'region' }).of(String(value)) ?? String(value);
    case 'tags': return Array.isArray(value) ? value.join(', ') : String(value);
    case 'deletedAt': return formatDate(String(value));
    case 'barriers':
      return clip((value as Barrier[]).map((b) => `${t(`barrierKind.${b.kind}`)}: ${b.text}${b.resolvedOn ? ` (${t('fields.resolvedOn').toLowerCase()} ${formatDate(b.resolvedOn)})` : ''}`).join('; '));
    case 'stageLog': {
      const last = (value as StageLogEntry[]).at(-1);
      return last ? `${last.from ? t(`stage.${last.from}`) : '∅'} → ${t(`stage.${last.to}`)}` : '—';
    }
    default:
      if (typeof value === 'number') return formatNumber(value, lang, 2);
      return clip(typeof value === 'string' ? value : JSON.stringify(value));
  }
}
