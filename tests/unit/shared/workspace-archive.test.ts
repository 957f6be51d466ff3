// The workspace archive's format: what it packs, and that reading refuses anything tampered with
// (a changed byte, a missing or extra file, a forged manifest, an invalid record, a zip bomb) —
// a refused archive returns nothing, so nothing can be written from it.
import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import {
  ArchiveError, MANIFEST_PATH, base64ToBytes, buildWorkspaceArchive, bytesToBase64, readWorkspaceArchive, type WorkspaceContent,
} from '../../../shared/archive/workspace-archive';
import { SYNCED_TABLES, type SyncedTable } from '../../../shared/sync/contract';
import { MAX_ATTACHMENT_BYTES, checkAttachment, extensionOf, isDangerousFile, safeFileName } from '../../../shared/attachments/policy';

const sha256 = async (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const AT = '2026-03-12T05:00:00.000Z';

function sample(): WorkspaceContent {
  const projectId = uuidv7();
  const photo = strToU8('фото площадки');
  const photoSha = createHash('sha256').update(photo).digest('hex');
  const tables = Object.fromEntries(SYNCED_TABLES.map((t) => [t, []])) as unknown as Record<SyncedTable, WorkspaceContent['data']['tables'][SyncedTable]>;
  tables.projects = [{
    id: projectId, createdAt: AT, updatedAt: AT, deletedAt: null,
    title: 'Завод ферросплавов', investorName: 'ТОО «Актобе Ферро»', regionId: 'aktobe', stage: 'construction', status: 'on_track', tags: ['СЭЗ'],
  }];
  tables.attachments = [{
    id: uuidv7(), createdAt: AT, updatedAt: AT, deletedAt: null,
    ownerKind: 'project', ownerId: projectId, fileName: 'Фото площадки.jpg', mimeType: 'image/jpeg', size: photo.byteLength, sha256: photoSha, addedBy: 'Секретарь', addedAt: AT,
  }];
  return {
    data: {
      tables,
      fieldClocks: [{ key: `projects/${projectId}`, clock: { title: '001768021200000-000001-node' } }],
      settings: [{ key: 'export.settings', value: { organization: 'Штаб' } }],
      docUpdates: [{ docId: `minutes/${uuidv7()}/ru`, update: new Uint8Array([1, 2, 3, 250]), at: AT }],
      outbox: [],
      auditLog: [{ at: AT, actor: 'Секретарь', table: 'projects', recordId: projectId, action: 'create', changes: [{ field: 'title', from: null, to: 'Завод ферросплавов' }] }],
    },
    files: new Map([[photoSha, photo]]),
  };
}

const build = (content = sample()) => buildWorkspaceArchive(content, { appVersion: '0.7.0', schemaVersion: 7, now: new Date(AT), sha256 });
const read = (bytes: Uint8Array) => readWorkspaceArchive(bytes, { sha256, maxSchemaVersion: 7 });

/** Unpacks, lets `edit` change the files, packs again. */
function repack(bytes: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  edit(files);
  return zipSync(files);
}
function editManifest(bytes: Uint8Array, edit: (m: Record<string, unknown>) => void): Uint8Array {
  return repack(bytes, (files) => {
    const m = JSON.parse(strFromU8(files[MANIFEST_PATH] as Uint8Array)) as Record<string, unknown>;
    edit(m);
    files[MANIFEST_PATH] = strToU8(JSON.stringify(m));
  });
}
async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await read(bytes);
  } catch (e) {
    if (e instanceof ArchiveError) return e.code;
    throw e;
  }
  throw new Error('the archive was accepted');
}

describe('attachment policy', () => {
  it('takes files up to 25 MB and refuses empty and larger ones', () => {
    expect(checkAttachment('акт.pdf', MAX_ATTACHMENT_BYTES)).toBeNull();
    expect(checkAttachment('акт.pdf', MAX_ATTACHMENT_BYTES + 1)).toBe('too_big');
    expect(checkAttachment('акт.pdf', 0)).toBe('empty');
    expect(checkAttachment('  ', 10)).toBe('no_name');
  });

  it('never opens programs, scripts, macro documents or HTML; photos and PDFs it does', () => {
    for (const n of ['setup.EXE', 'run.bat', 'x.ps1', 'отчёт.docm', 'page.html', 'icon.svg', 'a.js', 'link.lnk', 'app.dmg', 'x.sh ']) expect(isDangerousFile(n), n).toBe(true);
    for (const n of ['Фото.jpg', 'акт.pdf', 'протокол.docx', 'реестр.xlsx', 'заметки.txt']) expect(isDangerousFile(n), n).toBe(false);
    expect(isDangerousFile('report', 'text/html')).toBe(true);
    expect(extensionOf('.bashrc')).toBe('');
    expect(safeFileName('../..\\Фото: площадка?.jpg')).toBe('.._.._Фото_ площадка_.jpg'.replace(/^\.+/, ''));
  });
});

