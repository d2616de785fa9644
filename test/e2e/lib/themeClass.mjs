// A built-in colour theme as the workbench shows it: the label its picker
// lists it by, and the CSS class VS Code puts on the workbench while it is the
// theme, so a test can wait until the theme it asked for is the one shown (an
// unknown theme name falls back to the default theme without a word).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { vscodeDir } from './paths.mjs';

/** As VS Code's colorThemeData.ts builds a theme's selector from its extension id and path. */
function toCssSelector(extensionId, themePath) {
  const relative = themePath.startsWith('./') ? themePath.slice(2) : themePath;
  const selector = `${extensionId}-${relative}`.replace(/[^_a-zA-Z0-9-]/g, '-');
  return /^[0-9-]/.test(selector) ? `_${selector}` : selector;
}

/**
 * `{ label, className }` of the built-in theme `name` (its id) in `flavour`'s
 * build. Newer builds renamed `Default Dark Modern` and the like to
 * `Dark Modern` and still read the old ids from the settings.
 */
export function builtInTheme(flavour, name) {
  return themeOf(flavour, name) ?? (name.startsWith('Default ') ? themeOf(flavour, name.slice('Default '.length)) : undefined) ?? missing(flavour, name);
}

/** A label as the theme picker shows it: `%key%` from the extension's English package.nls.json. */
function shownLabel(label, folder) {
  const key = /^%(.+)%$/.exec(label ?? '');
  if (!key) return label;
  const nls = path.join(folder, 'package.nls.json');
  return (existsSync(nls) ? JSON.parse(readFileSync(nls, 'utf8'))[key[1]] : undefined) ?? label;
}

function missing(flavour, name) {
  throw new Error(`no built-in colour theme "${name}" in VS Code ${flavour} (${path.join(vscodeDir(flavour), 'extensions')})`);
}

function themeOf(flavour, name) {
  const extensions = path.join(vscodeDir(flavour), 'extensions');
  for (const folder of readdirSync(extensions)) {
    const manifestFile = path.join(extensions, folder, 'package.json');
    if (!existsSync(manifestFile)) continue;
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    for (const theme of manifest.contributes?.themes ?? []) {
      if (theme.id !== name) continue;
      return {
        label: shownLabel(theme.label, path.join(extensions, folder)) ?? name,
        className: toCssSelector(`${manifest.publisher}.${manifest.name}`, theme.path),
      };
    }
  }
  return undefined;
}
