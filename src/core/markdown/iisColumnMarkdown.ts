// The hover over an IIS row's sc-win32-status or sc-substatus value: what the
// number means and that it is not a reply code. The number is a digit run from
// the document, so it is shown through the same rule as any document text.

import { explainSubStatus, explainWin32Status } from '../catalogue/iisColumns';
import { shortSource } from './sources';

const NOT_A_REPLY = 'Not an FTP reply code: IIS logs it beside the reply code in sc-status.';

export function iisColumnMarkdown(column: 'sc-win32-status' | 'sc-substatus', value: number): string {
  if (column === 'sc-win32-status') {
    const w = explainWin32Status(value);
    const name = w?.name ? ` ${w.name.replace(/_/g, '\\_')}` : '';
    const meaning = w?.source ? `${w.meaning} *(${shortSource(w.source)})*` : 'A Windows system error number this catalogue does not explain.';
    return `**sc-win32-status ${value}**${name} — *Windows system error*\n\n${value === 0 ? 'No error: the operation succeeded.' : meaning}\n\n${NOT_A_REPLY}\n`;
  }
  const s = explainSubStatus(value);
  const meaning = s ? `${s.meaning} *(${shortSource(s.source)})*` : 'A sub-status KB 969061 does not list.';
  return `**sc-substatus ${value}** — *IIS FTP sub-status*\n\n${meaning}\n\n${NOT_A_REPLY}\n`;
}
