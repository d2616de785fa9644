// The colour-difference formulas the theme tests rely on, against published values.

import * as assert from 'assert';
import { deltaE2000Lab, deltaE76, parseColour, toLab } from '../support/colourDifference';

describe('colour difference', () => {
  it('reads hex and CSS rgb() colours alike', () => {
    assert.deepStrictEqual(parseColour('#0F4A85'), [15, 74, 133]);
    assert.deepStrictEqual(parseColour('#0F4A85FF'), [15, 74, 133]);
    assert.deepStrictEqual(parseColour('#fff'), [255, 255, 255]);
    assert.deepStrictEqual(parseColour('rgb(15, 74, 133)'), [15, 74, 133]);
    assert.deepStrictEqual(parseColour('rgba(15, 74, 133, 0.5)'), [15, 74, 133]);
    assert.throws(() => parseColour('red'));
  });

  it('converts sRGB to L*a*b* (D65)', () => {
    const [l, a, b] = toLab('#FFFFFF');
    assert.ok(Math.abs(l - 100) < 0.01 && Math.abs(a) < 0.01 && Math.abs(b) < 0.01, `${l} ${a} ${b}`);
    const red = toLab('#FF0000');
    assert.ok(Math.abs(red[0] - 53.24) < 0.05 && Math.abs(red[1] - 80.09) < 0.05 && Math.abs(red[2] - 67.2) < 0.05, red.join(' '));
  });

  it('CIE76 is the Euclidean distance in L*a*b*', () => {
    assert.ok(Math.abs(deltaE76('#000000', '#FFFFFF') - 100) < 0.01);
    assert.strictEqual(deltaE76('#123456', '#123456'), 0);
  });

  // Sharma, Wu, Dalal, "The CIEDE2000 color-difference formula" (2005), table 1, pairs 1, 7, 17, 25.
  const sharma: [[number, number, number], [number, number, number], number][] = [
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
  ];
  for (const [a, b, expected] of sharma) {
    it(`CIEDE2000 of (${a.join(', ')}) and (${b.join(', ')}) is ${expected}`, () => {
      assert.ok(Math.abs(deltaE2000Lab(a, b) - expected) < 1e-4, String(deltaE2000Lab(a, b)));
    });
  }
});
