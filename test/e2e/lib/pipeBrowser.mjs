// Debian's Chromium, headless, driven over the DevTools protocol on a pipe
// with only the domains the integration run needs: bindings for two page
// functions, and navigation.
//
// Why not playwright here: playwright always enables the Network domain, so
// every WebSocket frame between the workbench and the VS Code server is
// copied, base64-encoded, into the harness. Opening a 50 MB log moves about
// 100 MB of frames, and the harness then took half a core away from the
// extension host it is measuring. The UI tests, which need playwright's
// input and screenshots, still use it (browser.mjs).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARGS, VIEWPORT } from './browser.mjs';
import { removeOnExit, track } from './cleanup.mjs';
import { CHROMIUM } from './paths.mjs';

/** The one binding the page calls; the page functions below forward to it. */
const BINDING = '__harnessCall';

/**
 * Opens `url` in a fresh headless Chromium, after defining on the page, for
 * every document it loads, a function per name in `functions` that hands
 * its arguments (as JSON) to `functions[name]` in the harness.
 * Returns { close(), exited }: close() kills the browser's process tree;
 * `exited` resolves, with a reason, if the browser ends before that.
 */
export async function openWithFunctions(url, functions) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found (install with: apt-get install -y chromium)`);
  }
  const profile = mkdtempSync(path.join(os.tmpdir(), 'ftp-log-chromium-'));
  const removeProfile = removeOnExit(profile);
  // At the lowest CPU priority (nice 19): the browser only stands in for VS Code's window, and on
  // 2 cores its renderer, compositor and tokenizer threads would otherwise take turns with the
  // extension host whose pauses the tests measure. `nice` execs Chromium: the pid stays the same.
  const child = spawn('nice', ['-n', '19', CHROMIUM,
    ...ARGS,
    '--remote-debugging-pipe',
    `--user-data-dir=${profile}`,
    `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
    'about:blank',
  ], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'], detached: true });
  const kill = track(child.pid);
  let closing = false;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => { if (!closing) resolve(`Chromium exited (${signal ?? code})`); });
  });
  const close = async () => {
    closing = true;
    await kill();
    removeProfile();
  };
  try {
    const cdp = pipeSession(child);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const page = targetInfos.find((t) => t.type === 'page');
    if (!page) throw new Error('Chromium opened no page');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: page.targetId, flatten: true });
    cdp.onBinding(sessionId, BINDING, (payload) => {
      const { name, args } = JSON.parse(payload);
      functions[name]?.(...args);
    });
    await cdp.send('Runtime.enable', {}, sessionId);
    await cdp.send('Runtime.addBinding', { name: BINDING }, sessionId);
    await cdp.send('Page.enable', {}, sessionId);
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: pageScript(Object.keys(functions)) }, sessionId);
    await cdp.send('Page.navigate', { url }, sessionId);
    return { close, exited };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Defines the page functions; arguments that JSON cannot carry are sent as text. */
function pageScript(names) {
  return `(() => {
    const call = globalThis[${JSON.stringify(BINDING)}];
    const safe = (v) => { try { JSON.stringify(v); return v; } catch { return String(v); } };
    for (const name of ${JSON.stringify(names)}) {
      globalThis[name] = (...args) => { call(JSON.stringify({ name, args: args.map(safe) })); return Promise.resolve(); };
    }
  })();`;
}

/** DevTools protocol over the pipe Chromium reads on fd 3 and writes on fd 4: JSON messages ended by NUL. */
function pipeSession(child) {
  const toBrowser = child.stdio[3];
  const fromBrowser = child.stdio[4];
  const waiting = new Map();
  const bindings = new Map();
  let nextId = 1;
  let pending = '';
  const failAll = (error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  child.on('exit', (code, signal) => failAll(new Error(`Chromium exited (${signal ?? code})`)));
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk) => {
    pending += chunk;
    let start = 0;
    for (let end = pending.indexOf('\0'); end >= 0; start = end + 1, end = pending.indexOf('\0', start)) {
      const message = JSON.parse(pending.slice(start, end));
      if (message.id !== undefined) {
        const w = waiting.get(message.id);
        waiting.delete(message.id);
        if (message.error) w?.reject(new Error(`${w.method}: ${message.error.message}`));
        else w?.resolve(message.result);
      } else if (message.method === 'Runtime.bindingCalled') {
        bindings.get(`${message.sessionId}/${message.params.name}`)?.(message.params.payload);
      }
    }
    pending = pending.slice(start);
  });
  return {
    send(method, params = {}, sessionId) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject, method });
        toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
      });
    },
    onBinding(sessionId, name, handler) {
      bindings.set(`${sessionId}/${name}`, handler);
    },
  };
}
