// The renderer's one way to its host (DESIGN §2): `getHost()` and the bridge's types.
// Nothing else in renderer/ imports host.electron / host.web or the bridge's channel table (ESLint enforces it).
export type { BridgeResponse, HostBridge, MenuItemRequest, MenuLabelKey, MenuRequest } from '@shared/bridge/contract';
export { MENU_LABEL_KEYS } from '@shared/bridge/contract';
export { getHost, selectHost } from './current-host';
export { useAppInfo, type AppInfo } from './use-app-info';
