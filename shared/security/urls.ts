// Which URLs the app hands to the outside world (the OS browser, a new tab), declared once for every host.

/** The parts of a WHATWG URL these rules read. */
export interface ParsedUrl {
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string;
  readonly username: string;
  readonly password: string;
  readonly pathname: string;
}

// The WHATWG URL class exists in every host this runs in (browsers, Node, Electron); shared/ is
// compiled without DOM or Node typings, so it is typed here by what the rules read.
const WhatwgUrl = (globalThis as unknown as { URL: new (url: string) => ParsedUrl }).URL;

/** Longest URL any host accepts (the bridge contract uses the same limit). */
export const MAX_URL_LENGTH = 2048;

/**
 * Parses a URL only when it is well-formed as written: a string of sane length with no
 * whitespace or control characters (which the WHATWG parser would silently strip).
 * @param url any value
 * @returns the parsed URL, or null
 */
export function parseStrictUrl(url: unknown): ParsedUrl | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(url)) return null;
  try {
    return new WhatwgUrl(url);
  } catch {
    return null;
  }
}

/**
 * True when the URL may leave the app (OS browser, new tab): https only, a real host, no
 * `user:password@`, no backslashes, parseable as written.
 * @param url the URL a link or the renderer asked to open
 */
export function isAllowedExternalUrl(url: unknown): boolean {
  // The parser would repair "https:///host", "https:\\host" and "https:host"; insist on the canonical shape.
  if (typeof url !== 'string' || !/^https:\/\/[^/\\?#]/i.test(url) || url.includes('\\')) return false;
  const parsed = parseStrictUrl(url);
  return parsed !== null && parsed.protocol === 'https:' && parsed.hostname.length > 0 && parsed.username === '' && parsed.password === '';
}
