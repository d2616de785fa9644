// How far apart two colours look: CIE L*a*b* differences of sRGB colours, as
// the colour tests measure what the themes render. CIE76 is the Euclidean
// distance in L*a*b* (the bound the tests assert: 20 is an obvious difference
// at a glance); CIEDE2000 corrects it for how the eye weighs hue, chroma and
// lightness and gives smaller numbers for the same pair (reported beside it).

export type Lab = readonly [number, number, number];

/** `#rgb`, `#rrggbb`, `#rrggbbaa` or CSS `rgb(r, g, b)` / `rgba(r, g, b, a)`, as sRGB 0-255 (alpha ignored). */
export function parseColour(text: string): [number, number, number] {
  const t = text.trim();
  const fn = /^rgba?\(\s*(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)/i.exec(t);
  if (fn) return [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  let hex = /^#([0-9a-f]{3,8})$/i.exec(t)?.[1];
  if (hex && (hex.length === 3 || hex.length === 4)) hex = [...hex].map((c) => c + c).join('');
  if (!hex || (hex.length !== 6 && hex.length !== 8)) throw new Error(`not a colour: ${text}`);
  return [0, 2, 4].map((i) => parseInt(hex!.slice(i, i + 2), 16)) as [number, number, number];
}

/** sRGB (D65) to CIE L*a*b*. */
export function toLab(colour: string): Lab {
  const [r, g, b] = parseColour(colour).map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** CIE76 ΔE*ab: the Euclidean distance in L*a*b*. */
export function deltaE76(a: string, b: string): number {
  const [l1, a1, b1] = toLab(a);
  const [l2, a2, b2] = toLab(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

const RAD = Math.PI / 180;

/** CIEDE2000 ΔE00 (Sharma, Wu and Dalal's formulation, kL = kC = kH = 1). */
export function deltaE2000(a: string, b: string): number {
  return deltaE2000Lab(toLab(a), toLab(b));
}

export function deltaE2000Lab([l1, a1, b1]: Lab, [l2, a2, b2]: Lab): number {
  const cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - Math.sqrt(cBar ** 7 / (cBar ** 7 + 25 ** 7)));
  const a1p = (1 + g) * a1;
  const a2p = (1 + g) * a2;
  const c1p = Math.hypot(a1p, b1);
  const c2p = Math.hypot(a2p, b2);
  const hue = (bb: number, aa: number): number => (aa === 0 && bb === 0 ? 0 : (Math.atan2(bb, aa) / RAD + 360) % 360);
  const h1p = hue(b1, a1p);
  const h2p = hue(b2, a2p);
  let dh = 0;
  if (c1p * c2p !== 0) {
    dh = h2p - h1p;
    if (dh > 180) dh -= 360;
    else if (dh < -180) dh += 360;
  }
  const dL = l2 - l1;
  const dC = c2p - c1p;
  const dH = 2 * Math.sqrt(c1p * c2p) * Math.sin((dh / 2) * RAD);
  const lBar = (l1 + l2) / 2;
  const cBarP = (c1p + c2p) / 2;
  let hBar = h1p + h2p;
  if (c1p * c2p !== 0) {
    if (Math.abs(h1p - h2p) > 180) hBar += h1p + h2p < 360 ? 360 : -360;
    hBar /= 2;
  }
  const t = 1 - 0.17 * Math.cos((hBar - 30) * RAD) + 0.24 * Math.cos(2 * hBar * RAD) + 0.32 * Math.cos((3 * hBar + 6) * RAD) - 0.2 * Math.cos((4 * hBar - 63) * RAD);
  const dTheta = 30 * Math.exp(-(((hBar - 275) / 25) ** 2));
  const rC = 2 * Math.sqrt(cBarP ** 7 / (cBarP ** 7 + 25 ** 7));
  const sL = 1 + (0.015 * (lBar - 50) ** 2) / Math.sqrt(20 + (lBar - 50) ** 2);
  const sC = 1 + 0.045 * cBarP;
  const sH = 1 + 0.015 * cBarP * t;
  const rT = -Math.sin(2 * dTheta * RAD) * rC;
  return Math.sqrt((dL / sL) ** 2 + (dC / sC) ** 2 + (dH / sH) ** 2 + rT * (dC / sC) * (dH / sH));
}

export interface ClosestPair {
  readonly a: string;
  readonly b: string;
  readonly deltaE76: number;
  readonly deltaE2000: number;
}

/** The pair of named colours that are closest by CIE76, with both differences. */
export function closestPair(colours: Readonly<Record<string, string>>): ClosestPair {
  const names = Object.keys(colours);
  let best: ClosestPair | undefined;
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const d = deltaE76(colours[names[i]], colours[names[j]]);
      if (!best || d < best.deltaE76) best = { a: names[i], b: names[j], deltaE76: d, deltaE2000: deltaE2000(colours[names[i]], colours[names[j]]) };
    }
  }
  if (!best) throw new Error('closestPair needs two colours');
  return best;
}
