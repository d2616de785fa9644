// The session model of an open document, complete: built (or caught up after
// an edit) in time-bounded slices, so a 50 MB log never holds the extension
// host. Outline and folding ask for it.

import * as vscode from 'vscode';
import type { LogDocument } from './core/scan/document';
import { sessionModelOf, type SessionModel } from './core/query/sessions';
import type { DocumentModels } from './documentModels';
import { slicesDone } from './taskClock';

/** Lines one step of building reads before it looks at the clock. */
const STEP_LINES = 2000;

export interface ReadyModels {
  readonly log: LogDocument;
  readonly sessions: SessionModel;
}

/** The scanned log and its complete session model, or undefined when `doc` changed, closed or the request was cancelled. */
export async function sessionsOf(models: DocumentModels, doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<ReadyModels | undefined> {
  const version = doc.version;
  const log = await models.whenReady(doc, token);
  if (!log || token.isCancellationRequested) return undefined;
  const sessions = sessionModelOf(log);
  let stale = false;
  await slicesDone(() => {
    stale = token.isCancellationRequested || doc.version !== version || models.get(doc) !== log;
    return stale || sessions.advance(STEP_LINES);
  }, 'sessions');
  return stale ? undefined : { log, sessions };
}
