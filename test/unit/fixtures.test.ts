// Runs the core over every fixture log and compares its findings and detected
// family with the hand-written expectations beside each fixture.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { analyze } from '../../src/core/analyze';
import { allFixtures } from '../support/fixtures';
import { FAMILIES } from '../../src/core/families';

describe('fixtures', () => {
  const fixtures = allFixtures();

  it('cover every family and some logs that are not FTP', () => {
    const families = new Set(fixtures.map((f) => f.family));
    for (const f of [...FAMILIES, 'none']) {
      assert.ok(families.has(f), `no fixture for ${f}`);
    }
  });

  for (const fx of fixtures) {
    describe(fx.name, () => {
      const text = fs.readFileSync(fx.file, 'utf8');
      const analysis = analyze(text);

      it('has an .expected file', () => assert.ok(fx.expected, `${fx.name}.expected is missing`));

      it(`is detected as ${fx.family}`, () => assert.equal(analysis.family, fx.family));

      it('yields exactly the expected findings', () => {
        const actual = analysis.findings.map((f) => `${f.line + 1}:${f.span.start + 1} ${f.severity} ${f.code}`);
        assert.deepEqual(actual, fx.expected ?? []);
      });

      it('puts every finding on a three-digit code and gives it a message', () => {
        const lines = text.split(/\r\n|\r|\n/);
        for (const f of analysis.findings) {
          assert.equal(lines[f.line].slice(f.span.start, f.span.end), String(f.code));
          assert.match(f.message, new RegExp(`^${f.code} `));
        }
      });
    });
  }
});
