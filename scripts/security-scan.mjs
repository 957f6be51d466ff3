// Runs @doyensec/electronegativity over the BUILT app (dist-electron, dist-web, package.json) as an
// extra opinion next to tests/integration/built-security.test.ts (it misses cases; the tests do not
// rely on it). Findings are compared with the reviewed list below; an unreviewed HIGH or MEDIUM
// finding, or a built file the tool could not parse, fails the run.
// Usage: npm run security  (= build, then node --require ./scripts/no-network.cjs scripts/security-scan.mjs [--root <dir>])
// Prints the findings, then one JSON line {"reviewed":n,"unreviewed":[…],"parseErrors":[…]}.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/**
 * Reviewed findings: a finding matches when its check id and file match and `guard` (when given)
 * is found on the flagged line or the few lines before it — so a new, unguarded call is not
 * waved through by an old review.
 */
export const REVIEWED = [
  {
    id: 'CSP_GLOBAL_CHECK',
    file: /^dist-web\/index\.html$/,
    reason:
      "style-src allows 'unsafe-inline' because Mantine injects its styles inline. Scripts stay 'self' only — no inline script, no eval, no remote source — " +
      'which built-security.test.ts asserts on the built index.html and on the app:// header (connect-src \'none\' on the desktop).',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: /^dist-electron\/main\.js$/,
    guard: /isAllowedExternalUrl\(/,
    reason: 'Every shell.openExternal call is preceded by isAllowedExternalUrl (https only, no credentials), at the caller and again at the sink in main.ts.',
  },
];

/** Lines before a flagged line in which a guard may stand. */
const GUARD_WINDOW = 4;

/**
 * Copies the built app to a scratch folder as the tool can read it: it scans only .js/.html files,
 * so the bundles' .cjs names are given .js (a .cjs file would be skipped silently); maps are left out.
 */
function stage(builtRoot) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hattama-electronegativity-'));
  mkdirSync(path.join(dir, 'dist-electron'));
  for (const name of ['main', 'preload']) cpSync(path.join(builtRoot, 'dist-electron', `${name}.cjs`), path.join(dir, 'dist-electron', `${name}.js`));
  cpSync(path.join(builtRoot, 'dist-web'), path.join(dir, 'dist-web'), { recursive: true, filter: (src) => !src.endsWith('.map') });
  cpSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  return dir;
}

/**
 * Scans the built app and sorts the findings.
 * @param builtRoot the folder holding dist-electron/ and dist-web/ (default: the checkout)
 * @returns reviewed (with their reason), unreviewed, and files that failed to parse
 */
export async function scanBuiltApp(builtRoot = root) {
  const run = require('@doyensec/electronegativity/dist/runner.js');
  const electronVersion = require('electron/package.json').version;
  const dir = stage(builtRoot);
  try {
    const result = await run({
      input: dir,
      output: null,
      isSarif: false,
      customScan: [],
      // Looks up Electron's releases online; the version is pinned in package.json and reviewed with each upgrade.
      excludeFromScan: ['availablesecurityfixesglobalcheck'],
      isRelative: true,
      severitySet: undefined,
      confidenceSet: undefined,
      isVerbose: false,
      electronUpgrade: undefined,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    });
    const lines = new Map();
    const linesOf = (file) => {
      if (!lines.has(file)) {
        try {
          lines.set(file, readFileSync(path.join(dir, file), 'utf8').split('\n'));
        } catch {
          lines.set(file, []);
        }
      }
      return lines.get(file);
    };
    const findings = result.issues.map((issue) => {
      const file = String(issue.file).split(path.sep).join('/');
      const line = Number(issue.location?.line ?? 0);
      const context = linesOf(file).slice(Math.max(0, line - 1 - GUARD_WINDOW), Math.max(0, line)).join('\n');
      const review = REVIEWED.find((r) => r.id === issue.id && r.file.test(file) && (!r.guard || r.guard.test(context)));
      return {
        id: issue.id,
        severity: issue.severity?.name ?? String(issue.severity),
        confidence: issue.confidence?.name ?? String(issue.confidence),
        file,
        line,
        code: (linesOf(file)[line - 1] ?? '').trim().slice(0, 160),
        reviewed: review ? review.reason : null,
      };
    });
    const ours = /^dist-electron\/|^dist-web\/index\.html$/;
    const parseErrors = result.errors
      .map((e) => ({ file: String(e.file ?? '').replace(dir + path.sep, '').split(path.sep).join('/'), message: String(e.message ?? e).slice(0, 200) }))
      .filter((e) => ours.test(e.file));
    return {
      checks: result.globalChecks + result.atomicChecks,
      findings,
      unreviewed: findings.filter((f) => f.reviewed === null && (f.severity === 'HIGH' || f.severity === 'MEDIUM')),
      parseErrors,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--root');
  const report = await scanBuiltApp(at > 0 && process.argv[at + 1] ? path.resolve(process.argv[at + 1]) : root);
  for (const f of report.findings) {
    console.log(`${f.reviewed ? 'reviewed  ' : 'UNREVIEWED'} ${f.id} ${f.severity}/${f.confidence} ${f.file}:${f.line}  ${f.code}`);
    if (f.reviewed) console.log(`           ↳ ${f.reviewed}`);
  }
  for (const e of report.parseErrors) console.log(`PARSE ERROR ${e.file}: ${e.message}`);
  console.log(JSON.stringify({ checks: report.checks, reviewed: report.findings.filter((f) => f.reviewed).length, unreviewed: report.unreviewed, parseErrors: report.parseErrors }));
  if (report.unreviewed.length > 0 || report.parseErrors.length > 0) process.exitCode = 1;
}
