// Folding adapter: the core's folds of a log (multi-line replies, sessions,
// header blocks, tracebacks) as folding ranges, found in time-bounded slices.

import * as vscode from 'vscode';
import { foldsBetween, sessionFolds, type Fold, type FoldKind } from './core/features/folding';
import type { DocumentModels } from './documentModels';
import { sessionsOf } from './sessionModels';
import { slicesDone } from './taskClock';
import { logError } from './outputLog';

/** Lines one step reads before it looks at the clock. */
const STEP_LINES = 1000;
/** Sessions one step looks at. */
const STEP_SESSIONS = 200;

const KIND: Record<FoldKind, vscode.FoldingRangeKind | undefined> = {
  reply: undefined,
  session: vscode.FoldingRangeKind.Region,
  header: vscode.FoldingRangeKind.Comment,
  traceback: undefined,
};

export class FoldingAdapter implements vscode.FoldingRangeProvider {
  constructor(private readonly models: DocumentModels) {}

  async provideFoldingRanges(doc: vscode.TextDocument, _context: vscode.FoldingContext, token: vscode.CancellationToken): Promise<vscode.FoldingRange[] | undefined> {
    try {
      const ready = await sessionsOf(this.models, doc, token);
      if (!ready) return undefined;
      const { log } = ready;
      const folds: Fold[] = [];
      let session = 0;
      let at = 0;
      let stale = false;
      await slicesDone(() => {
        stale = token.isCancellationRequested || this.models.get(doc) !== log;
        if (stale) return true;
        if (session < ready.sessions.sessions.length) session = sessionFolds(ready.sessions, folds, session, STEP_SESSIONS);
        else at = foldsBetween(log, at, at + STEP_LINES, folds);
        return session >= ready.sessions.sessions.length && at >= log.lineCount;
      }, 'folding');
      if (stale) return undefined;
      return folds.map((f) => new vscode.FoldingRange(f.start, f.end, KIND[f.kind]));
    } catch (e) {
      logError('folding failed', e);
      return undefined;
    }
  }
}
