// The ids of the commands FTP Log registers (package.json declares them).

import { SHOW_EXPLANATION } from './explanationLink';

export const COMMANDS = {
  nextFailure: 'ftpLog.nextFailure',
  previousFailure: 'ftpLog.previousFailure',
  showExplanation: SHOW_EXPLANATION,
  ignoreCode: 'ftpLog.ignoreCode',
  changeSeverity: 'ftpLog.changeSeverity',
  showOutput: 'ftpLog.showOutput',
} as const;
