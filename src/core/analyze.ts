// One-shot analysis of a whole text: what the CLI, tests and benchmarks use.

import type { Command, Finding, LineResult, Reply } from './model';
import { LogDocument } from './scan/document';
import type { Detected } from './scan/detect';
import { allCommands, allReplies } from './query/replies';
import { findingsOf } from './features/findings';

export interface Analysis {
  readonly family: Detected;
  readonly lines: readonly LineResult[];
  readonly replies: readonly Reply[];
  readonly commands: readonly Command[];
  readonly findings: readonly Finding[];
  readonly document: LogDocument;
}

export function analyze(text: string): Analysis {
  const document = new LogDocument(text);
  const lines: LineResult[] = [];
  for (let i = 0; i < document.lineCount; i++) lines.push(document.lineResult(i));
  return {
    family: document.family,
    lines,
    replies: allReplies(document),
    commands: allCommands(document),
    findings: findingsOf(document),
    document,
  };
}
