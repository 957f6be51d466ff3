// Validates electron-builder.yml offline against electron-builder's own JSON schema and checks targets, ids, fuses and icons.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { applySigning, loadBaseConfig, packagingConfig, signingPlan, SigningConfigError } from '../../../electron-builder.config';

const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
// js-yaml ships no types; electron-builder itself reads its YAML config with it.
const yaml = require('js-yaml') as { load(text: string): unknown };
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;

// Same settings electron-builder uses in app-builder-lib/out/util/config/schemaValidator.js, minus type coercion.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

type Config = Record<string, unknown> & {
  appId: string;
  productName: string;
  files: string[];
  directories: { buildResources: string; output: string };
  asar: boolean;
  electronFuses: Record<string, boolean>;
  win: { target: string[] };
  linux: { target: string[]; category: string; maintainer: string };
  mac: { target: string[]; category: string };
};

const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Config;

function schemaErrors(candidate: unknown): string[] {
  return validate(candidate) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

describe('electron-builder.yml', () => {
  it("matches electron-builder's configuration schema", () => {
    expect(schemaErrors(config)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['an unknown top-level option', { ...config, appID: 'typo' }],
    ['an unknown Windows option', { ...config, win: { ...config.win, bogusOption: true } }],
    ['a fuse that is not a boolean', { ...config, electronFuses: { ...config.electronFuses, runAsNode: 'no' } }],
    ['an unknown fuse', { ...config, electronFuses: { ...config.electronFuses, runAsNodee: false } }],
    ['files that are not patterns', { ...config, files: 42 }],
  ])('the schema check rejects %s', (_name, broken) => {
    expect(schemaErrors(broken).length).toBeGreaterThan(0);
  });

  it('identifies the app', () => {
    expect(config.appId).toBe('kz.gov.hattama');
    expect(config.productName).toBe('Hattama');
  });

  it('packages only the built app into an asar', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['dist-web/**', 'dist-electron/**', 'package.json']));
    expect(config.files.filter((f) => !f.startsWith('!') && !f.startsWith('dist-') && f !== 'package.json')).toEqual([]);
    expect(config.directories).toEqual({ buildResources: 'build', output: 'release' });
  });

  it('builds NSIS for Windows, AppImage and deb for Linux, dmg (and the zip its updates need) for macOS', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/\S+ <[^@\s]+@[^@\s]+>/);
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.mac.category).toBe('public.app-category.productivity');
  });

  it('flips the Electron fuses — every one of them, and no other', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packages the Electron version the project pins (electron-builder reads it from node_modules/electron)', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const pinned = pkg.devDependencies.electron;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(config.electronVersion ?? pinned).toBe(pinned);
    expect((require('electron/package.json') as { version: string }).version).toBe(pinned);
  });

  it('has a 512×512 PNG icon and its SVG source in build/', () => {
    const png = readFileSync(path.join(root, 'build', 'icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(readFileSync(path.join(root, 'build', 'icon.svg'), 'utf8')).toMatch(/<svg[^>]+viewBox="0 0 512 512"/);
  });

  it('points package.json main at the bundled main process', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist-electron/main.cjs');
  });
});

describe('code signing and notarisation from the environment (electron-builder.config.ts)', () => {
  const WIN = { WIN_CSC_LINK: '/secure/hattama.pfx', WIN_CSC_KEY_PASSWORD: 'pfx-password' };
  const MAC = { CSC_LINK: '/secure/developer-id.p12', CSC_KEY_PASSWORD: 'p12-password' };
  const NOTARY = { APPLE_ID: 'release@hattama.kz', APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh-ijkl-mnop', APPLE_TEAM_ID: 'ABCDE12345' };

  it('without credentials: the build goes on unsigned, macOS signing and notarisation explicitly off', () => {
    const built = packagingConfig({});
    expect(built.forceCodeSigning).toBe(false);
    expect(built.mac).toMatchObject({ identity: null, notarize: false, hardenedRuntime: true });
    expect(signingPlan({})).toEqual({
      windows: { sign: false, reason: expect.stringMatching(/unsigned/) },
      mac: { sign: false, notarize: false, reason: expect.stringMatching(/unsigned.*not notarised/) },
    });
    expect(schemaErrors(built)).toEqual([]);
  });

  it('empty or blank variables count as absent', () => {
    expect(signingPlan({ WIN_CSC_LINK: '', CSC_LINK: '  ', APPLE_ID: '' })).toEqual(signingPlan({}));
  });

  it('a Windows certificate signs Windows builds, and a failed signing then fails the build', () => {
    const plan = signingPlan(WIN);
    expect(plan.windows).toEqual({ sign: true, reason: 'signed with WIN_CSC_LINK' });
    expect(plan.mac.sign).toBe(false);
    const built = applySigning(loadBaseConfig(), plan);
    expect(built.forceCodeSigning).toBe(true);
    expect(schemaErrors(built)).toEqual([]);
    expect(signingPlan({ CSC_LINK: '/c.pfx', CSC_KEY_PASSWORD: 'x' }).windows).toEqual({ sign: true, reason: 'signed with CSC_LINK' });
  });

  it('a macOS certificate and the three Apple variables sign and notarise', () => {
    const built = packagingConfig({ ...MAC, ...NOTARY });
    expect(built.forceCodeSigning).toBe(true);
    expect(built.mac).toMatchObject({ notarize: true, hardenedRuntime: true });
    expect(built.mac).not.toHaveProperty('identity');
    expect(schemaErrors(built)).toEqual([]);
    expect(signingPlan({ CSC_NAME: 'Developer ID Application: Hattama', ...NOTARY }).mac).toMatchObject({ sign: true, notarize: true });
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['a Windows certificate without its password', { WIN_CSC_LINK: '/secure/hattama.pfx' }, /WIN_CSC_KEY_PASSWORD/],
    ['a certificate without its password', { CSC_LINK: '/secure/developer-id.p12' }, /CSC_KEY_PASSWORD/],
    ['only some notarisation variables', { ...MAC, APPLE_ID: 'release@hattama.kz' }, /missing: APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID/],
    ['notarisation without a signing certificate', NOTARY, /signed app/],
  ])('refuses %s with a clear error (never a silently unsigned build)', (_name, env, message) => {
    expect(() => signingPlan(env)).toThrow(SigningConfigError);
    expect(() => signingPlan(env)).toThrow(message);
  });

  it('is the configuration npm run dist packs with', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.dist).toMatch(/electron-builder --config electron-builder\.config\.ts/);
  });
});
