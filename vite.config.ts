// Builds the renderer (the same bundle for the Electron window and the browser host).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { cspMetaContent } from './shared/security/csp.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Writes the app's CSP (shared/security/csp.ts, declared once) into the built index.html right
 * after <meta charset>, before any script or style, as `<meta http-equiv="Content-Security-Policy">`.
 * Build only: the dev server injects an inline React Refresh preamble that the policy forbids.
 */
export function cspMetaPlugin(): Plugin {
  return {
    name: 'hattama:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (/http-equiv\s*=\s*["']?Content-Security-Policy/i.test(html)) throw new Error('index.html must not declare its own CSP: it comes from shared/security/csp.ts');
        const charset = /<meta\s+charset=[^>]*>/i.exec(html);
        if (charset === null) throw new Error('index.html needs <meta charset> for the CSP to follow');
        const at = charset.index + charset[0].length;
        const meta = `\n    <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(cspMetaContent())}" />`;
        return html.slice(0, at) + meta + html.slice(at);
      },
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMetaPlugin()],
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version) },
  build: {
    outDir: '../dist-web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173) },
});
