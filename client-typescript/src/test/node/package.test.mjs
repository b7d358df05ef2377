// The npm package as `npm pack` made it (.ci/sdk-typescript.sh): only the compiled SDK, its
// README and the changelog, with the metadata a registry shows, and the version of the spec.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [pack] = JSON.parse(readFileSync(required('MFA_TS_PACK'), 'utf8'));
const installed = required('MFA_TS_SDK');
const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
const specVersion = readFileSync(required('MFA_SPEC'), 'utf8').match(/^info:\n(?:[ ].*\n)*?  version: (\S+)$/m)[1];

test('the package carries the spec version and real metadata', () => {
  assert.equal(pack.name, '@plmr/mfa-totp-client');
  assert.equal(pack.version, specVersion);
  assert.equal(manifest.version, specVersion);
  assert.equal(manifest.license, 'UNLICENSED');
  assert.equal(manifest.author, 'mfa-totp team');
  assert.equal(manifest.publishConfig.access, 'restricted');
  for (const file of ['package.json', 'README.md']) {
    assert.doesNotMatch(readFileSync(join(installed, file), 'utf8'), /GIT_USER_ID|GIT_REPO_ID|OpenAPI-Generator/, file);
  }
});

test('the package holds the compiled SDK, its README and the changelog, nothing else', () => {
  const files = pack.files.map((f) => f.path).sort();
  const stray = files.filter((f) => !['package.json', 'README.md', 'CHANGELOG.md'].includes(f) && !f.startsWith('dist/'));
  assert.deepEqual(stray, []);
  for (const f of ['README.md', 'CHANGELOG.md', 'dist/index.js', 'dist/index.d.ts', 'dist/errors.js', 'dist/errors.d.ts',
    'dist/esm/index.js', 'dist/esm/errors.js']) {
    assert.ok(files.includes(f), `${f} is missing from ${files.join(', ')}`);
  }
  assert.match(readFileSync(join(installed, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## ${specVersion.replaceAll('.', '\\.')} `, 'm'));
});

function required(name) {
  const value = process.env[name];
  assert.ok(value, `${name} must be set (run .ci/sdk-typescript.sh)`);
  return value;
}
