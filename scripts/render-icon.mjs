// Renders images/icon.svg to images/icon.png (128×128, the Marketplace icon)
// with Debian's headless Chromium (the browser the UI tests already need),
// driven by the harness's playwright-core.
// Run it after editing the SVG and commit both files:
//   node scripts/render-icon.mjs
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'images', 'icon.svg');
const target = path.join(root, 'images', 'icon.png');
const chromium = '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error('render-icon: Chromium is missing (install it with: sudo apt-get install -y chromium)');
  process.exit(1);
}
// playwright-core belongs to the test harness (test/e2e), installed on demand.
const harness = createRequire(path.join(root, 'test', 'e2e', 'package.json'));
let chromiumApi;
try {
  chromiumApi = harness('playwright-core').chromium;
} catch {
  console.error('render-icon: the test harness is not installed (install it with: node test/e2e/install.mjs min)');
  process.exit(1);
}
const browser = await chromiumApi.launch({ executablePath: chromium, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(source).href);
  await page.screenshot({ path: target, omitBackground: true });
} finally {
  await browser.close();
}
const png = readFileSync(target);
const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
if (width !== 128 || height !== 128) throw new Error(`render-icon: ${target} is ${width}×${height}, not 128×128`);
console.log(`render-icon: wrote ${path.relative(root, target)} (${width}×${height}, ${png.length} bytes)`);
