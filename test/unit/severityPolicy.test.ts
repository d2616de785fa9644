// The one rule behind the severity/ignore settings and `ftp-log check --ignore/--severity`.

import * as assert from 'node:assert/strict';
import { severityPolicy } from '../../src/core/features/severityPolicy';

describe('severity policy', () => {
  it('keeps the defaults when nothing is set', () => {
    const p = severityPolicy();
    assert.equal(p.severityOf(550, 'error'), 'error');
    assert.equal(p.severityOf(425, 'warning'), 'warning');
  });

  it('ignores codes given as strings or numbers', () => {
    const p = severityPolicy({ ignoreCodes: ['550', 425, ' 530 '] });
    assert.equal(p.severityOf(550, 'error'), undefined);
    assert.equal(p.severityOf(425, 'warning'), undefined);
    assert.equal(p.severityOf(530, 'error'), undefined);
    assert.equal(p.severityOf(553, 'error'), 'error');
  });

  it('a code entry wins over its class entry; none hides; unknown values are left out', () => {
    const p = severityPolicy({ severity: { '4xx': 'error', '5XX': 'hint', '550': 'none', '553': 'loud' } });
    assert.equal(p.severityOf(425, 'warning'), 'error');
    assert.equal(p.severityOf(530, 'error'), 'hint');
    assert.equal(p.severityOf(550, 'error'), undefined);
    assert.equal(p.severityOf(553, 'error'), 'hint');
  });

  it('tells the setting that applies apart from an ignored code, for the quick fixes', () => {
    const p = severityPolicy({ ignoreCodes: ['550'], severity: { '550': 'hint', '5xx': 'warning' } });
    assert.equal(p.settingFor(550, 'error'), 'hint');
    assert.equal(p.settingFor(553, 'error'), 'warning');
    assert.equal(p.settingFor(425, 'warning'), 'warning');
    assert.equal(p.ignores(550), true);
    assert.equal(p.ignores(553), false);
    assert.equal(p.severityOf(550, 'error'), undefined);
  });
});
