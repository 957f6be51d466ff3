// What the app accepts as an attachment, for every host: a size limit, and types it never opens
// itself (programs and scripts — they may only be exported and opened by the clerk on purpose).
import { z } from 'zod';

/** Largest file one attachment may be (25 MB). */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** A lower-case hex SHA-256. */
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, { error: 'invalid_sha256' });

/** True for a lower-case hex SHA-256. */
export function isSha256Hex(s: string): boolean {
  return /^[0-9a-f]{64}$/.test(s);
}

/**
 * Extensions that run code when opened (Windows, macOS, Linux and Office macros): such a file is
 * kept, listed and exported, but the app never opens it.
 */
export const DANGEROUS_EXTENSIONS: ReadonlySet<string> = new Set([
  'exe', 'com', 'bat', 'cmd', 'msi', 'msp', 'mst', 'scr', 'pif', 'cpl', 'dll', 'sys', 'drv', 'ocx',
  'vbs', 'vbe', 'js', 'jse', 'mjs', 'cjs', 'wsf', 'wsh', 'wsc', 'hta', 'ps1', 'psm1', 'psd1', 'ps1xml', 'msc', 'reg', 'inf', 'lnk', 'url', 'scf',
  'jar', 'appref-ms', 'application', 'gadget', 'vb', 'chm', 'iso', 'img', 'vhd', 'vhdx',
  'sh', 'bash', 'zsh', 'csh', 'ksh', 'command', 'run', 'bin', 'elf', 'deb', 'rpm', 'appimage', 'desktop',
  'app', 'pkg', 'dmg', 'workflow', 'scpt', 'applescript', 'terminal',
  'py', 'pyw', 'pl', 'rb', 'php',
  'docm', 'dotm', 'xlsm', 'xltm', 'xlam', 'pptm', 'potm', 'ppam', 'ppsm', 'sldm',
  'html', 'htm', 'xhtml', 'svg', 'mht', 'mhtml', 'xml', 'xsl',
]);

/** The file's extension, lower-case, without the dot ('' when none). */
export function extensionOf(fileName: string): string {
  const base = fileName.trim().replace(/[. ]+$/, '');
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** True when the app must not open the file itself (only export it). */
export function isDangerousFile(fileName: string, mimeType = ''): boolean {
  if (DANGEROUS_EXTENSIONS.has(extensionOf(fileName))) return true;
  return /^(application\/(x-msdownload|x-msdos-program|x-sh|x-executable|javascript|x-javascript|hta|xhtml\+xml)|text\/(html|javascript)|image\/svg\+xml)$/i.test(mimeType);
}

/** Why a file cannot be attached: a message key, or null when it can. */
export type AttachmentRefusal = 'empty' | 'too_big' | 'no_name';

/**
 * Checks a file before its bytes are read or stored.
 * @param name the file's name
 * @param size its size in bytes
 */
export function checkAttachment(name: string, size: number): AttachmentRefusal | null {
  if (name.trim() === '') return 'no_name';
  if (size <= 0) return 'empty';
  if (size > MAX_ATTACHMENT_BYTES) return 'too_big';
  return null;
}

/** A file name safe on every OS (Cyrillic kept): reserved characters become `_`, at most 150 characters. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = name.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/^[. ]+|[. ]+$/g, '').slice(0, 150);
  return safe || 'file';
}
