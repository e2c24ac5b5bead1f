/**
 * The Team table: who the reps are, their emails, and which team each is in.
 */
import { isBlank, readDay, readName } from './cells';
import type { Day } from './day';
import { memo, repKeyOf } from './names';
import type { Problem } from './problems';
import { cellProblem, forEachRow, type ReadOptions } from './rows';
import { cellOf, readTable, type TableSpec } from './table';

export const TEAM_SPEC: TableSpec = {
  name: 'team',
  required: ['rep'],
  optional: ['email', 'team', 'startDate'],
  example: 'TeamTable or Team!A:D',
};

export interface Member {
  row: number;
  rep: string;
  repKey: string;
  email?: string;
  team?: string;
  teamKey?: string;
  startDate?: Day;
}

export interface TeamBook {
  readonly members: readonly Member[];
  /** Team key → the team's name as written and its members' rep keys. */
  readonly teams: ReadonlyMap<string, { name: string; repKeys: readonly string[] }>;
  readonly problems: readonly Problem[];
}

export const NO_TEAM: TeamBook = { members: [], teams: new Map(), problems: [] };

export function readTeam(values: unknown, options: ReadOptions): TeamBook {
  const table = readTable(values, TEAM_SPEC, options.lang);
  const problems: Problem[] = [];
  const members: Member[] = [];
  const teams = new Map<string, { name: string; repKeys: string[] }>();
  const key = memo(repKeyOf);
  forEachRow(table, options, problems, (cells, row) => {
    const rep = readName(cellOf(table, cells, 'rep'));
    const repKey = rep ? key(rep) : '';
    if (!rep || repKey === '') return undefined;
    const member: Member = { row, rep, repKey };
    const email = readName(cellOf(table, cells, 'email'));
    if (email) member.email = email;
    const team = readName(cellOf(table, cells, 'team'));
    if (team && key(team) !== '') {
      member.team = team;
      member.teamKey = key(team);
      const entry = teams.get(member.teamKey);
      if (entry) entry.repKeys.push(member.repKey);
      else teams.set(member.teamKey, { name: team, repKeys: [member.repKey] });
    }
    const startCell = cellOf(table, cells, 'startDate');
    if (!isBlank(startCell)) {
      const day = readDay(startCell, options.clock);
      if (day === undefined) return cellProblem(table, row, 'startDate', startCell, 'badDate', options);
      member.startDate = day;
    }
    members.push(member);
    return undefined;
  });
  return { members, teams, problems };
}
