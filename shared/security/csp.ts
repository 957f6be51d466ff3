// The Content-Security-Policy of the app, declared once: the desktop host sends it as a header with
// every app:// response, the build writes it into index.html as a meta tag (which the browser host relies on).

/** A CSP directive name this app sets. */
export type CspDirective =
  | 'default-src'
  | 'script-src'
  | 'style-src'
  | 'img-src'
  | 'font-src'
  | 'connect-src'
  | 'object-src'
  | 'base-uri'
  | 'frame-ancestors'
  | 'form-action';

/** Which host the policy is for. */
export type CspHost = 'desktop' | 'browser';

/**
 * The policy. Inline styles are allowed because Mantine injects them; scripts only from the
 * app's own files, never inline or evaluated. The browser host may talk to the origin that
 * served it (the sync server, DESIGN §4); the desktop page talks to nothing — its sync runs in
 * the main process — so `connect-src` is the one directive that differs by host.
 */
export const CSP_POLICY: Readonly<Record<CspDirective, readonly string[]>> = Object.freeze({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
});

/** Per-host replacements of CSP_POLICY's directives. */
const HOST_OVERRIDES: Readonly<Record<CspHost, Partial<Record<CspDirective, readonly string[]>>>> = {
  desktop: { 'connect-src': ["'none'"] },
  browser: {},
};

/** Directives a `<meta http-equiv>` policy may not carry (browsers ignore them there and warn). */
const HEADER_ONLY: ReadonlySet<CspDirective> = new Set(['frame-ancestors']);

/**
 * The policy's directives for a host, in declaration order.
 * @param host which host serves the page
 */
export function cspDirectives(host: CspHost): ReadonlyArray<readonly [CspDirective, readonly string[]]> {
  return (Object.keys(CSP_POLICY) as CspDirective[]).map((name) => [name, HOST_OVERRIDES[host][name] ?? CSP_POLICY[name]] as const);
}

function serialize(directives: ReadonlyArray<readonly [CspDirective, readonly string[]]>): string {
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

/**
 * The `Content-Security-Policy` header value (the desktop host sends it with every app:// response).
 * @param host which host serves the page (default: the desktop host)
 */
export function cspHeader(host: CspHost = 'desktop'): string {
  return serialize(cspDirectives(host));
}

/**
 * The content of the page's `<meta http-equiv="Content-Security-Policy">`: the browser host's
 * policy without the header-only directives. In the desktop host the header applies as well, and
 * the stricter of the two wins.
 */
export function cspMetaContent(): string {
  return serialize(cspDirectives('browser').filter(([name]) => !HEADER_ONLY.has(name)));
}
