// The app's services, made once: database, repositories, clock, id generator, current clerk.
import i18next from 'i18next';
import { uuidv7 } from 'uuidv7';
import { REGIONS } from '@shared/geo/regions';
import { HattamaDb } from '../db/db';
import { createRepos, type Repos } from '../db/repos';
import type { RepoContext } from '../db/repository';

const USER_KEY = 'hattama.user';
const REGION_KEY = 'hattama.region';

/** `ctx`: what the repositories are made with (the Yjs document store opens documents with it). */
export type Services = { db: HattamaDb; repos: Repos; ctx: RepoContext };

/** The name a clerk who has given none is recorded under, in the interface's language. */
const UNNAMED: Record<string, string> = { ru: 'Секретарь', kk: 'Хатшы', en: 'Secretary' };

/** The clerk's display name recorded in the audit log. */
export function currentUser(): string {
  return globalThis.localStorage?.getItem(USER_KEY)?.trim() || (UNNAMED[i18next.language] ?? UNNAMED.ru!);
}

export function setCurrentUser(name: string) {
  globalThis.localStorage?.setItem(USER_KEY, name.trim().slice(0, 200));
}

/** The region this workplace serves: new projects and people start in it. */
export function workspaceRegion(): string {
  const saved = globalThis.localStorage?.getItem(REGION_KEY);
  return saved && REGIONS.some((r) => r.id === saved) ? saved : 'aktobe';
}

export function setWorkspaceRegion(regionId: string) {
  if (REGIONS.some((r) => r.id === regionId)) globalThis.localStorage?.setItem(REGION_KEY, regionId);
}

export function createServices(dbName = 'hattama'): Services {
  const db = new HattamaDb(dbName);
  const ctx: RepoContext = { db, now: () => new Date(), newId: () => uuidv7(), actor: currentUser };
  const repos = createRepos(ctx);
  return { db, repos, ctx };
}
