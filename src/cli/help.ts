// `ftp-log --help`: every command and option.

export const USAGE = `usage: ftp-log check [options] [FILE...]
       ftp-log detect [FILE...]
       ftp-log explain [--markdown] CODE | FILE:LINE[:COL]
       ftp-log --help | --version`;

export const HELP = `ftp-log — the FTP replies of a transcript or server/client log, on the command line.

${USAGE}

Every FILE may be '-' (standard input; also read when no FILE is given) or a
gzip file (told by its content, whatever its name). Text is read as VS Code
reads it: UTF-8, or UTF-16 by its byte-order mark or its zero bytes. A
directory, FIFO, device or socket named as a FILE is refused; pipe it to
standard input instead.
What a log is, is decided from its first 10,000 lines; standard input that
goes quiet for a second before then (tail -f) is decided from what came.

Commands
  check FILE...        Print every 4xx/5xx reply as a problem, as the Problems
                       panel lists them, while the file is read (any size).
  detect FILE...       Print the detected log format of each FILE, or 'none'
                       (prefixed with the file name when several are given).
  explain CODE         Explain a reply code: meaning, causes, what to try.
  explain FILE:LINE[:COL]
                       Explain what the hover shows at that position (LINE and
                       COL count from 1; without COL, the reply on that line).

Options of check
  --format FORMAT      text (default): file:line:col: severity code meaning,
                       and a summary line on stderr;
                       json: one array of {file, line, column, endLine,
                       endColumn, severity, code, message};
                       jsonl: one such object per line;
                       sarif: SARIF 2.1.0, for code-scanning tools.
  --max-problems N     Print at most N problems (all are still counted).
  --ignore CODES       Never report these codes, e.g. --ignore 550,450.
  --severity RULES     Change severities by class or code, a code winning over
                       its class, e.g. --severity 4xx=error,550=none
                       (error, warning, information, hint, none).
  --color, --no-color  Colour the text output, or not (default: on a terminal,
                       unless NO_COLOR is set).
  --threads N          Check a large file (64 MiB or more) with N threads, each
                       reading a part of it; the output is the same, in file
                       order. Faster with N free cores, at about 100-150 MB of
                       memory more per thread. Default 1. Standard input, gzip,
                       UTF-16, SARIF and capped reads use one thread.

Options of check, detect and explain
  --max-bytes SIZE     Stop reading an input after SIZE bytes (after gunzip),
                       e.g. 500M, 2G; the run then exits 2.
  --max-seconds S      Stop reading after S seconds (an endless pipe); exits 2.

Options of explain
  --markdown           Print Markdown instead of terminal text.
  --color, --no-color  As for check.

Exit status
  0  no error was found (warnings may have been)
  1  an error (a 5xx reply, or what --severity makes an error) was found;
     for explain FILE:LINE, nothing to explain there
  2  bad usage, or an input could not be read or was cut short by a cap

Examples
  journalctl -u vsftpd | ftp-log check
  zcat /var/log/vsftpd.log.*.gz | ftp-log check --format jsonl
  ftp-log check --format sarif /var/log/xferlog.1.gz > ftp.sarif
  ftp-log check --threads 4 --format jsonl /var/log/vsftpd.log
  ftp-log explain 425`;
