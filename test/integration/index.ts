// Entry point VS Code's extension host loads as `extensionTestsPath`: runs
// every compiled integration test (out/test/integration/**/*.test.js) with
// mocha inside the host, so the tests use the real `vscode` API. The host
// exits 0 when run() resolves and 1 when it rejects.
//
// Results are printed one line per test with console.log, because the
// extension host forwards console output (and not process.stdout) to
// whoever drives it: the browser harness and @vscode/test-electron alike.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

const TEST_TIMEOUT_MS = 120_000;

function findTests(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .map((name) => path.join(dir, name))
    .sort();
}

/** One line per test result, plain text, so any console shows it as is. */
class LineReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;
    runner.on(EVENT_TEST_PASS, (test) => {
      console.log(`  ok    ${test.fullTitle()} (${test.duration ?? 0} ms)`);
    });
    runner.on(EVENT_TEST_PENDING, (test) => {
      console.log(`  skip  ${test.fullTitle()}`);
    });
    runner.on(EVENT_TEST_FAIL, (test, error: Error) => {
      console.log(`  FAIL  ${test.fullTitle()}`);
      console.log(indent(error.stack ?? String(error)));
    });
    runner.once(EVENT_RUN_END, () => {
      const stats = this.stats;
      console.log(`integration tests: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`);
    });
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `        ${line}`)
    .join('\n');
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: TEST_TIMEOUT_MS, color: false, reporter: LineReporter });
  // FTP_LOG_TESTS=hover,edits runs only the test files whose names contain one of the words (while working on them).
  const only = (process.env.FTP_LOG_TESTS ?? '').split(',').filter(Boolean);
  const files = findTests(__dirname).filter((f) => only.length === 0 || only.some((w) => path.basename(f).includes(w)));
  if (files.length === 0) {
    return Promise.reject(new Error(`no integration tests (*.test.js${only.length ? ` matching ${only.join(',')}` : ''}) under ${__dirname}`));
  }
  if (only.length > 0) console.log(`integration tests: only ${files.map((f) => path.basename(f)).join(', ')} (FTP_LOG_TESTS)`);
  for (const file of files) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (error) {
      reject(error);
    }
  });
}
