// Installs the harness packages on demand. Each package (the harness itself
// and one per VS Code build) has its own lockfile; `npm ci` runs only when the
// package's node_modules is missing or its lockfile changed since the last
// successful install, which a stamp file in .state/install records.
import { spawn } from 'node:child_process';
import { isAlive, startTimeOf } from './proctree.mjs';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import {
  CHROMIUM, E2E_DIR, FLAVOURS, STATE_DIR, flavourPackageDir, latestNodeDir, vscodeDir,
} from './paths.mjs';

// Bump when the install procedure changes in a way that needs a reinstall.
const RECIPE = 'e2e-install-1';

// code-server 4.100.3's bundled @vscode/ripgrep downloads its binary from
// GitHub in postinstall. It first looks for the archive in a cache folder
// under TMPDIR, so the archive is built from Debian's ripgrep instead.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const REQUIRED_NODE_MAJOR_FOR_MIN = 20;

/** Debian package that provides each prerequisite, and how to tell it is there. */
const PREREQUISITES = {
  run: [
    { apt: 'chromium', present: () => existsSync(CHROMIUM) },
  ],
  build: [
    { apt: 'ripgrep', present: () => existsSync('/usr/bin/rg') },
    { apt: 'build-essential', present: () => ['/usr/bin/make', '/usr/bin/g++'].every(existsSync) },
    { apt: 'pkg-config', present: () => existsSync('/usr/bin/pkg-config') },
    { apt: 'libx11-dev', present: () => existsSync('/usr/include/X11/Xlib.h') },
    { apt: 'libxkbfile-dev', present: () => existsSync('/usr/include/X11/extensions/XKBfile.h') },
    { apt: 'libsecret-1-dev', present: () => existsSync('/usr/include/libsecret-1/libsecret/secret.h') },
    { apt: 'libkrb5-dev', present: () => existsSync('/usr/bin/krb5-config') },
    // node-gyp, which builds code-server's native modules, runs Python 3.
    { apt: 'python3', present: () => onPath('python3') },
  ],
};

function onPath(command) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, command)));
}

/** The apt packages of the given groups ('run': the browser; 'build': installing VS Code) that are missing. */
export function missingPrerequisites(groups) {
  return groups.flatMap((group) => PREREQUISITES[group]).filter((p) => !p.present()).map((p) => p.apt);
}

/** The one line that names missing packages and the command that installs them. */
export function missingPackagesMessage(missing) {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  return `missing Debian packages: ${missing.join(' ')} (install them with: ${sudo}apt-get install -y ${missing.join(' ')})`;
}

/** Throws one line naming the missing apt packages of the given groups. */
export function checkPrerequisites(groups) {
  const missing = missingPrerequisites(groups);
  if (missing.length > 0) throw new Error(missingPackagesMessage(missing));
}

/** True when a package ('harness', 'min', 'latest') is installed and current. */
export function isInstalled(name) {
  return isCurrent(name, PACKAGES[name].dir());
}

function lockHash(dir) {
  const hash = createHash('sha256');
  hash.update(RECIPE);
  hash.update(readFileSync(path.join(dir, 'package.json')));
  hash.update(readFileSync(path.join(dir, 'package-lock.json')));
  return hash.digest('hex');
}

function stampPath(name) {
  return path.join(STATE_DIR, 'install', `${name}.stamp`);
}

function isCurrent(name, dir) {
  const stamp = stampPath(name);
  return existsSync(path.join(dir, 'node_modules')) && existsSync(stamp)
    && readFileSync(stamp, 'utf8').trim() === lockHash(dir);
}

function markCurrent(name, dir) {
  mkdirSync(path.dirname(stampPath(name)), { recursive: true });
  writeFileSync(stampPath(name), `${lockHash(dir)}\n`);
}

/** The environment every npm call of ours gets, on top of `extra`. */
/**
 * The environment of an outer npm (`npm test`) minus what it hands its scripts:
 * an inherited `npm_config_user_agent` would be read by the inner npm as its
 * own config, and code-server's postinstall would see the outer npm's Node.
 */
function cleanEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_(config_user_agent|node_execpath|execpath|lifecycle_|package_)/i.test(key)));
}

function npmEnv(extra = {}) {
  const xdg = path.join(STATE_DIR, 'xdg-config');
  mkdirSync(xdg, { recursive: true });
  return {
    ...cleanEnv(),
    // code-server's postinstall refuses to run as root without it.
    npm_config_unsafe_perm: 'true',
    // node-pty's postinstall runs `npx node-gyp`; a global `yes=false` would stop it.
    npm_config_yes: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
    // Every code-server call writes $XDG_CONFIG_HOME/code-server/config.yaml.
    XDG_CONFIG_HOME: xdg,
    ...extra,
  };
}

