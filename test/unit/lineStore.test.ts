// The packed line store must give back exactly the row the scanner wrote,
// whether the row fits the compact layout or needs the side table.

import * as assert from 'node:assert/strict';
import { LineKind } from '../../src/core/model';
import { LineStore } from '../../src/core/scan/lineStore';
import { FAMILIES } from '../../src/core/families';
import { clearRow, newRow, type Row } from '../../src/core/scan/row';
import { between, pick, seeded, type Random } from '../../bench/random';

function copy(r: Row): Row {
  return { ...r };
}

/** Rows of every shape the scanner writes, plus irregular ones only the side table can hold. */
function randomRow(random: Random): Row {
  const r = clearRow(newRow(), pick(random, [LineKind.Other, LineKind.Reply, LineKind.Continuation, LineKind.Command, LineKind.Exchange]), random() < 0.2 ? undefined : pick(random, FAMILIES), random() < 0.5 ? undefined : 'session-' + between(random, 0, 50));
  const p0 = between(random, 0, 200);
  const end = p0 + between(random, 0, 80);
  const shape = between(random, 0, 6);
  if (shape === 1 || shape === 2) {
    r.code = between(random, 100, 699);
    r.codeStart = p0;
    r.textStart = Math.min(p0 + 4, end);
    r.textEnd = end;
    if (shape === 2) r.blockCode = r.code;
  } else if (shape === 3) {
    r.verb = pick(random, ['RETR', 'STOR', 'CWD', 'PASS', 'XYZQ']);
    r.verbStart = p0;
    r.verbEnd = p0 + r.verb.length;
    if (random() < 0.6) {
      r.argStart = r.verbEnd + 1;
      r.argEnd = r.argStart + between(random, 0, 40);
    }
  } else if (shape === 4) {
    r.blockCode = between(random, 100, 699);
    r.textStart = p0;
    r.textEnd = end;
  } else if (shape === 5) {
    // A command and its code on one line, spans apart (IIS, pyftpdlib INFO).
    r.code = between(random, 100, 699);
    r.codeStart = between(random, 0, 300);
    r.verb = 'DELE';
    r.verbStart = p0;
    r.verbEnd = p0 + 4;
    r.argStart = between(random, 0, 300);
    r.argEnd = r.argStart + 3;
  } else if (shape === 6) {
    // Irregular: text not right after the code, block code unlike the code.
    r.code = 550;
    r.codeStart = p0;
    r.textStart = p0 + 9;
    r.textEnd = p0 + 20;
    r.blockCode = 226;
  }
  r.closes = r.blockCode >= 0 && random() < 0.3;
  return r;
}

describe('line store', () => {
  for (const seed of [1, 2, 3]) {
    it(`reads back every row written, through overwrites and splices (seed ${seed})`, () => {
      const random = seeded(seed);
      const store = new LineStore(0);
      const expected: Row[] = [];
      for (let step = 0; step < 3000; step++) {
        const action = random();
        if (action < 0.5 || expected.length === 0) {
          const r = randomRow(random);
          store.set(expected.length, r);
          expected.push(copy(r));
        } else if (action < 0.8) {
          const i = between(random, 0, expected.length - 1);
          const r = randomRow(random);
          store.set(i, r);
          expected[i] = copy(r);
        } else {
          const start = between(random, 0, expected.length);
          const del = Math.min(between(random, 0, 5), expected.length - start);
          const ins = between(random, 0, 5);
          store.splice(start, del, ins);
          const rows = Array.from({ length: ins }, () => randomRow(random));
          rows.forEach((r, k) => store.set(start + k, r));
          expected.splice(start, del, ...rows.map(copy));
        }
      }
      assert.equal(store.length, expected.length);
      const scratch = newRow();
      for (let i = 0; i < expected.length; i++) {
        assert.deepEqual(store.read(i, scratch), expected[i], `row ${i}`);
        assert.equal(store.code(i), expected[i].code, `code of row ${i}`);
        assert.equal(store.kind(i), expected[i].kind);
      }
    });
  }

  it('keeps verbs beyond the compact verb field', () => {
    const store = new LineStore(0);
    const verbs: string[] = [];
    for (let i = 0; i < 400; i++) {
      const verb = 'V' + String.fromCharCode(65 + (i % 26), 65 + Math.floor(i / 26), 65);
      verbs.push(verb);
      const r = clearRow(newRow(), LineKind.Command, 'raw', undefined);
      r.verb = verb;
      r.verbStart = 0;
      r.verbEnd = 4;
      store.set(i, r);
    }
    verbs.forEach((verb, i) => assert.equal(store.result(i).verb, verb));
  });
});
