import * as assert from 'assert';
import { explainSubStatus, explainWin32Status, knownWin32Statuses } from '../../src/core/catalogue/iisColumns';

describe('explainWin32Status', () => {
  it('names the Windows errors IIS FTP logs show most', () => {
    const want: [number, string][] = [
      [0, 'ERROR_SUCCESS'],
      [2, 'ERROR_FILE_NOT_FOUND'],
      [3, 'ERROR_PATH_NOT_FOUND'],
      [5, 'ERROR_ACCESS_DENIED'],
      [32, 'ERROR_SHARING_VIOLATION'],
      [112, 'ERROR_DISK_FULL'],
      [1326, 'ERROR_LOGON_FAILURE'],
      [10054, 'WSAECONNRESET'],
    ];
    for (const [n, name] of want) {
      const e = explainWin32Status(n)!;
      assert.strictEqual(e.code, n);
      assert.strictEqual(e.name, name);
      assert.ok(e.meaning.length > 5);
      assert.ok(e.source && e.source.includes('MicrosoftDocs/win32'), `${n} source`);
    }
  });

  it('cites the Microsoft page whose range holds the number', () => {
    for (const n of knownWin32Statuses()) {
      const src = explainWin32Status(n)!.source!;
      if (n < 500) assert.ok(src.includes('0-499'), `${n}`);
      else if (n < 1300) assert.ok(src.includes('1000-1299'), `${n}`);
      else if (n < 1700) assert.ok(src.includes('1300-1699'), `${n}`);
      else assert.ok(src.includes('WinSock'), `${n}`);
    }
  });

  it('names an uncatalogued number only as a Windows error', () => {
    const e = explainWin32Status(87)!;
    assert.deepStrictEqual(e, { code: 87, meaning: 'Windows error 87' });
    assert.strictEqual(explainWin32Status(4294967295)!.meaning, 'Windows error 4294967295');
  });

  it('rejects values that cannot be Windows error numbers', () => {
    assert.strictEqual(explainWin32Status(-1), undefined);
    assert.strictEqual(explainWin32Status(1.5), undefined);
    assert.strictEqual(explainWin32Status(Number.NaN), undefined);
  });
});

describe('explainSubStatus', () => {
  it('covers every IIS FTP sub-status from 0 to 55 with a cited meaning', () => {
    for (let n = 0; n <= 55; n++) {
      const e = explainSubStatus(n);
      assert.ok(e, `sub-status ${n} missing`);
      assert.strictEqual(e.sub, n);
      assert.ok(e.meaning.length > 3, `${n}`);
      assert.ok(e.source.includes('969061'), `${n} source`);
    }
  });

  it('tells the authorization refusals apart', () => {
    assert.notStrictEqual(explainSubStatus(1)!.meaning, explainSubStatus(2)!.meaning);
  });

  it('returns undefined for numbers KB 969061 does not list', () => {
    for (const n of [56, 421, 550, -1, 1.5]) assert.strictEqual(explainSubStatus(n), undefined, `${n}`);
  });
});
