// The bridge (IPC) contract between the renderer and its host, declared once.
// The preload's methods, the main process's handler registration and the renderer's
// typed client all derive from these tables; the main process parses every argument with them.
import { z } from 'zod';
import type { BRIDGE_CHANNELS, BRIDGE_EVENTS } from './channels';
import { BRIDGE_GLOBAL } from './channels';
import { MAX_URL_LENGTH } from '../security/urls';
import { syncBridgeContract } from './sync';
import { liveBridgeContract, liveEventPayloadSchema } from './live';
import { updatesBridgeContract } from './updates';
import { exportDocumentSchema } from '../export/document.schema';
import { backupBridgeContract, backupRequestPayloadSchema } from './backup';
import { attachmentBridgeContract } from './attachments';

export { BRIDGE_GLOBAL };

/** Most documents one batch export carries (one extract per responsible body). */
export const MAX_EXPORT_BATCH = 100;

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

/** Most items the renderer may put into the application menu, and most label overrides. */
export const MAX_MENU_ITEMS = 60;
export const MAX_MENU_LABELS = 64;

/** A menu command id as the renderer's feature registry names it, e.g. `project:new` or `view.board`. */
export const menuCommandId = z.string().min(1).max(100).regex(/^[A-Za-z0-9][\w.:-]*$/, { message: 'Invalid menu command id' });

// eslint-disable-next-line no-control-regex
const menuLabel = z.string().min(1).max(100).refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'Label must not contain control characters' });

const MODIFIER = '(?:CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|AltGr|Alt|Option|Shift|Super|Meta)';
const KEY = '(?:[A-Za-z0-9]|F(?:[1-9]|1[0-9]|2[0-4])|Plus|Space|Tab|Backspace|Delete|Insert|Return|Enter|Up|Down|Left|Right|Home|End|PageUp|PageDown|Escape|Esc|num[0-9]|[-=,./;\'`[\\]\\\\])';
/** An Electron accelerator: modifiers joined with `+`, then one key (`CmdOrCtrl+S`, `Alt+1`, `F1`). */
export const ACCELERATOR_PATTERN = new RegExp(`^(?:${MODIFIER}\\+){0,4}${KEY}$`);

/** One item the renderer contributes to the application menu (a command of a feature). */
export const menuItemSchema = z
  .object({
    id: menuCommandId,
    label: menuLabel,
    /** Shown beside the item; the renderer's own key handling runs the shortcut (in both hosts), the menu does not register it. */
    accelerator: z.string().max(60).regex(ACCELERATOR_PATTERN, { message: 'Invalid accelerator' }).optional(),
    group: z.enum(['file', 'view', 'help']),
  })
  .strict();

/**
 * Keys of the host's own menu labels the renderer may translate (`labels` of `menu:set`):
 * the top-level menus and the items the host adds itself. Other keys are ignored.
 */
export const MENU_LABEL_KEYS = [
  'file', 'edit', 'view', 'window', 'help',
  'quit', 'close', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll',
  'resetZoom', 'zoomIn', 'zoomOut', 'toggleFullScreen', 'reload', 'toggleDevTools', 'about',
] as const;
export type MenuLabelKey = (typeof MENU_LABEL_KEYS)[number];

