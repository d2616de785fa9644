// The input box in which a palette command asks for a reply code, offering the
// one on the cursor's line.

import * as vscode from 'vscode';

/** A reply code as settings and commands take it: three digits, 100 to 699. */
export const REPLY_CODE = /^[1-6]\d\d$/;

/** The code typed, or undefined when the box was dismissed. */
export async function askReplyCode(title: string, prompt: string, offered?: string): Promise<string | undefined> {
  const typed = await vscode.window.showInputBox({
    title,
    prompt,
    value: offered ?? '',
    placeHolder: 'a reply code, e.g. 550',
    validateInput: (v) => (REPLY_CODE.test(v.trim()) ? undefined : 'Three digits, 100 to 699'),
  });
  return typed === undefined ? undefined : typed.trim();
}
