// The page's side of the import worker: one request at a time, progress passed on.
import type { ColumnMapping } from '@shared/import/fields';
import type { ExistingProject } from '@shared/import/register-import';
import type { ImportReply, ImportRequest, PlanResult, ReadResult } from './import.worker';

/** Reading the file failed; `reason` says why when the file is not a register the import reads. */
export class ImportReadError extends Error {
  constructor(message: string, readonly reason?: 'format' | 'xls' | 'damaged' | 'empty') {
    super(message);
    this.name = 'ImportReadError';
  }
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

type Pending = { resolve: (r: unknown) => void; reject: (e: Error) => void; onProgress?: ((done: number, total: number) => void) | undefined };

export type ImportClient = {
  read(name: string, bytes: Uint8Array): Promise<ReadResult>;
  plan(args: { sheet: number; headerRow: number; mapping: ColumnMapping; existing: ExistingProject[]; regionId: string }, onProgress?: (done: number, total: number) => void): Promise<PlanResult>;
  dispose(): void;
};

/** A worker for one import wizard (it keeps the file read). */
export function createImportClient(): ImportClient {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
  const pending = new Map<number, Pending>();
  let next = 1;
  worker.onmessage = (e: MessageEvent<ImportReply>) => {
    const reply = e.data;
    const p = pending.get(reply.id);
    if (!p) return;
    if (reply.kind === 'progress') {
      p.onProgress?.(reply.done, reply.total);
      return;
    }
    pending.delete(reply.id);
    if (reply.kind === 'error') p.reject(new ImportReadError(reply.error, reply.reason));
    else p.resolve(reply.result);
  };
  worker.onerror = (e) => {
    for (const p of pending.values()) p.reject(new ImportReadError(e.message || 'Import worker failed'));
    pending.clear();
  };
  const send = <T,>(req: WithoutId<ImportRequest>, onProgress?: (done: number, total: number) => void, transfer: Transferable[] = []) =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (r: unknown) => void, reject, onProgress });
      worker.postMessage({ ...req, id } as ImportRequest, transfer);
    });
  return {
    read: (name, bytes) => send<ReadResult>({ kind: 'read', name, bytes }, undefined, [bytes.buffer]),
    plan: (args, onProgress) => send<PlanResult>({ kind: 'plan', ...args }, onProgress),
    dispose: () => worker.terminate(),
  };
}
