// The bridge's channel → method-name table, free of zod so the sandboxed preload stays small.
// contract.ts adds the schemas and checks (at compile time) that both tables agree.

export const BRIDGE_CHANNELS = {
  'app:info': 'appInfo',
  'file:save': 'saveFile',
  'shell:open-external': 'openExternal',
} as const;

export type ChannelName = keyof typeof BRIDGE_CHANNELS;

/** The global name under which the Electron preload exposes the bridge. */
export const BRIDGE_GLOBAL = 'hattama';
