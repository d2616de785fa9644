// SFTPGo (drakkan/sftpgo internal/logger, fclairamb/ftpserverlib
// client_handler.go). Its log is one JSON object per line (zerolog: `level`,
// `time`, `sender`, context, event keys, `message` last), also inside journald
// after a syslog header, or the console layout
// `<time> DBG <message> | key=value … line=<text> ` when no log file is set.
// The FTP conversation is logged only with the binding's debug on, by
// ftpserverlib: `"line":"USER alice","message":"Received line"` for a command
// (PASS in clear: the core masks it) and `"line":"530 …","message":"Sending
// answer"` for each reply line. Every other number (clientId, ports,
// elapsed_ms, size_bytes) is a decoy.

import { Channel, Hit, setHit } from './hit';
import { sessionText } from './session';
import { stickyEnd } from './syntax';

const JSON_START = /\{"level":"[a-z]+","time":"[^"]*","sender":"/y;
const ANSWER = '","message":"Sending answer"}';
const RECEIVED = '","message":"Received line"}';
const LINE_KEY = '"line":"';
const CLIENT_KEY = '"clientId":"';

const CONSOLE_START = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3} [A-Z]{3} /y;

/** The JSON string value at `p` (after its opening quote): where it ends (its closing quote). */
function stringEnd(line: string, p: number): number {
  for (let i = p; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 34) return i;
  }
  return -1;
}

/** The value of `"key":"…"` as a session, when the line has it. */
function jsonValue(line: string, key: string, from: number): string | undefined {
  const at = line.indexOf(key, from);
  if (at < 0) return undefined;
  const start = at + key.length;
  const end = stringEnd(line, start);
  return end < 0 ? undefined : sessionText(line, start, end);
}

/** Events of SFTPGo's FTP side (`from`: the sender's value): ftpserverlib's, its FTP connections', transfers over FTP. */
function isFtpEvent(line: string, from: number): boolean {
  return (
    line.startsWith('ftpserverlib"', from) ||
    line.startsWith('FTP"', from) ||
    line.indexOf('"protocol":"FTP"', from) >= 0 ||
    line.indexOf('"connection_id":"FTP_', from) >= 0
  );
}

/** An SFTPGo JSON line from `from` (column 0, or after a journald header). */
export function recogniseSftpgoJson(line: string, from: number, hit: Hit): boolean {
  const p = stickyEnd(JSON_START, line, from);
  if (p < 0) return false;
  const isAnswer = line.endsWith(ANSWER);
  if (isAnswer || line.endsWith(RECEIVED)) {
    const end = line.length - (isAnswer ? ANSWER.length : RECEIVED.length);
    const key = line.lastIndexOf(LINE_KEY, end);
    if (key > p) {
      setHit(hit, 'sftpgo', isAnswer ? Channel.Reply : Channel.Command, 'sftpgo', key + LINE_KEY.length, end, jsonValue(line, CLIENT_KEY, p));
      hit.anyCase = true;
      return true;
    }
  }
  return setHit(hit, isFtpEvent(line, p) ? 'sftpgo' : undefined, Channel.Known, '', 0, 0);
}

/** `<text> ` after ` line=` on a console line: the value runs to the end, less the space the writer adds. */
function consoleValueEnd(line: string): number {
  return line.charCodeAt(line.length - 1) === 32 ? line.length - 1 : line.length;
}

const CONSOLE_ANSWER = 'Sending answer | sender=';
const CONSOLE_RECEIVED = 'Received line | sender=';

/** The console layout: `2025-03-17T19:57:02.648 DBG Sending answer | sender=ftpserverlib … line=220 ready `. */
export function recogniseSftpgoConsole(line: string, hit: Hit): boolean {
  const p = stickyEnd(CONSOLE_START, line, 0);
  if (p < 0) return false;
  const isAnswer = line.startsWith(CONSOLE_ANSWER, p);
  if (isAnswer || line.startsWith(CONSOLE_RECEIVED, p)) {
    const fields = p + (isAnswer ? CONSOLE_ANSWER.length : CONSOLE_RECEIVED.length);
    const key = line.indexOf(' line=', fields);
    if (key > 0) {
      const client = line.indexOf(' clientId=', fields);
      const session = client > 0 && client < key ? sessionText(line, client + 10, line.indexOf(' ', client + 10)) : undefined;
      setHit(hit, 'sftpgo', isAnswer ? Channel.Reply : Channel.Command, 'sftpgo', key + 6, consoleValueEnd(line), session);
      hit.anyCase = true;
      return true;
    }
  }
  const bar = line.indexOf(' | sender=', p);
  if (bar < 0) return false;
  const ftp = line.startsWith('ftpserverlib ', bar + 10) || line.indexOf(' protocol=FTP', bar) >= 0 || line.indexOf(' connection_id=FTP_', bar) >= 0;
  return setHit(hit, ftp ? 'sftpgo' : undefined, Channel.Known, '', 0, 0);
}