// A step of an install runs for up to minutes (npm ci, native builds) with
// its output kept for the error message: every PROGRESS_MS a line says it
// is still running and what it printed last.
const PROGRESS_MS = 15_000;

function lastLine(text) {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const line = lines[lines.length - 1] ?? '';
  return line.length > 100 ? `${line.slice(0, 97)}...` : line;
}

function run(command, args, { cwd, env, log }) {
  return new Promise((resolve, reject) => {
    const what = `${command} ${args.join(' ')}`;
    log(`$ (cd ${path.relative(process.cwd(), cwd) || '.'} && ${what})`);
    const started = Date.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk) => { output += chunk; };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const progress = setInterval(() => {
      const last = lastLine(output.slice(-2000));
      const short = what.length > 60 ? `${what.slice(0, 57)}...` : what;
      log(`  ... ${short}: ${Math.round((Date.now() - started) / 1000)} s${last ? `, last: ${last}` : ''}`);
    }, PROGRESS_MS);
    child.on('error', (error) => {
      clearInterval(progress);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(progress);
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}

/** A TMPDIR of ours holding the ripgrep archive @vscode/ripgrep would download. */
function seededTmpDir() {
  const tmp = path.join(STATE_DIR, 'tmp');
  const cacheDir = path.join(tmp, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const archive = path.join(cacheDir, RIPGREP_ASSET);
  if (!existsSync(archive)) {
    mkdirSync(cacheDir, { recursive: true });
    return { tmp, archive, needsBuild: true };
  }
  return { tmp, archive, needsBuild: false };
}

async function seedRipgrep(log) {
  const { tmp, archive, needsBuild } = seededTmpDir();
  if (needsBuild) {
    const staging = mkdtempSync(path.join(tmp, 'rg-'));
    copyFileSync('/usr/bin/rg', path.join(staging, 'rg'));
    await run('tar', ['czf', archive, '-C', staging, 'rg'], { cwd: tmp, env: process.env, log });
    rmSync(staging, { recursive: true, force: true });
  }
  return tmp;
}

/** Fails early when the lockfile brings a ripgrep other than the one we seed. */
function checkRipgrepVersion(dir) {
  const shrinkwrap = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'npm-shrinkwrap.json');
  const entry = JSON.parse(readFileSync(shrinkwrap, 'utf8')).packages?.['node_modules/@vscode/ripgrep'];
  if (entry && entry.version !== RIPGREP_PACKAGE_VERSION) {
    throw new Error(`code-server bundles @vscode/ripgrep ${entry.version}, the installer seeds ${RIPGREP_PACKAGE_VERSION}: update RIPGREP_* in ${import.meta.url}`);
  }
}

async function installHarness(log) {
  await run('npm', ['ci'], { cwd: E2E_DIR, env: npmEnv(), log });
}

async function installMin(log) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== REQUIRED_NODE_MAJOR_FOR_MIN) {
    throw new Error(`code-server 4.100.3 needs Node ${REQUIRED_NODE_MAJOR_FOR_MIN}; this is Node ${process.versions.node}`);
  }
  const dir = flavourPackageDir('min');
  const tmp = await seedRipgrep(log);
  // Unpack first without scripts so the bundled ripgrep version can be checked
  // before its postinstall would try the network.
  await run('npm', ['ci', '--ignore-scripts'], { cwd: dir, env: npmEnv(), log });
  checkRipgrepVersion(dir);
  // The npm on PATH must run on this Node: code-server's postinstall reads
  // the Node version from npm's user agent and builds native modules for it.
  const pathWithThisNode = `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`;
  await run('npm', ['rebuild'], { cwd: dir, env: npmEnv({ TMPDIR: tmp, PATH: pathWithThisNode }), log });
}

async function installLatest(log) {
  const dir = flavourPackageDir('latest');
  // The `node` package fetches the Node binary in its preinstall; code-server
  // must be set up afterwards by an npm that runs on that Node, with node-gyp
  // pointed at its headers (not at the machine's Node).
  await run('npm', ['ci', '--ignore-scripts'], { cwd: dir, env: npmEnv(), log });
  await run('npm', ['rebuild', 'node'], { cwd: dir, env: npmEnv(), log });
  const nodeDir = latestNodeDir();
  if (!existsSync(path.join(nodeDir, 'bin', 'node'))) {
    throw new Error(`the npm package "node" did not produce ${path.join(nodeDir, 'bin', 'node')}`);
  }
  const env = npmEnv({
    PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: nodeDir,
    TMPDIR: path.join(STATE_DIR, 'tmp'),
  });
  mkdirSync(env.TMPDIR, { recursive: true });
  const installed = JSON.parse(readFileSync(path.join(dir, 'package-lock.json'), 'utf8')).packages;
  const withScripts = Object.entries(installed)
    .filter(([key, entry]) => key.startsWith('node_modules/') && entry.hasInstallScript && key !== 'node_modules/node')
    .map(([key]) => key.slice('node_modules/'.length));
  await run('npm', ['rebuild', ...withScripts], { cwd: dir, env, log });
}

const LOCK_DIR = path.join(STATE_DIR, 'install', 'lock');

function lockHolder() {
  try {
    return JSON.parse(readFileSync(path.join(LOCK_DIR, 'owner.json'), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Only one process installs at a time: two `npm ci` in the same folder
 * delete each other's files. The lock is a folder (mkdir is atomic) naming
 * its holder; a lock whose holder has ended is taken over.
 */
async function withInstallLock(log, work) {
  mkdirSync(path.dirname(LOCK_DIR), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const holder = lockHolder();
    if (holder && isAlive(holder.pid) && startTimeOf(holder.pid) === holder.start) {
      if (!announced) log(`waiting for the install run by process ${holder.pid} ...`);
      announced = true;
    } else if (holder || Date.now() - statSync(LOCK_DIR).mtimeMs > 10_000) {
      // Its holder ended without releasing it (or never got to name itself).
      rmSync(LOCK_DIR, { recursive: true, force: true });
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  writeFileSync(path.join(LOCK_DIR, 'owner.json'), JSON.stringify({ pid: process.pid, start: startTimeOf(process.pid) }));
  const release = () => rmSync(LOCK_DIR, { recursive: true, force: true });
  process.once('exit', release);
  try {
    return await work();
  } finally {
    process.removeListener('exit', release);
    release();
  }
}

const PACKAGES = {
  harness: { dir: () => E2E_DIR, install: installHarness, what: 'the test harness (playwright-core)' },
  min: { dir: () => flavourPackageDir('min'), install: installMin, what: 'VS Code 1.100 (code-server 4.100.3, ~300 MB, about a minute with native builds)' },
  latest: { dir: () => flavourPackageDir('latest'), install: installLatest, what: 'the newest VS Code (code-server 4.139.1 on Node 24, ~620 MB, a few minutes)' },
};

/**
 * Makes sure the harness and the given VS Code flavours are installed.
 * Returns what was done per package, with timings.
 */
export async function ensureInstalled(flavours = FLAVOURS, { log = console.error, needBrowser = true } = {}) {
  const names = ['harness', ...flavours];
  for (const flavour of flavours) flavourPackageDir(flavour);
  if (names.every((name) => isCurrent(name, PACKAGES[name].dir()))) {
    if (needBrowser) checkPrerequisites(['run']);
    return names.map((name) => ({ name, action: 'up to date', seconds: 0 }));
  }
  return withInstallLock(log, () => installPending(names, { log, needBrowser }));
}

async function installPending(names, { log, needBrowser }) {
  // Decided under the lock: another process may just have installed them.
  const pending = names.filter((name) => !isCurrent(name, PACKAGES[name].dir()));
  checkPrerequisites([...(needBrowser ? ['run'] : []), ...(pending.some((n) => n !== 'harness') ? ['build'] : [])]);
  const report = [];
  for (const name of names) {
    const dir = PACKAGES[name].dir();
    if (!pending.includes(name)) {
      report.push({ name, action: 'up to date', seconds: 0 });
      continue;
    }
    const started = Date.now();
    log(`installing ${PACKAGES[name].what} in ${path.relative(process.cwd(), dir) || dir} ...`);
    // A half-finished earlier install must not count as installed.
    rmSync(stampPath(name), { force: true });
    await PACKAGES[name].install(log);
    markCurrent(name, dir);
    const seconds = (Date.now() - started) / 1000;
    log(`installed ${name} in ${seconds.toFixed(1)} s`);
    report.push({ name, action: 'installed', seconds });
  }
  return report;
}

/** Absolute path of a flavour's VS Code (`lib/vscode`), installing it first if needed. */
export async function ensureVscodeDir(flavour, options = {}) {
  await ensureInstalled([flavour], { needBrowser: false, ...options });
  return vscodeDir(flavour);
}
