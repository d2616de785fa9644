// A short, fixed-seed pass of the fuzz suite (`npm run fuzz` runs it long).

import * as assert from 'node:assert/strict';
import { fuzz } from '../fuzz/fuzz';

describe('fuzzed input', function () {
  this.timeout(120_000);
  for (const seed of [1, 2]) {
    it(`never throws, never leaks, equals a fresh scan after edits (seed ${seed})`, () => {
      const report = fuzz({ seed, documents: 120, callLimitMs: 3000 });
      assert.deepEqual(report.failures, []);
      assert.ok(report.hovers > 0 && report.edits > 0);
    });
  }
});