describe('workspace archive', () => {
  it('round-trips base64 of every length', () => {
    for (let n = 0; n < 8; n++) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 200) % 256);
      expect(bytesToBase64(b)).toBe(Buffer.from(b).toString('base64'));
      expect(base64ToBytes(bytesToBase64(b))).toEqual(b);
    }
  });

  it('packs data, attachments and a manifest with versions, counts and every checksum, and reads it back the same', async () => {
    const content = sample();
    const bytes = await build(content);
    const names = Object.keys(unzipSync(bytes)).sort();
    expect(names).toContain('manifest.json');
    expect(names).toContain('data/projects.json');
    expect(names).toContain(`attachments/${[...content.files.keys()][0]}`);
    const { manifest, content: back } = await read(bytes);
    expect(manifest).toMatchObject({ format: 'hattama-workspace', appVersion: '0.7.0', schemaVersion: 7, createdAt: AT });
    expect(manifest.counts).toMatchObject({ projects: 1, attachments: 1, attachmentFiles: 1, docUpdates: 1, auditLog: 1 });
    expect(manifest.files).toHaveLength(names.length - 1);
    const unpacked = unzipSync(bytes);
    for (const f of manifest.files) expect(f.sha256).toBe(await sha256(unpacked[f.path] ?? new Uint8Array()));
    expect(back.data).toEqual(content.data);
    expect(back.files).toEqual(content.files);
  });

  it('refuses a changed byte in a data file or an attachment', async () => {
    const bytes = await build();
    expect(await refusal(repack(bytes, (f) => { f['data/projects.json'] = strToU8(strFromU8(f['data/projects.json'] as Uint8Array).replace('ферросплавов', 'ферросплавoв')); }))).toBe('checksum');
    const sha = [...sample().files.keys()][0] ?? '';
    expect(await refusal(repack(bytes, (f) => { const b = f[`attachments/${sha}`] as Uint8Array; b[0] = (b[0] ?? 0) ^ 1; }))).toBe('checksum');
  });

  it('refuses a tampered record even when the manifest was forged to match it', async () => {
    const bytes = await build();
    const forged = repack(bytes, (f) => {
      const rows = JSON.parse(strFromU8(f['data/projects.json'] as Uint8Array)) as Record<string, unknown>[];
      (rows[0] as Record<string, unknown>).stage = 'teleported';
      const data = strToU8(JSON.stringify(rows));
      f['data/projects.json'] = data;
      const m = JSON.parse(strFromU8(f[MANIFEST_PATH] as Uint8Array)) as { files: { path: string; sha256: string; size: number }[] };
      const entry = m.files.find((e) => e.path === 'data/projects.json');
      if (entry) Object.assign(entry, { sha256: createHash('sha256').update(data).digest('hex'), size: data.byteLength });
      f[MANIFEST_PATH] = strToU8(JSON.stringify(m));
    });
    await expect(read(forged)).rejects.toThrow(/bad_record.*projects\[0\].*stage/);
  });

  it('refuses a missing file, an extra file, no manifest, a bad manifest, wrong counts, a newer schema, and bytes that are not a zip', async () => {
    const bytes = await build();
    expect(await refusal(repack(bytes, (f) => { delete f['data/settings.json']; }))).toBe('missing_file');
    expect(await refusal(repack(bytes, (f) => { f['evil.exe'] = new Uint8Array([1]); }))).toBe('extra_file');
    expect(await refusal(repack(bytes, (f) => { delete f[MANIFEST_PATH]; }))).toBe('no_manifest');
    expect(await refusal(editManifest(bytes, (m) => { m.format = 'other'; }))).toBe('bad_manifest');
    expect(await refusal(editManifest(bytes, (m) => { (m.counts as Record<string, number>).projects = 2; }))).toBe('count_mismatch');
    expect(await refusal(editManifest(bytes, (m) => { m.schemaVersion = 99; }))).toBe('newer_schema');
    expect(await refusal(strToU8('PK not really a zip'))).toBe('not_zip');
  });

  it('refuses an attachment file not named by its own hash', async () => {
    const content = sample();
    const [sha, photo] = [...content.files][0] ?? ['', new Uint8Array()];
    const wrong = 'f'.repeat(64);
    const bytes = await build({ ...content, files: new Map([[wrong, photo]]) });
    expect(sha).not.toBe(wrong);
    expect(await refusal(bytes)).toBe('checksum');
  });

  it('refuses a zip bomb by its declared sizes before inflating it', async () => {
    const bytes = await build();
    // 8 MB of zeros packs to a few KB; the limit here is 4 MB (in the app: 2 GB).
    const bomb = repack(bytes, (f) => { f['data/zeros.json'] = new Uint8Array(8 * 1024 * 1024); });
    expect(bomb.byteLength).toBeLessThan(100 * 1024);
    await expect(readWorkspaceArchive(bomb, { sha256, maxSchemaVersion: 7, maxUnpackedBytes: 4 * 1024 * 1024 })).rejects.toMatchObject({ code: 'too_large' });
    expect((await readWorkspaceArchive(bytes, { sha256, maxSchemaVersion: 7, maxUnpackedBytes: 4 * 1024 * 1024 })).manifest.counts.projects).toBe(1);
  });
});
