// README's format table is the user's list of what FTP Log reads: it names
// every family of the registry, and nothing the registry does not know. The
// README is also the Marketplace page: users first, development last, images
// inside the package.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FAMILIES } from '../../src/core/families';

const ROOT = path.resolve(__dirname, '../../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The ids in the first column of the "Log formats" table: `| \`vsftpd\` | ...`. */
function tableIds(): string[] {
  const section = README.split(/^## /m).find((s) => s.startsWith('Log formats'));
  assert.ok(section, 'README has no "Log formats" section');
  return [...section.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
}

describe('README', () => {
  it('lists every log family in its format table, once', () => {
    const ids = tableIds();
    assert.deepEqual([...ids].sort(), [...FAMILIES].sort());
  });

  // A checkout's two commands open the README, after the Debian packages they need; the
  // Marketplace page then speaks to users, and tells the details of development last.
  it('starts with the Debian packages, then the command that runs the extension and the one that runs the tests', () => {
    const first = /^# FTP Log\n\n```sh\n([\s\S]*?)```/.exec(README)?.[1] ?? '';
    const lines = first.trim().split('\n');
    assert.match(lines[0], /^# .*apt-get install -y /);
    assert.match(lines[1], /^npm ci && npm start\b/);
    assert.match(lines[2], /^npm test\b/);
    assert.equal(lines.length, 3);
  });

  it('ends with development: the Debian packages, then the same two commands', () => {
    const sections = README.split(/^## /m);
    const dev = sections[sections.length - 1];
    assert.ok(dev.startsWith('Development'), 'the last section is not "Development"');
    const blocks = [...dev.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
    const apt = blocks.findIndex((b) => /apt-get install/.test(b));
    const commands = blocks.findIndex((b) => /npm start/.test(b) && /npm test/.test(b));
    assert.ok(apt >= 0 && commands > apt, 'the apt-get line must come before npm start / npm test');
    const top = /^.*apt-get install -y .*$/m.exec(README)?.[0].replace(/.*apt-get install -y\s+/, '');
    assert.equal(top, /^.*apt-get install -y .*$/m.exec(dev)?.[0].replace(/.*apt-get install -y\s+/, ''), 'the two package lists differ');
  });

  it('names every Debian package the harness and CI install', () => {
    const packages = (line: string | undefined) => new Set((line ?? '').replace(/.*apt-get install -y\s+/, '').trim().split(/\s+/));
    const readme = packages(/^.*apt-get install -y .*$/m.exec(README.split(/^## Development/m)[1])?.[0]);
    const ci = packages(/^.*apt-get install -y .*$/m.exec(fs.readFileSync(path.join(ROOT, '.ci/run'), 'utf8'))?.[0]);
    const harness = [...fs.readFileSync(path.join(ROOT, 'test/e2e/lib/install.mjs'), 'utf8').matchAll(/apt: '([a-z0-9.+-]+)'/g)].map((m) => m[1]);
    assert.ok(harness.length >= 8, `found only ${harness.length} packages in install.mjs`);
    assert.deepEqual([...readme].sort(), [...ci].sort());
    assert.deepEqual([...readme].sort(), [...new Set(harness)].sort());
  });

  it('shows images that the package carries, by relative path', () => {
    const images = [...README.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 1);
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
    for (const image of images) {
      assert.ok(!/^[a-z]+:/i.test(image), `${image} is not relative`);
      assert.ok(fs.existsSync(path.join(ROOT, image)), `${image} does not exist`);
      assert.ok(ignore.includes(`!${path.dirname(image)}/*.png`), `.vscodeignore leaves ${image} out of the package`);
    }
  });

  it('has an icon of 128×128 pixels', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const png = fs.readFileSync(path.join(ROOT, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });
});
