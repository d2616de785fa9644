// Wires the adapters to VS Code; every adapter reads the same core model.

import * as vscode from 'vscode';
import { DocumentModels, LANGUAGE_ID } from './documentModels';
import { DiagnosticsAdapter } from './diagnostics';
import { HoverAdapter } from './hover';
import { LanguageDetection } from './detection';
import { SemanticTokensAdapter } from './semanticTokens';
import { OutlineAdapter } from './outline';
import { FoldingAdapter } from './folding';
import { FtpLogStatus } from './statusBar';
import { registerDetectCommand } from './detectCommand';
import { openOutputLog, logInfo } from './outputLog';
import { registerCommands } from './commands';
import { QuickFixes } from './quickFixes';
import { ExplanationView } from './explanationView';
import { cpuClock, cpuOfLongestTaskMs, longestTaskCpuMs, longestTaskMs, longestTaskWork, resetTaskClock } from './taskClock';

/** What activate() returns: its own duration, which the integration run reports. */
export interface FtpLogApi {
  readonly activationMs: number;
  /** The longest the extension's own work has held the extension host in one go, in ms of wall time. */
  longestTaskMs(): number;
  /** The same in CPU time (undefined where the host cannot measure it), and which clock measured it. */
  longestTaskCpuMs(): number | undefined;
  /** The CPU time of the task behind longestTaskMs(): work, or waiting for a CPU. */
  cpuOfLongestTaskMs(): number | undefined;
  readonly cpuClock: 'thread' | 'process' | undefined;
  /** The most CPU one task took less the garbage collector's pauses in it, and the heaviest tasks (see taskClock). */
  longestTaskWork(): { cpuLessGcMs: number | undefined; heaviest: string[] };
  resetTaskClock(): void;
  /** The status bar item's text while it shows (an ftp-log editor is active), else undefined. */
  statusText(): string | undefined;
}

export function activate(context: vscode.ExtensionContext): FtpLogApi {
  const t0 = Date.now();
  const output = openOutputLog();
  const models = new DocumentModels();
  const detection = new LanguageDetection();
  const status = new FtpLogStatus(models);
  context.subscriptions.push(
    output,
    models,
    new DiagnosticsAdapter(models),
    detection,
    status,
    registerDetectCommand(detection, status),
    new SemanticTokensAdapter(models),
    vscode.languages.registerHoverProvider({ language: LANGUAGE_ID }, new HoverAdapter(models)),
    vscode.languages.registerDocumentSymbolProvider({ language: LANGUAGE_ID }, new OutlineAdapter(models), { label: 'FTP sessions' }),
    vscode.languages.registerFoldingRangeProvider({ language: LANGUAGE_ID }, new FoldingAdapter(models)),
  );
  // Commands, the quick fixes on our problems, and the explanations they open.
  const explanations = new ExplanationView(models);
  context.subscriptions.push(
    explanations,
    vscode.languages.registerCodeActionsProvider({ language: LANGUAGE_ID }, new QuickFixes(), QuickFixes.metadata),
    ...registerCommands(models, explanations),
  );
  logInfo(`activated in ${Date.now() - t0} ms`);
  const statusText = (): string | undefined => status.shownText;
  return { activationMs: Date.now() - t0, longestTaskMs, longestTaskCpuMs, cpuOfLongestTaskMs, cpuClock, longestTaskWork, resetTaskClock, statusText };
}

export function deactivate(): void {}