export const bridgeContract = {
  'app:info': {
    method: 'appInfo',
    request: z.object({}).strict(),
    response: z.object({ host: z.enum(['electron', 'browser']), version: z.string(), platform: z.string() }),
  },
  /**
   * Whether the renderer holds changes not yet saved (a card or the meeting page), and its UI
   * language: closing the desktop window then asks first, in that language. The browser's tab
   * asks by its own beforeunload question.
   */
  'app:set-unsaved': {
    method: 'setUnsaved',
    request: z.object({ unsaved: z.boolean(), uiLang: z.enum(['ru', 'kk', 'en']) }).strict(),
    response: z.object({ ok: z.boolean() }),
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
    request: z.object({ url: z.string().max(MAX_URL_LENGTH) }).strict(),
    response: z.object({ opened: z.boolean() }),
  },
  /** Replaces the renderer's items of the application menu and the translated labels of the host's own. */
  'menu:set': {
    method: 'setMenu',
    request: z
      .object({
        items: z
          .array(menuItemSchema)
          .max(MAX_MENU_ITEMS)
          .refine((items) => new Set(items.map((i) => i.id)).size === items.length, { message: 'Menu item ids must be unique' }),
        labels: z
          .record(z.string().min(1).max(50).regex(/^[A-Za-z][\w.]*$/), menuLabel)
          .refine((labels) => Object.keys(labels).length <= MAX_MENU_LABELS, { message: 'Too many labels' }),
      })
      .strict(),
    response: z.object({ ok: z.boolean() }),
  },
  /**
   * Shows an OS notification (the daily reminder of assignments due and overdue). The browser host
   * shows none (`shown: false`): the reminders stay in the app.
   */
  'notify:show': {
    method: 'notify',
    request: z
      .object({
        // eslint-disable-next-line no-control-regex
        title: z.string().min(1).max(200).refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'Title must not contain control characters' }),
        body: z.string().max(1000),
      })
      .strict(),
    response: z.object({ shown: z.boolean() }),
  },
  /** Sync with the region's server (shared/bridge/sync.ts): status, sign-in and -out, push, pull. */
  ...syncBridgeContract,
  /** The live channel (shared/bridge/live.ts): minutes typed by two clerks at once. */
  ...liveBridgeContract,
  /**
   * Renders an export document (the zod-checked model, never HTML) to DOCX or PDF and saves it:
   * on the desktop the main process renders, asks where to save (the dialog in the UI language),
   * writes atomically and records the export archive; the browser renders in a worker and downloads.
   */
  'export:document': {
    method: 'exportDocument',
    request: z
      .object({
        document: exportDocumentSchema,
        format: z.enum(['docx', 'pdf']),
        uiLang: z.enum(['ru', 'kk', 'en']),
      })
      .strict(),
    response: z.object({ saved: z.boolean(), path: z.string().optional(), bytes: z.number().int().min(0), sha256: z.string().optional() }),
  },
  /**
   * Several documents in one action (one extract per responsible body): on the desktop the main
   * process renders them all, asks for a folder once and writes each file there (never over an
   * existing file); the browser downloads them one after another.
   */
  'export:documents': {
    method: 'exportDocuments',
    request: z
      .object({
        documents: z.array(exportDocumentSchema).min(1).max(MAX_EXPORT_BATCH),
        format: z.enum(['docx', 'pdf']),
        uiLang: z.enum(['ru', 'kk', 'en']),
      })
      .strict(),
    response: z.object({
      saved: z.boolean(),
      folder: z.string().optional(),
      files: z.array(z.object({ name: z.string(), path: z.string().optional(), bytes: z.number().int().min(0), sha256: z.string().optional() })),
    }),
  },
  /**
   * Opens an exported file, or shows it in its folder (desktop): only a file inside the export
   * archive or one the app has just written; anything else is refused (`ok: false`).
   */
  'export:reveal': {
    method: 'revealExport',
    request: z.object({ path: z.string().min(1).max(4096), action: z.enum(['open', 'folder']) }).strict(),
    response: z.object({ ok: z.boolean() }),
  },
  /** The export archive's records, newest first (the browser keeps none: an empty list). */
  'export:archive': {
    method: 'exportArchive',
    request: z.object({ limit: z.number().int().min(1).max(1000) }).strict(),
    response: z.object({
      available: z.boolean(),
      entries: z.array(z.object({
        document: z.string(), kind: z.string(), sourceId: z.string(), revision: z.number(), lang: z.string(), format: z.string(),
        at: z.string(), sha256: z.string(), bytes: z.number(), path: z.string(), archivedPath: z.string().optional(),
      })),
    }),
  },
  /** Attachments' bytes and the whole-workspace archive's file (shared/bridge/attachments.ts). */
  ...attachmentBridgeContract,
  /** Self-update from the organization's update server (shared/bridge/updates.ts); off by default. */
  ...updatesBridgeContract,
  /** Snapshots of the local database (shared/bridge/backup.ts): store, list, read back. */
  ...backupBridgeContract,
} as const;

/** Host → renderer events: the payload each one carries (the renderer receives nothing else). */
export const bridgeEvents = {
  /** A menu item contributed by the renderer was chosen; the payload is its id. */
  'menu:command': { method: 'onMenuCommand', payload: menuCommandId },
  /** The live channel's socket opened, brought a message or closed: a LiveHostEvent as JSON. */
  'live:event': { method: 'onLiveEvent', payload: liveEventPayloadSchema },
  /** The main process asks for a snapshot before the app quits; the payload is the request id to answer with. */
  'backup:request': { method: 'onBackupRequest', payload: backupRequestPayloadSchema },
} as const;

export type BridgeContract = typeof bridgeContract;
export type Channel = keyof BridgeContract;
export type MethodName<C extends Channel> = BridgeContract[C]['method'];
export type BridgeRequest<C extends Channel> = z.input<BridgeContract[C]['request']>;
export type BridgeResponse<C extends Channel> = z.output<BridgeContract[C]['response']>;

export type BridgeEvents = typeof bridgeEvents;
export type BridgeEvent = keyof BridgeEvents;
export type EventMethodName<E extends BridgeEvent> = BridgeEvents[E]['method'];
export type BridgeEventPayload<E extends BridgeEvent> = z.output<BridgeEvents[E]['payload']>;

/** The request of `menu:set` as the renderer writes it. */
export type MenuRequest = BridgeRequest<'menu:set'>;
export type MenuItemRequest = z.input<typeof menuItemSchema>;

/**
 * What the renderer sees of its host: one async method per channel, and per event a method
 * that subscribes a listener and returns the function that unsubscribes it.
 */
export type HostBridge = {
  [C in Channel as MethodName<C>]: (request: BridgeRequest<C>) => Promise<BridgeResponse<C>>;
} & {
  [E in BridgeEvent as EventMethodName<E>]: (listener: (payload: BridgeEventPayload<E>) => void) => () => void;
};

export const channels = Object.keys(bridgeContract) as Channel[];
export const events = Object.keys(bridgeEvents) as BridgeEvent[];

// Compile-time checks: the zod-free tables the preload uses name the same channels, events and methods.
type Same<A, B> = A extends B ? (B extends A ? true : false) : false;
type SameTables = Same<{ [C in Channel]: BridgeContract[C]['method'] }, typeof BRIDGE_CHANNELS>;
type SameEvents = Same<{ [E in BridgeEvent]: BridgeEvents[E]['method'] }, typeof BRIDGE_EVENTS>;
export const BRIDGE_TABLES_AGREE: SameTables = true;
export const BRIDGE_EVENTS_AGREE: SameEvents = true;
// Event payloads are strings: the preload forwards nothing else (no objects cross into the page unparsed).
type PayloadsAreStrings = { [E in BridgeEvent]: BridgeEventPayload<E> extends string ? true : false }[BridgeEvent];
export const BRIDGE_EVENT_PAYLOADS_ARE_STRINGS: PayloadsAreStrings = true;
