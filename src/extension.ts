// Wires the adapters to VS Code; every adapter reads the same core model.

import * as vscode from 'vscode';
import { DocumentModels, LANGUAGE_ID } from './documentModels';
import { DiagnosticsAdapter } from './diagnostics';
import { HoverAdapter } from './hover';
import { LanguageDetection } from './detection';

export function activate(context: vscode.ExtensionContext): void {
  const models = new DocumentModels();
  context.subscriptions.push(
    models,
    new DiagnosticsAdapter(models),
    new LanguageDetection(),
    vscode.languages.registerHoverProvider({ language: LANGUAGE_ID }, new HoverAdapter(models)),
  );
}

export function deactivate(): void {}
