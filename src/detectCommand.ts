// "FTP Log: Detect Log Format" (ftpLog.detectFormat): runs detection again on
// the active file, switches an FTP log to ftp-log (and detection back on for
// it), and says what it found.

import * as vscode from 'vscode';
import { familyInfo } from './core/families';
import type { Detected } from './core/scan/detect';
import type { LanguageDetection } from './detection';
import type { FtpLogStatus } from './statusBar';
import { logError } from './outputLog';

export const DETECT_FORMAT = 'ftpLog.detectFormat';

export function registerDetectCommand(detection: LanguageDetection, status: FtpLogStatus): vscode.Disposable {
  return vscode.commands.registerCommand(DETECT_FORMAT, async (): Promise<Detected | undefined> => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) {
      void vscode.window.showInformationMessage('FTP Log: open a log file first, then run Detect Log Format.');
      return undefined;
    }
    try {
      const { family } = await detection.detectNow(doc);
      status.update();
      const name = doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1) || doc.uri.toString();
      void vscode.window.showInformationMessage(
        family === 'none' ? `FTP Log: no FTP log format found in ${name}.` : `FTP Log: ${name} is a ${familyInfo(family).label} log.`,
      );
      return family;
    } catch (e) {
      logError('detect log format failed', e);
      return undefined;
    }
  });
}
