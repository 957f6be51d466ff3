// A pull page's changes written compact (the stamp most fields share once) read back as the very
// change rows the server holds, whatever their fields and stamps; a compact page is much smaller
// than the whole one for records written at once; a malformed compact change is refused, and the
// whole form (an older server's) still reads.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compactChange, pullResponseSchema, type ChangeRow } from '@shared/sync/contract';

const stamp = fc.tuple(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 999 }), fc.constantFrom('0190abcd-0000-7000-8000-000000000001', 'client-b'))
  .map(([wall, counter, node]) => `${String(wall).padStart(15, '0')}-${counter.toString(36).padStart(6, '0')}-${node}`);
const field = fc.constantFrom('title', 'stage', 'investmentTenge', 'deletedAt', 'deadline', 'tags/СЭЗ', 'tags/"a,b"]', 'projectIds/0190abcd-0000-7000-8000-000000000001');
const value = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.constant(null), fc.boolean(), fc.record({ kind: fc.constant('date'), due: fc.constant('2026-06-30') }));
const change = fc.record({
  version: fc.integer({ min: 1, max: 1e9 }),
  table: fc.constantFrom('projects', 'barriers', 'assignments', 'people'),
  recordId: fc.constantFrom('0190abcd-0000-7000-8000-000000000002', '01a229c4-d172-7ffa-98cf-883d9cb9cc59'),
  // Stamps from a small pool, so that a change often has several fields under one stamp and some under others.
  fields: fc.array(stamp, { minLength: 1, maxLength: 3 }).chain((pool) => fc.dictionary(field, fc.record({ value, hlc: fc.constantFrom(...pool) }), { maxKeys: 8 })),
  by: fc.option(fc.constantFrom('Айгерим Сапарова', 'seeder'), { nil: undefined }),
  at: fc.option(fc.constant('2026-11-30T01:00:00.000Z'), { nil: undefined }),
}).map((c): ChangeRow => {
  const row: ChangeRow = { version: c.version, table: c.table, recordId: c.recordId, fields: c.fields };
  if (c.by !== undefined) row.by = c.by;
  if (c.at !== undefined) row.at = c.at;
  return row;
});

const page = (changes: unknown[]) => ({ changes, docs: [], version: 9, more: false, serverTime: 1_700_000_000_000 });
/** A page as the client reads it: JSON over the wire, then checked. */
const read = (changes: unknown[]) => pullResponseSchema.parse(JSON.parse(JSON.stringify(page(changes)))).changes;

describe('compact pull changes', () => {
  it('read back as the very change rows, whatever their fields and stamps', () => {
    fc.assert(fc.property(fc.array(change, { maxLength: 6 }), (changes) => {
      expect(read(changes.map(compactChange))).toEqual(changes);
    }), { numRuns: 500 });
  });

  it('write the stamp of a change made by one write once, with its values by name', () => {
    const hlc = '001795997094258-000000-c134766744e17';
    const row: ChangeRow = {
      version: 10001, table: 'assignments', recordId: '01a229c4-d172-7ffa-98cf-883d9cb9cc59', by: 'seeder', at: '2026-11-30T01:00:00.000Z',
      fields: {
        status: { value: 'open', hlc }, textRu: { value: 'Обеспечить подключение объекта № 10000 к инженерным сетям', hlc },
        deadline: { value: { due: '2026-06-30', kind: 'date' }, hlc }, deletedAt: { value: null, hlc }, 'projectIds/0190abcd-0000-7000-8000-000000000001': { value: true, hlc },
      },
    };
    const compact = compactChange(row);
    expect(compact).toEqual({
      version: 10001, table: 'assignments', recordId: row.recordId, by: 'seeder', at: row.at, hlc,
      values: { status: 'open', textRu: row.fields.textRu!.value, deadline: { due: '2026-06-30', kind: 'date' }, deletedAt: null, 'projectIds/0190abcd-0000-7000-8000-000000000001': true },
    });
    // 5,000 such changes: the compact page is well under three quarters of the whole one.
    const many = Array.from({ length: 5000 }, (_, i) => ({ ...row, version: i + 1 }));
    const whole = JSON.stringify(page(many)).length;
    const small = JSON.stringify(page(many.map(compactChange))).length;
    expect(small / whole).toBeLessThan(0.7);
  });

  it('keep the fields stamped otherwise than most as they are', () => {
    const a = '001795997094258-000000-clienta';
    const b = '001795997099999-000003-clientb';
    const row: ChangeRow = { version: 7, table: 'projects', recordId: '0190abcd-0000-7000-8000-000000000002', fields: { title: { value: 'Завод', hlc: b }, stage: { value: 'design', hlc: a }, status: { value: 'at_risk', hlc: a } } };
    expect(compactChange(row)).toEqual({ version: 7, table: 'projects', recordId: row.recordId, hlc: a, values: { stage: 'design', status: 'at_risk' }, fields: { title: { value: 'Завод', hlc: b } } });
    // A change without fields stays whole, and reads as it was.
    const empty: ChangeRow = { version: 8, table: 'projects', recordId: row.recordId, fields: {} };
    expect(compactChange(empty)).toBe(empty);
    expect(read([compactChange(row), empty])).toEqual([row, empty]);
  });

  it('refuse a malformed compact change, and read the whole form of an older server', () => {
    const hlc = '001795997094258-000000-clienta';
    const good = { version: 7, table: 'projects', recordId: '0190abcd-0000-7000-8000-000000000002', hlc, values: { title: 'Завод' } };
    expect(read([good])).toEqual([{ version: 7, table: 'projects', recordId: good.recordId, fields: { title: { value: 'Завод', hlc } } }]);
    for (const bad of [
      { ...good, hlc: '2030-01-01' }, // not a stamp
      { ...good, hlc: undefined }, // no stamp
      { ...good, values: { title: 'Завод' }, fields: { title: { value: 'Другой', hlc } } }, // one field twice
      { ...good, values: { '<b>x</b>': 1 } }, // not a field name
      { ...good, values: { [`tags/${'я'.repeat(150)}`]: true } }, // a field name too long
      { ...good, values: { title: 'Завод', '': 1 } },
      { ...good, values: JSON.parse('{"__proto__": {"admin": true}}') as unknown },
      { ...good, values: ['Завод'] },
      { ...good, values: null },
      { ...good, table: 'users' }, // not a synced table
      { ...good, extra: 1 }, // a key the contract does not know
      { ...good, fields: { stage: { value: 'design' } } }, // a field without its stamp
    ]) expect(pullResponseSchema.safeParse(page([bad])).success, JSON.stringify(bad)).toBe(false);
  });
});
