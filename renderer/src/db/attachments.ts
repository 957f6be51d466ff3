// Attaching a file to a project, a meeting or an assignment: the file is checked (size, name),
// its bytes go to the host's content store under their SHA-256, then its metadata record is
// written through the repository (synced like every other record). Nothing is written when the
// file is refused; bytes stored for a record that then fails stay unreferenced (the store is
// content-addressed, so they cost nothing twice).
import { checkAttachment, type AttachmentRefusal } from '@shared/attachments/policy';
import type { AttachmentOwnerKind } from '@shared/domain/attachment.schema';
import type { HostBridge } from '../host';
import type { AttachmentRow } from './db';
import type { Repos } from './repos';
import type { RepoContext } from './repository';
import { sha256Hex } from './sha256';

/** A file as the page hands it over (a DOM File satisfies it). */
export type PickedFile = { name: string; type: string; size: number; arrayBuffer: () => Promise<ArrayBuffer> };

/** The file was refused before anything was stored; `reason` is a message key. */
export class AttachmentRefusedError extends Error {
  constructor(
    readonly reason: AttachmentRefusal,
    readonly fileName: string,
  ) {
    super(`Attachment refused (${reason}): ${fileName}`);
    this.name = 'AttachmentRefusedError';
  }
}

/** The host calls attachments use. */
export type AttachmentHost = Pick<HostBridge, 'attachmentPut'>;

/**
 * Attaches a file: checks it, stores its bytes, writes its record.
 * @returns the new record
 * @throws AttachmentRefusedError for an empty or too large file; ValidationError for a bad name
 */
export async function addAttachment(
  deps: { repos: Repos; ctx: RepoContext; host: AttachmentHost },
  owner: { kind: AttachmentOwnerKind; id: string },
  file: PickedFile,
): Promise<AttachmentRow> {
  const refused = checkAttachment(file.name, file.size);
  if (refused) throw new AttachmentRefusedError(refused, file.name);
  const bytes = new Uint8Array(await file.arrayBuffer());
  // The size is checked again on the bytes read (a File's size may not be what it holds).
  const again = checkAttachment(file.name, bytes.byteLength);
  if (again) throw new AttachmentRefusedError(again, file.name);
  const sha256 = await sha256Hex(bytes);
  await deps.host.attachmentPut({ sha256, bytes });
  return (await deps.repos.attachments.create({
    ownerKind: owner.kind,
    ownerId: owner.id,
    fileName: file.name.trim(),
    mimeType: /^[\w.+-]+\/[\w.+-]+$/.test(file.type) ? file.type : '',
    size: bytes.byteLength,
    sha256,
    addedBy: deps.ctx.actor(),
    addedAt: deps.ctx.now().toISOString(),
  })) as AttachmentRow;
}

/** The live attachments of an owner, newest first. */
export async function attachmentsOf(db: RepoContext['db'], kind: AttachmentOwnerKind, ownerId: string): Promise<AttachmentRow[]> {
  const rows = await db.attachments.where('[ownerKind+ownerId]').equals([kind, ownerId]).filter((a) => a.alive === 1).toArray();
  return rows.sort((a, b) => b.addedAt.localeCompare(a.addedAt) || b.id.localeCompare(a.id));
}
