// The extension's own log: an output channel ("FTP Log", a log channel so
// VS Code's log level and timestamps apply) where the extension writes what
// it did and every error it caught, instead of the developer console no user
// opens. Adapters catch what the core throws and report it here, so nothing
// is thrown into the extension host.

import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** Creates the channel; called once by activate(). */
export function openOutputLog(): vscode.LogOutputChannel {
  channel = vscode.window.createOutputChannel('FTP Log', { log: true });
  return channel;
}

/** Notes something the extension did (shown at log level Info and below). */
export function logInfo(message: string): void {
  channel?.info(message);
}

/** Reports an error an adapter caught: `what` says which work failed. */
export function logError(what: string, error: unknown): void {
  if (channel) channel.error(`${what}:`, error instanceof Error ? error : String(error));
  else console.error(`ftp-log: ${what}`, error);
}

/** Brings the channel to the front (the "Show Log Output" command). */
export function showOutputLog(): void {
  channel?.show(true);
}
