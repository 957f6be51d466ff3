// Drafts of the project card survive a closed window; bad or oversized drafts never break the card.
import { describe, expect, it } from 'vitest';
import { clearDraft, loadDraft, saveDraft } from '../../../renderer/src/features/project/draft-store';
import { toForm } from '../../../renderer/src/features/project/project-form';
import { projectFieldsSchema } from '@shared/domain/project.schema';

class MemoryStorage implements Storage {
  private m = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
  get length() { return this.m.size; }
  clear() { this.m.clear(); }
  getItem(k: string) { return this.m.get(k) ?? null; }
  key(i: number) { return [...this.m.keys()][i] ?? null; }
  removeItem(k: string) { this.m.delete(k); }
  setItem(k: string, v: string) {
    if (v.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.m.set(k, v);
  }
}

const values = toForm(projectFieldsSchema.parse({ title: 'Цех', investorName: 'ТОО «X»', regionId: 'aktobe', stage: 'idea', status: 'on_track', stageLog: [], barriers: [], tags: [] }));

describe('draft store', () => {
  it('keeps a draft per project and for the new-project card, and clears it', () => {
    const s = new MemoryStorage();
    expect(saveDraft(null, { values, savedAt: '2026-01-01T00:00:00.000Z', baseUpdatedAt: null }, s)).toBe(true);
    expect(saveDraft('p1', { values: { ...values, title: 'Другой' }, savedAt: '2026-01-01T00:00:00.000Z', baseUpdatedAt: 'x' }, s)).toBe(true);
    expect(loadDraft(null, s)?.values.title).toBe('Цех');
    expect(loadDraft('p1', s)?.values.title).toBe('Другой');
    clearDraft(null, s);
    expect(loadDraft(null, s)).toBeNull();
    expect(loadDraft('p1', s)).not.toBeNull();
  });

  it('reports a draft it cannot keep instead of throwing, and ignores a damaged one', () => {
    expect(saveDraft(null, { values, savedAt: 'x', baseUpdatedAt: null }, new MemoryStorage(10))).toBe(false);
    expect(saveDraft(null, { values: { ...values, notes: 'а'.repeat(2_000_000) }, savedAt: 'x', baseUpdatedAt: null }, new MemoryStorage())).toBe(false);
    const s = new MemoryStorage();
    s.setItem('hattama.draft.new', '{not json');
    expect(loadDraft(null, s)).toBeNull();
  });
});
