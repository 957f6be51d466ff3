// The bridge's channel → method-name tables, free of zod so the sandboxed preload stays small.
// contract.ts adds the schemas and checks (at compile time) that these tables agree with it.

/** Request/response channels (renderer → host, answered once): channel → bridge method. */
export const BRIDGE_CHANNELS = {
  'app:info': 'appInfo',
  'app:set-unsaved': 'setUnsaved',
  'file:save': 'saveFile',
  'shell:open-external': 'openExternal',
  'menu:set': 'setMenu',
  'notify:show': 'notify',
  'sync:status': 'syncStatus',
  'sync:login': 'syncLogin',
  'sync:logout': 'syncLogout',
  'sync:push': 'syncPush',
  'sync:pull': 'syncPull',
  'live:connect': 'liveConnect',
  'live:send': 'liveSend',
  'live:disconnect': 'liveDisconnect',
  'export:document': 'exportDocument',
  'export:documents': 'exportDocuments',
  'export:reveal': 'revealExport',
  'export:archive': 'exportArchive',
  'attachment:put': 'attachmentPut',
  'attachment:get': 'attachmentGet',
  'attachment:has': 'attachmentHas',
  'attachment:open': 'attachmentOpen',
  'attachment:export': 'attachmentExport',
  'workspace:save-archive': 'saveWorkspaceArchive',
  'workspace:open-archive': 'openWorkspaceArchive',
  'updates:status': 'updatesStatus',
  'updates:set-url': 'updatesSetUrl',
  'updates:check': 'updatesCheck',
  'backup:save': 'backupSave',
  'backup:list': 'backupList',
  'backup:read': 'backupRead',
  'backup:skip': 'backupSkip',
} as const;

export type ChannelName = keyof typeof BRIDGE_CHANNELS;

/** Events (host → renderer, any number of times): channel → the bridge method that subscribes to it. */
export const BRIDGE_EVENTS = {
  'menu:command': 'onMenuCommand',
  'live:event': 'onLiveEvent',
  'backup:request': 'onBackupRequest',
} as const;

export type EventName = keyof typeof BRIDGE_EVENTS;

/** The global name under which the Electron preload exposes the bridge. */
export const BRIDGE_GLOBAL = 'hattama';
