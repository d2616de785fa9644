// Reads VS Code's default colour themes the way the workbench does for
// TextMate tokens: follow `include`, concatenate `tokenColors`, and put the
// editor foreground first as the default rule.

import * as fs from 'fs';
import * as path from 'path';
import type { IRawTheme } from 'vscode-textmate';

type IRawThemeSetting = IRawTheme['settings'][number];

/**
 * Parses JSON with comments and trailing commas. Strings are copied verbatim,
 * so `//` inside a value (a URL, a glob) is never mistaken for a comment.
 */
export function parseJsonc(text: string): unknown {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
    } else {
      out += c;
      i++;
    }
  }
  // Trailing commas: only outside strings, which the pass above already isolated.
  return JSON.parse(stripTrailingCommas(out));
}

function stripTrailingCommas(json: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      out += c;
      if (c === '\\') out += json[++i];
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    if (c === ',') {
      let j = i + 1;
      while (j < json.length && /\s/.test(json[j])) j++;
      if (json[j] === '}' || json[j] === ']') continue;
    }
    out += c;
  }
  return out;
}

export interface ThemeContribution {
  readonly id: string;
  readonly label: string;
  readonly uiTheme: 'vs' | 'vs-dark' | 'hc-black' | 'hc-light';
  readonly path: string;
}

/** Themes contributed by the build's `theme-defaults` extension. */
export function defaultThemes(vscodeDir: string): ThemeContribution[] {
  const ext = path.join(vscodeDir, 'extensions/theme-defaults');
  const pkg = parseJsonc(fs.readFileSync(path.join(ext, 'package.json'), 'utf8')) as {
    contributes: { themes: ThemeContribution[] };
  };
  return pkg.contributes.themes.map((t) => ({ ...t, path: path.join(ext, t.path) }));
}

interface ThemeFile {
  include?: string;
  colors?: Record<string, string>;
  tokenColors?: IRawThemeSetting[] | string;
}

interface LoadedTheme {
  readonly colors: Record<string, string>;
  readonly tokenColors: IRawThemeSetting[];
}

function loadThemeFile(file: string, seen: Set<string>): LoadedTheme {
  if (seen.has(file)) throw new Error(`theme include cycle at ${file}`);
  seen.add(file);
  const json = parseJsonc(fs.readFileSync(file, 'utf8')) as ThemeFile;
  let colors: Record<string, string> = {};
  let tokenColors: IRawThemeSetting[] = [];
  if (json.include) {
    const parent = loadThemeFile(path.join(path.dirname(file), json.include), seen);
    colors = { ...parent.colors };
    tokenColors = [...parent.tokenColors];
  }
  Object.assign(colors, json.colors ?? {});
  if (typeof json.tokenColors === 'string') {
    const referenced = parseJsonc(fs.readFileSync(path.join(path.dirname(file), json.tokenColors), 'utf8')) as {
      tokenColors?: IRawThemeSetting[];
      settings?: IRawThemeSetting[];
    };
    tokenColors.push(...(referenced.tokenColors ?? referenced.settings ?? []));
  } else if (Array.isArray(json.tokenColors)) {
    tokenColors.push(...json.tokenColors);
  }
  return { colors, tokenColors };
}

// The workbench's defaults for `editor.foreground` when a theme does not set it
// (vs/platform/theme/common/colors/editorColors.ts: light #333333, dark #BBBBBB,
// hcDark white, hcLight = `foreground`, whose hcLight default is #292929).
const DEFAULT_FOREGROUND: Record<ThemeContribution['uiTheme'], string> = {
  vs: '#333333',
  'vs-dark': '#BBBBBB',
  'hc-black': '#FFFFFF',
  'hc-light': '#292929',
};

const DEFAULT_BACKGROUND: Record<ThemeContribution['uiTheme'], string> = {
  vs: '#FFFFFF',
  'vs-dark': '#1E1E1E',
  'hc-black': '#000000',
  'hc-light': '#FFFFFF',
};

export interface ResolvedTheme {
  readonly raw: IRawTheme;
  readonly foreground: string;
}

/** The theme as vscode-textmate's IRawTheme, with the editor colours as the default rule. */
export function resolveTheme(theme: ThemeContribution): ResolvedTheme {
  const { colors, tokenColors } = loadThemeFile(theme.path, new Set());
  const foreground = (colors['editor.foreground'] ?? DEFAULT_FOREGROUND[theme.uiTheme]).toUpperCase();
  const background = (colors['editor.background'] ?? DEFAULT_BACKGROUND[theme.uiTheme]).toUpperCase();
  return {
    foreground,
    raw: { name: theme.label, settings: [{ settings: { foreground, background } }, ...tokenColors] },
  };
}

// vscode-textmate's EncodedTokenAttributes: foreground colour id in bits 15-23.
const FOREGROUND_MASK = 0x00ff8000;
const FOREGROUND_OFFSET = 15;

export function foregroundId(metadata: number): number {
  return (metadata & FOREGROUND_MASK) >>> FOREGROUND_OFFSET;
}
