// The packaging configuration `npm run dist` uses: electron-builder.yml (targets, files, fuses) plus the
// code signing and notarisation this machine's environment allows. Credentials are never in the repo:
// they come from environment variables, and each step is skipped — explicitly, with the reason — when absent.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

/** The parts of electron-builder's Configuration this module reads or writes (the YAML holds the rest). */
export interface PackagingConfig extends Record<string, unknown> {
  forceCodeSigning?: boolean;
  win?: Record<string, unknown>;
  mac?: Record<string, unknown>;
}

/** Environment variables as `process.env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;

/** What the environment allows, per platform, and why (printed by `npm run dist`). */
export interface SigningPlan {
  readonly windows: { readonly sign: boolean; readonly reason: string };
  readonly mac: { readonly sign: boolean; readonly notarize: boolean; readonly reason: string };
}

/** Thrown when credentials are half given: a build that would silently ship unsigned is refused. */
export class SigningConfigError extends Error {
  override readonly name = 'SigningConfigError';
}

const NOTARIZE_VARS = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'] as const;

const set = (env: Env, name: string): boolean => (env[name] ?? '').trim() !== '';

/**
 * Decides signing and notarisation from the environment, as electron-builder will read it:
 * Windows signs with `WIN_CSC_LINK`/`WIN_CSC_KEY_PASSWORD` (or `CSC_LINK`/`CSC_KEY_PASSWORD`);
 * macOS signs with `CSC_LINK`/`CSC_KEY_PASSWORD` (or a keychain identity named by `CSC_NAME`) and
 * notarises with `APPLE_ID`, `APPLE_APP_SPECIFIC_PASSWORD` and `APPLE_TEAM_ID`.
 * @throws SigningConfigError when a certificate comes without its password, or only some notarisation variables are set
 */
export function signingPlan(env: Env): SigningPlan {
  const winCert = set(env, 'WIN_CSC_LINK') ? 'WIN_CSC_LINK' : set(env, 'CSC_LINK') ? 'CSC_LINK' : null;
  if (winCert !== null) {
    const password = winCert === 'WIN_CSC_LINK' ? 'WIN_CSC_KEY_PASSWORD' : 'CSC_KEY_PASSWORD';
    if (!set(env, password)) throw new SigningConfigError(`${winCert} is set but ${password} is not: the certificate cannot be opened`);
  }
  const macCert = set(env, 'CSC_LINK') || set(env, 'CSC_NAME');
  if (set(env, 'CSC_LINK') && !set(env, 'CSC_KEY_PASSWORD')) throw new SigningConfigError('CSC_LINK is set but CSC_KEY_PASSWORD is not: the certificate cannot be opened');
  const notarizeSet = NOTARIZE_VARS.filter((name) => set(env, name));
  if (notarizeSet.length > 0 && notarizeSet.length < NOTARIZE_VARS.length) {
    const missing = NOTARIZE_VARS.filter((name) => !set(env, name));
    throw new SigningConfigError(`Notarisation needs ${NOTARIZE_VARS.join(', ')}; missing: ${missing.join(', ')}`);
  }
  const notarize = notarizeSet.length === NOTARIZE_VARS.length;
  if (notarize && !macCert) throw new SigningConfigError('Notarisation needs a signed app: set CSC_LINK and CSC_KEY_PASSWORD (or CSC_NAME) too');
  return {
    windows: winCert !== null ? { sign: true, reason: `signed with ${winCert}` } : { sign: false, reason: 'unsigned: no WIN_CSC_LINK or CSC_LINK' },
    mac: {
      sign: macCert,
      notarize,
      reason: `${macCert ? 'signed' : 'unsigned: no CSC_LINK or CSC_NAME'}; ${notarize ? 'notarised' : 'not notarised: no APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID'}`,
    },
  };
}

/**
 * The base configuration with the signing plan applied: with credentials, a build that fails to
 * sign fails (`forceCodeSigning`); without them, macOS signing and notarisation are switched off
 * explicitly (`identity: null`, `notarize: false`) instead of searching the keychain.
 * @param base electron-builder.yml as loaded
 */
export function applySigning(base: PackagingConfig, plan: SigningPlan): PackagingConfig {
  const mac: Record<string, unknown> = { ...base.mac, notarize: plan.mac.notarize };
  if (!plan.mac.sign) mac.identity = null;
  return { ...base, forceCodeSigning: plan.windows.sign || plan.mac.sign, mac };
}

const root = path.dirname(fileURLToPath(import.meta.url));

/** electron-builder.yml, the checked-in base of every build. */
export function loadBaseConfig(): PackagingConfig {
  return yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as PackagingConfig;
}

/**
 * The configuration for this environment.
 * @param env usually process.env
 */
export function packagingConfig(env: Env): PackagingConfig {
  return applySigning(loadBaseConfig(), signingPlan(env));
}

/** electron-builder calls this when `--config electron-builder.config.ts` is given. */
export default function config(): PackagingConfig {
  const plan = signingPlan(process.env);
  console.log(`[hattama] Windows: ${plan.windows.reason}. macOS: ${plan.mac.reason}.`);
  return applySigning(loadBaseConfig(), plan);
}
