// The server-message catalogue's patterns compile to regular expressions
// that cannot backtrack catastrophically (recheck: seconds per shape, so this
// runs in the slow tier, npm run test:slow).

import * as assert from 'node:assert/strict';
import { checkSync } from 'recheck';
import { allServerMessages, compilePattern } from '../../src/core/catalogue/servers';

describe('server-message catalogue (recheck)', () => {
  const messages = allServerMessages();

  it('compiles every pattern shape to a regex that recheck finds safe', function () {
    this.timeout(120000);
    // The compiled form depends only on the order of literals and placeholders (and on
    // whether a literal is a single character), so one pattern per shape covers them all;
    // the synthetic ones add literals that overlap themselves and three wildcards in a row.
    const placeholder = /%%|%(?:lld|llu|lu|d|u|m)|%(?:\d*\.\d+)?f|%s|<[A-Za-z][A-Za-z0-9 _-]*>|…/g;
    const shape = (p: string): string =>
      p.split(placeholder).map((t) => (t.length === 0 ? '' : t.length === 1 ? 'c' : 'L')).join('|') +
      '#' +
      (p.match(placeholder) ?? []).map((x) => (x.endsWith('f') ? 'F' : /^%(?:lld|llu|lu|d|u|m)$/.test(x) ? 'N' : 'S')).join('');
    const byShape = new Map<string, string>();
    for (const m of messages) {
      for (const p of [m.pattern, m.followedBy ?? '']) {
        if (p.match(placeholder) && !byShape.has(shape(p))) byShape.set(shape(p), p);
      }
    }
    assert.ok(byShape.size >= 10, 'the catalogue uses many shapes');
    const patterns = [...byShape.values(), '%saab%saab%s', 'x%sxx:%sxy%s.', '%s:%d:%s', '%s%%%s'];
    for (const p of patterns) {
      const src = compilePattern(p).source;
      const res = checkSync(src, '', { randomSeed: 20261201 });
      assert.equal(res.status, 'safe', `${p} -> ${src}: ${res.status}`);
    }
  });
});
