// The one answer a backup worker gives (snapshot.worker.ts, gzip.worker.ts): its reply, or a
// failure when it could not start or sent what cannot be read.

/** A worker's failure, in the shape its own failed replies have. */
export type WorkerFailure = { ok: false; message: string };

/** What {@link replyOf} needs of a worker. */
export type ReplyingWorker = Pick<Worker, 'onmessage' | 'onerror' | 'onmessageerror'>;

/** The first message of `worker` (named `name` in the messages), or why none can come. */
export function replyOf<R extends { ok: boolean }>(worker: ReplyingWorker, name: string): Promise<R | WorkerFailure> {
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<R>) => resolve(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      resolve({ ok: false, message: event.message || `the ${name} worker could not start` });
    };
    worker.onmessageerror = () => resolve({ ok: false, message: `the ${name} worker sent what cannot be read` });
  });
}
