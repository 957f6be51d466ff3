// Several servers behind a load balancer, one live channel: what a server relays to its own
// sockets it also announces with PostgreSQL NOTIFY, and it relays what the others announce. A
// NOTIFY payload holds under 8000 bytes, so a large update travels as the version it was stored
// under and is read back from the log; a large unstored catch-up is not announced (the typist's
// outbox brings it). Only on PostgreSQL: the embedded database serves one process.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { docIdSchema, regionIdSchema } from '../../shared/sync/contract';
import { toBuffer, type Database } from '../db/database';

/** A payload NOTIFY carries (bytes of JSON); PostgreSQL's limit is 8000. */
const MAX_NOTIFY_BYTES = 7800;

const busMessageSchema = z.object({
  origin: z.string().max(40),
  region: regionIdSchema,
  docId: docIdSchema,
  kind: z.enum(['update', 'awareness']),
  /** The update or awareness bytes (base64), when small enough … */
  update: z.string().max(MAX_NOTIFY_BYTES).optional(),
  /** … else the log version the update was stored under. */
  version: z.number().int().positive().optional(),
  by: z.string().max(200).nullable(),
});
export type BusMessage = Omit<z.infer<typeof busMessageSchema>, 'origin'>;

export type LiveBus = {
  /** Announces a message to the other servers; false when it is too large to go inline. */
  publish: (message: BusMessage) => boolean;
  close: () => Promise<void>;
};

/** The NOTIFY channel of the database's schema (servers of one schema hear each other). */
export function busChannel(schema: string): string {
  return `hattama_live_${schema}`.slice(0, 63);
}

/**
 * Starts the bus on `db` (null when the database cannot LISTEN). `deliver` gets what another
 * server announced, with a stored update read back when it came by version.
 */
export async function startLiveBus(db: Database, deliver: (message: BusMessage) => void): Promise<LiveBus | null> {
  if (!db.listen) return null;
  const origin = randomBytes(9).toString('base64url');
  const channel = busChannel(db.schema);
  const stop = await db.listen(channel, (payload) => {
    let parsed: z.infer<typeof busMessageSchema>;
    try {
      parsed = busMessageSchema.parse(JSON.parse(payload));
    } catch {
      return;
    }
    if (parsed.origin === origin) return;
    const { origin: _origin, ...message } = parsed;
    if (message.update !== undefined) {
      deliver(message);
      return;
    }
    if (message.version === undefined) return;
    db.query<{ payload: unknown }>('SELECT payload FROM doc_updates WHERE version = $1 AND region_id = $2 AND doc_id = $3', [message.version, message.region, message.docId])
      .then(([row]) => {
        // Compacted meanwhile: the update is inside the merged row, which pull brings.
        if (row) deliver({ ...message, update: toBuffer(row.payload).toString('base64') });
      })
      .catch((e: unknown) => console.error('Live bus: reading an announced update failed:', e));
  });
  return {
    publish(message) {
      const payload = JSON.stringify({ origin, ...message });
      if (Buffer.byteLength(payload) > MAX_NOTIFY_BYTES) return false;
      db.query('SELECT pg_notify($1, $2)', [channel, payload]).catch((e: unknown) => console.error('Live bus: NOTIFY failed:', e));
      return true;
    },
    close: stop,
  };
}
