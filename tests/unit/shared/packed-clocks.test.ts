// Field clocks packed for storage come back exactly, equal clocks pack to equal strings whatever
// their field order, stored plain objects of earlier versions still read, and the packed form is
// much smaller than the plain one for a record written at once.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packClocks, readClocks, unpackClocks } from '@shared/sync/packed-clocks';

const stamp = fc.tuple(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 999 }), fc.constantFrom('0190abcd-0000-7000-8000-000000000001', 'client-b'))
  .map(([wall, counter, node]) => `${String(wall).padStart(15, '0')}-${counter.toString(36).padStart(6, '0')}-${node}`);
// Field names of set elements carry any text: quotes, commas, brackets, Kazakh letters.
const field = fc.oneof(fc.constantFrom('title', 'stage', 'tags/СЭЗ', 'tags/"a,b"]', 'tags/Қазақ'), fc.string({ minLength: 1, maxLength: 12 }));
const clocks = fc.dictionary(field, fc.oneof(stamp, stamp, fc.string({ maxLength: 20 })), { maxKeys: 15 });

describe('packed field clocks', () => {
  it('come back exactly', () => {
    fc.assert(fc.property(clocks, (c) => {
      expect(unpackClocks(packClocks(c))).toEqual(c);
    }), { numRuns: 500 });
  });

  it('pack a record stamped by one write (one stamp on every field) as one group, and back', () => {
    fc.assert(fc.property(fc.uniqueArray(field, { minLength: 1, maxLength: 15 }), fc.oneof(stamp, fc.string({ maxLength: 20 })), (names, one) => {
      const c = Object.fromEntries(names.map((n) => [n, one]));
      const packed = packClocks(c);
      expect(unpackClocks(packed)).toEqual(c);
      const sorted = [...names].sort();
      const m = /^(\d{15})-([0-9a-z]{6})-([A-Za-z0-9_-]{1,64})$/.exec(one);
      expect(JSON.parse(packed)).toEqual([m ? [m[1], m[3], [m[2], ...sorted]] : [one, ...sorted]]);
      // Whatever the order the fields come in.
      expect(packClocks(Object.fromEntries(names.reverse().map((n) => [n, one])))).toBe(packed);
    }), { numRuns: 300 });
  });

  it('pack equal clocks to equal strings whatever the order of their fields', () => {
    fc.assert(fc.property(clocks, (c) => {
      const reversed = Object.fromEntries(Object.entries(c).reverse());
      expect(packClocks(reversed)).toBe(packClocks(c));
    }), { numRuns: 300 });
  });

  it('store the wall time and node shared by the stamps of a record once: two fifths of the plain bytes', () => {
    // A project created at once: one clock ticking its counter field after field.
    const fields = ['title', 'investorName', 'regionId', 'districtId', 'okedSection', 'zoneId', 'investmentTenge', 'jobsPermanentPlanned', 'jobsConstructionPlanned', 'stage', 'status'];
    const c = Object.fromEntries(fields.map((f, i) => [f, `001735689600000-${i.toString(36).padStart(6, '0')}-0190abcd-0000-7000-8000-000000000001`]));
    const packed = packClocks(c);
    expect(packed.split('0190abcd-0000-7000-8000-000000000001')).toHaveLength(2);
    expect(packed.split('001735689600000')).toHaveLength(2);
    expect(packed.length).toBeLessThan(JSON.stringify(c).length * 0.42);
    expect(unpackClocks(packed)).toEqual(c);
  });

  it('keep a field named like an object key of JavaScript (found by the property above)', () => {
    const c = Object.fromEntries([['__proto__', '001735689600000-000001-node'], ['constructor', 'x']]);
    const back = unpackClocks(packClocks(c));
    expect(Object.keys(back).sort()).toEqual(['__proto__', 'constructor']);
    expect(back).toEqual(c);
  });

  it('keep values not shaped like a stamp whole', () => {
    const c = { title: 'not-a-stamp', stage: 'not-a-stamp', status: '001735689600000-000001-node' };
    expect(unpackClocks(packClocks(c))).toEqual(c);
  });

  it('read plain objects stored by earlier versions, and nothing as no clocks', () => {
    expect(readClocks({ title: 'x-1' })).toEqual({ title: 'x-1' });
    expect(readClocks(undefined)).toEqual({});
    expect(readClocks(packClocks({ stage: 'y-2' }))).toEqual({ stage: 'y-2' });
  });

  it('refuse what is not a packed form', () => {
    expect(() => unpackClocks('{"title":"x"}')).toThrow(/not a list/);
    expect(() => unpackClocks('[["only-a-stamp"]]')).toThrow(/malformed/);
    expect(() => unpackClocks('[[1,"title"]]')).toThrow(/malformed/);
    expect(() => unpackClocks('[["001735689600000","node",["000001"]]]')).toThrow(/malformed/);
    expect(() => unpackClocks('[["001735689600000",2,["000001","title"]]]')).toThrow(/malformed/);
  });
});
