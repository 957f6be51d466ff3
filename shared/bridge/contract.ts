// The bridge (IPC) contract between the renderer and its host, declared once.
// The preload's methods, the main process's handler registration and the renderer's
// typed client all derive from this table; the main process parses every argument with it.
import { z } from 'zod';
import type { BRIDGE_CHANNELS} from './channels';
import { BRIDGE_GLOBAL } from './channels';

export { BRIDGE_GLOBAL };

/** Largest file the renderer may hand to the host in one call (exports, backups). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const fileName = z
  .string()
  .min(1)
  .max(200)
  // eslint-disable-next-line no-control-regex
  .refine((n) => !/[\\/:*?"<>|\u0000-\u001f]/.test(n) && n !== '.' && n !== '..', {
    message: 'File name must not contain path separators or reserved characters',
  });

export const bridgeContract = {
  'app:info': {
    method: 'appInfo',
    request: z.object({}).strict(),
    response: z.object({ host: z.enum(['electron', 'browser']), version: z.string(), platform: z.string() }),
  },
  'file:save': {
    method: 'saveFile',
    request: z
      .object({
        suggestedName: fileName,
        mimeType: z.string().min(1).max(200),
        bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_FILE_BYTES, { message: 'File is too large' }),
      })
      .strict(),
    response: z.object({ saved: z.boolean(), path: z.string().optional() }),
  },
  'shell:open-external': {
    method: 'openExternal',
    request: z.object({ url: z.string().max(2048) }).strict(),
    response: z.object({ opened: z.boolean() }),
  },
} as const;

export type BridgeContract = typeof bridgeContract;
export type Channel = keyof BridgeContract;
export type MethodName<C extends Channel> = BridgeContract[C]['method'];
export type BridgeRequest<C extends Channel> = z.input<BridgeContract[C]['request']>;
export type BridgeResponse<C extends Channel> = z.output<BridgeContract[C]['response']>;

/** What the renderer sees of its host: one async method per channel. */
export type HostBridge = {
  [C in Channel as MethodName<C>]: (request: BridgeRequest<C>) => Promise<BridgeResponse<C>>;
};

export const channels = Object.keys(bridgeContract) as Channel[];

// Compile-time check: the zod-free table the preload uses names the same channels and methods.
type SameTables = { [C in Channel]: BridgeContract[C]['method'] } extends typeof BRIDGE_CHANNELS
  ? typeof BRIDGE_CHANNELS extends { [C in Channel]: BridgeContract[C]['method'] } ? true : false
  : false;
export const BRIDGE_TABLES_AGREE: SameTables = true;
