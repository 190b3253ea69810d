import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The desktop package's security settings, read with the same YAML reader electron-builder uses for
 * electron-builder.yml. The binary itself cannot be built here (no Electron download), so the test
 * holds the configuration that electron-builder turns into fuses and signing.
 */
const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
const config = yaml.load(fs.readFileSync(fileURLToPath(new URL('../../electron-builder.yml', import.meta.url)), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('flips the security fuses: no run-as-node, no NODE_OPTIONS or --inspect, asar only and checked, cookies encrypted', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('rebuilds better-sqlite3 against Electron from source, never reusing the Node build', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(true);
  });

  it('keeps no signing secret in the file: certificates come from CSC_LINK / WIN_CSC_LINK in the environment', () => {
    const text = JSON.stringify(config);
    expect(text).not.toMatch(/certificatePassword|cscKeyPassword|certificateFile|cscLink/i);
  });
});
