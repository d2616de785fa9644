// Registers FTP Log's commands. Every handler is guarded: whatever goes wrong
// is written to the log output and never thrown into the extension host.

import * as vscode from 'vscode';
import type { DocumentModels } from './documentModels';
import { COMMANDS } from './commandIds';
import { goToFailure } from './failureNavigation';
import { changeSeverityCommand, ignoreCodeCommand } from './replyCodeCommands';
import { logError, showOutputLog } from './outputLog';
import type { ExplanationView } from './explanationView';

function guarded<A extends unknown[], R>(id: string, run: (...args: A) => R | Promise<R>): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => {
    try {
      return await run(...args);
    } catch (e) {
      logError(`command ${id} failed`, e);
      return undefined;
    }
  };
}

export function registerCommands(models: DocumentModels, explanations: ExplanationView): vscode.Disposable[] {
  const register = <A extends unknown[], R>(id: string, run: (...args: A) => R | Promise<R>) => vscode.commands.registerCommand(id, guarded(id, run));
  return [
    register(COMMANDS.nextFailure, () => goToFailure(models, 'next')),
    register(COMMANDS.previousFailure, () => goToFailure(models, 'previous')),
    register(COMMANDS.showExplanation, (args?: unknown) => explanations.show(args)),
    register(COMMANDS.ignoreCode, (args?: unknown) => ignoreCodeCommand(models, args)),
    register(COMMANDS.changeSeverity, (args?: unknown) => changeSeverityCommand(models, args)),
    register(COMMANDS.showOutput, () => showOutputLog()),
  ];
}
