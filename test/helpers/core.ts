/** Reading fixtures straight into the core, for tests of the TypeScript modules. */
import { type Day, DayClock, dayFromIso } from '../../src/core/day';
import type { Workbook } from '../../src/core/engine';
import type { Lang } from '../../src/core/i18n';
import { readActivityLog } from '../../src/core/log';
import { readQuotas } from '../../src/core/quotas';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { NO_TEAM, readTeam } from '../../src/core/team';
import type { Grid } from './fixtures';

export function day(iso: string): Day {
  const value = dayFromIso(iso);
  if (value === undefined) throw new Error(`bad ISO day in a test: ${iso}`);
  return value;
}

export function workbook(
  tables: { activities?: Grid; quotas?: Grid; team?: Grid },
  settings: Partial<Settings> = {},
  lang: Lang = 'en',
): Workbook {
  const options = { clock: new DayClock('Asia/Seoul'), lang, strict: true };
  return {
    log: readActivityLog(tables.activities ?? [['Date', 'Rep', 'Activity', 'Quantity']], options),
    quotas: readQuotas(tables.quotas ?? [['Rep', 'Activity', 'Period', 'Target']], options),
    team: tables.team ? readTeam(tables.team, options) : NO_TEAM,
    settings: { ...DEFAULT_SETTINGS, ...settings },
    lang,
  };
}
