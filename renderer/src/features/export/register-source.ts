// What passports and briefing packs read, taken from the database at the moment the clerk exports
// (a one-off read for a document, not a view): live rows of the register, meetings, assignments and
// directories, with the UI's own words for stages and barrier kinds.
import type { DocLang } from '@shared/domain/meeting.schema';
import { todayIso } from '@shared/locale/dates';
import type { RegisterSource, SourceProject, SourceStat } from '@shared/export/register-input';
import { withStamp, type HattamaDb } from '../../db/db';
import { kk } from '../../i18n/kk';
import { ru } from '../../i18n/ru';

const alive = <T extends { alive: 0 | 1 }>(r: T) => r.alive === 1;

/** The register as a passport or a pack in `lang` reads it. */
export async function loadRegisterSource(db: HattamaDb, lang: DocLang): Promise<RegisterSource & { projects: SourceProject[]; stats: SourceStat[] }> {
  const [projects, barriers, assignments, meetings, agendaItems, organizations, people, stats] = await Promise.all([
    db.projects.toArray(), db.barriers.toArray(), db.assignments.toArray(), db.meetings.toArray(), db.agendaItems.toArray(),
    db.organizations.toArray(), db.people.toArray(), db.investmentStats.toArray(),
  ]);
  const words = lang === 'kk' ? kk : ru;
  return {
    lang,
    today: todayIso(Date.now()),
    labels: { stage: (s) => words.stage[s], barrierKind: (k) => words.barrierKind[k] },
    projects: projects.filter(alive),
    barriers: barriers.filter(alive),
    assignments: assignments.filter(alive),
    meetings: meetings.filter(alive),
    agendaItems: agendaItems.filter(alive),
    organizations: new Map(organizations.filter(alive).map((o) => [o.id, o])),
    people: new Map(people.filter(alive).map((p) => [p.id, p])),
    // With their stamps: of a year entered twice, the same figure counts on every replica.
    stats: stats.filter(alive).map(withStamp),
  };
}
