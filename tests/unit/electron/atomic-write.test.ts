// Tests atomic writes against a real temp directory, including injected failures mid-write.
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileAtomicUnique, type AtomicWriteFs } from '../../../electron/main/atomic-write';

let dir: string;

beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'hattama-atomic-'));
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

const list = async () => (await fsp.readdir(dir)).sort();

describe('writeFileAtomic', () => {
  it('creates a file with the exact bytes and leaves no temp file', async () => {
    const target = path.join(dir, 'протокол.docx');
    await writeFileAtomic(target, new Uint8Array([0x50, 0x4b, 3, 4]));
    expect([...(await fsp.readFile(target))]).toEqual([0x50, 0x4b, 3, 4]);
    expect(await list()).toEqual(['протокол.docx']);
  });

  it('replaces an existing file', async () => {
    const target = path.join(dir, 'state.json');
    await fsp.writeFile(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(await fsp.readFile(target, 'utf8')).toBe('new');
    expect(await list()).toEqual(['state.json']);
  });

  it('keeps the old content and removes the temp file when the write fails midway', async () => {
    const target = path.join(dir, 'report.pdf');
    await fsp.writeFile(target, 'previous report');
    const failingFs: AtomicWriteFs = {
      ...fsp,
      open: (async (...args: Parameters<typeof fsp.open>) => {
        const handle = await fsp.open(...args);
        const realWrite = handle.writeFile.bind(handle);
        handle.writeFile = async (data) => {
          await realWrite(typeof data === 'string' ? data.slice(0, 3) : 'par');
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        };
        return handle;
      }) as typeof fsp.open,
    };
    await expect(writeFileAtomic(target, 'new report', { fs: failingFs })).rejects.toThrow(/ENOSPC/);
    expect(await fsp.readFile(target, 'utf8')).toBe('previous report');
    expect(await list()).toEqual(['report.pdf']);
  });

  it('cleans up when the rename fails (target is a directory)', async () => {
    const target = path.join(dir, 'taken');
    await fsp.mkdir(path.join(target, 'inner'), { recursive: true });
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(await list()).toEqual(['taken']);
  });

  it('fails without leaving anything when the directory does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'a.txt'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await list()).toEqual([]);
  });
});

describe('writeFileAtomicUnique', () => {
  const candidate = (attempt: number) => path.join(dir, attempt === 0 ? 'a.txt' : `a (${attempt + 1}).txt`);

  it('never replaces an existing file and picks the next free name', async () => {
    await fsp.writeFile(path.join(dir, 'a.txt'), 'first');
    await fsp.writeFile(path.join(dir, 'a (2).txt'), 'second');
    const written = await writeFileAtomicUnique(candidate, 'third');
    expect(written).toBe(path.join(dir, 'a (3).txt'));
    expect(await fsp.readFile(path.join(dir, 'a.txt'), 'utf8')).toBe('first');
    expect(await fsp.readFile(written, 'utf8')).toBe('third');
    expect(await list()).toEqual(['a (2).txt', 'a (3).txt', 'a.txt']);
  });

  it('gives concurrent writers distinct names', async () => {
    const written = await Promise.all(Array.from({ length: 8 }, (_, i) => writeFileAtomicUnique(candidate, `copy ${i}`)));
    expect(new Set(written).size).toBe(8);
    expect(await list()).toHaveLength(8);
    const contents = await Promise.all(written.map((p) => fsp.readFile(p, 'utf8')));
    expect(contents.sort()).toEqual(Array.from({ length: 8 }, (_, i) => `copy ${i}`).sort());
  });

  it('falls back to check-then-rename where hard links are unsupported', async () => {
    const noLinks: AtomicWriteFs = { ...fsp, link: async () => Promise.reject(Object.assign(new Error('EPERM'), { code: 'EPERM' })) };
    await fsp.writeFile(path.join(dir, 'a.txt'), 'first');
    const written = await writeFileAtomicUnique(candidate, 'second', { fs: noLinks });
    expect(written).toBe(path.join(dir, 'a (2).txt'));
    expect(await list()).toEqual(['a (2).txt', 'a.txt']);
  });
});
