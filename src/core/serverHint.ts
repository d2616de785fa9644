// Which server wrote a log, when the log format itself says so: the hover
// prefers that server's texts when several servers send the same words.

import type { Detected } from './detect';

const SERVER_BY_FAMILY: Partial<Record<Detected, string>> = {
  vsftpd: 'vsftpd',
  'proftpd-extlog': 'ProFTPD',
  proftpd: 'ProFTPD',
  'pure-ftpd': 'Pure-FTPd',
  'filezilla-server-legacy': 'FileZilla Server 0.9',
  'filezilla-server': 'FileZilla Server 1.x',
  iis: 'IIS FTP',
  pyftpdlib: 'pyftpdlib',
};

export function serverOfFamily(family: Detected): string | undefined {
  return SERVER_BY_FAMILY[family];
}
