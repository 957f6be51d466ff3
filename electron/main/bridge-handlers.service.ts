// What each bridge channel does on the desktop host, wired to injected platform calls (dialogs, shell) so it runs in tests.
import type { BridgeHandlers, ParsedBridgeRequest } from './ipc';
import { dialogFiltersFor, type ExportWriter, type FileFilter } from './export-writer.service';
import { isAllowedExternalUrl } from '../../shared/security/urls';
import type { SyncTransportService } from './sync-transport.service';
import type { LiveSocketService } from './live-socket.service';

/** The platform calls the handlers need; the Electron glue passes dialog/shell-backed implementations. */
export interface BridgeHandlerDeps {
  readonly appVersion: string;
  readonly platform: string;
  /** Asks the user where to save; null when they cancel. */
  readonly chooseSavePath: (suggestedName: string, filters: FileFilter[]) => Promise<string | null>;
  readonly exportWriter: ExportWriter;
  /** Opens a URL in the OS browser (only ever called with URLs isAllowedExternalUrl accepts). */
  readonly openExternal: (url: string) => Promise<void>;
  /** Rebuilds the application menu from the renderer's (validated) items and labels. */
  readonly setMenu: (request: ParsedBridgeRequest<'menu:set'>) => void;
  /** Shows an OS notification; false where the OS has none. */
  readonly showNotification: (title: string, body: string) => boolean;
  /** Sync with the region's server: the main process makes the calls and keeps the token. */
  readonly sync: SyncTransportService;
  /** The live channel (minutes typed by two clerks at once): the main process owns the socket. */
  readonly live: LiveSocketService;
  /** Receives non-fatal problems (e.g. the archive copy failed) for the log. */
  readonly warn?: (message: string, detail?: unknown) => void;
}

/**
 * The desktop host's implementation of every bridge channel.
 * @param deps platform calls and services
 */
export function createBridgeHandlers(deps: BridgeHandlerDeps): BridgeHandlers {
  return {
    'app:info': () => ({ host: 'electron', version: deps.appVersion, platform: deps.platform }),

    'file:save': async ({ suggestedName, mimeType, bytes }) => {
      const target = await deps.chooseSavePath(suggestedName, dialogFiltersFor(mimeType, suggestedName));
      if (target === null) return { saved: false };
      const result = await deps.exportWriter.save(target, suggestedName, bytes);
      if (result.archiveError !== undefined) deps.warn?.('Export saved, but its archive copy failed', result.archiveError);
      return { saved: true, path: result.path };
    },

    'shell:open-external': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) return { opened: false };
      await deps.openExternal(url);
      return { opened: true };
    },

    'menu:set': (request) => {
      deps.setMenu(request);
      return { ok: true };
    },

    'notify:show': ({ title, body }) => ({ shown: deps.showNotification(title, body) }),

    'sync:status': (request) => deps.sync['sync:status'](request),
    'sync:login': (request) => deps.sync['sync:login'](request),
    'sync:logout': (request) => deps.sync['sync:logout'](request),
    'sync:push': (request) => deps.sync['sync:push'](request),
    'sync:pull': (request) => deps.sync['sync:pull'](request),
    'live:connect': (request) => deps.live['live:connect'](request),
    'live:send': (request) => deps.live['live:send'](request),
    'live:disconnect': (request) => deps.live['live:disconnect'](request),
  };
}
