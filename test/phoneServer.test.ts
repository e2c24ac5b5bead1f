/**
 * The phone web app as it ships (SPEC §5b): dist/phone/Code.js and its own
 * manifest, beside an add-on whose manifest it leaves alone, run in the local
 * runtime as a web app on the add-on's spreadsheet, with the sidebar's rules.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import vm from 'node:vm';
import * as acorn from 'acorn';
import { describe, expect, it } from 'vitest';
import { buildPhone, phoneSpreadsheetId } from '../build.mjs';
import { fill, LANGUAGES } from '../src/core/i18n';
import { PHONE } from '../src/core/i18n/phone';
import { SIDEBAR } from '../src/core/i18n/sidebar';
import type { LogResult } from '../src/core/serverApi';
import type { FakeHtmlOutput } from '../src/local/html';
import { DIST, ROOT } from '../src/local/paths';
import type { AppsScriptRuntime } from '../src/local/runtime';
import { PHONE_BUNDLE, PHONE_DIST, phoneRuntime } from './helpers/phone';
import { cellsReadFrom, entry, MIA, pasteEntries, RAJ, teamWorkbook } from './helpers/team';
import { cellDate, logRows, sheet } from './helpers/workbook';

const SCOPE = 'https://www.googleapis.com/auth/';
const code = readFileSync(PHONE_BUNDLE, 'utf8');
const manifest = JSON.parse(readFileSync(join(PHONE_DIST, 'appsscript.json'), 'utf8'));

describe('dist/phone/Code.js', () => {
  const program = acorn.parse(code, { ecmaVersion: 2020, sourceType: 'script' });
  const declared = program.body
    .filter((node): node is acorn.FunctionDeclaration => node.type === 'FunctionDeclaration')
    .map((node) => node.id.name);

  it('declares doGet and the page’s three server functions at top level, none private, beside one IIFE', () => {
    expect(declared.sort()).toEqual(['doGet', 'getSidebarState', 'logActivity', 'undoLastEntry']);
    // google.script.run cannot call a name ending in "_": the page calls none.
    expect(declared.filter((name) => name.endsWith('_'))).toEqual([]);
    const others = program.body.filter(
      (node) => node.type !== 'FunctionDeclaration' && !(node.type === 'ExpressionStatement' && 'directive' in node),
    );
    expect(others.map((node) => node.type)).toEqual(['VariableDeclaration']);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toContain('@customfunction');
  });

  it('runs doGet with every service throwing only once it is called: loading calls none', () => {
    const touched: string[] = [];
    const trap = (name: string) =>
      new Proxy(
        {},
        {
          get() {
            touched.push(name);
            throw new Error(`${name} called`);
          },
        },
      );
    const names = ['SpreadsheetApp', 'Session', 'HtmlService', 'LockService', 'PropertiesService', 'Utilities'];
    const context = vm.createContext(Object.fromEntries(names.map((name) => [name, trap(name)])));
    vm.runInContext(code, context);
    expect(touched).toEqual([]);
    expect(() => context.doGet({})).toThrow(/Session called/);
  });

  it('takes the spreadsheet from PHONE_SPREADSHEET_ID or phone.config.json, an address for its id, and refuses anything else', async () => {
    const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcd';
    await expect(phoneSpreadsheetId({ PHONE_SPREADSHEET_ID: id })).resolves.toBe(id);
    await expect(
      phoneSpreadsheetId({ PHONE_SPREADSHEET_ID: ` https://docs.google.com/spreadsheets/d/${id}/edit#gid=0 ` }),
    ).resolves.toBe(id);
    await expect(phoneSpreadsheetId({ PHONE_SPREADSHEET_ID: '' })).resolves.toBe('');
    await expect(phoneSpreadsheetId({ PHONE_SPREADSHEET_ID: 'my sheet' })).rejects.toThrow(/not a spreadsheet id/);
    await expect(phoneSpreadsheetId({ PHONE_SPREADSHEET_ID: '";alert(1);"' })).rejects.toThrow(/not a spreadsheet id/);
    // What was configured is the one line of Config.js that differs between teams.
    expect(readFileSync(join(PHONE_DIST, 'Config.js'), 'utf8')).toMatch(/^const PHONE_SPREADSHEET_ID = "[\w-]*";$/m);
  });
});

describe('the phone page’s words', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  it.each(LANGUAGES.filter((lang) => lang !== 'en'))(
    'are a real translation in %s, each keeping its placeholders',
    (lang) => {
      for (const part of ['labels', 'fields'] as const) {
        for (const [key, english] of Object.entries(PHONE.en[part])) {
          const text = (PHONE[lang][part] as Record<string, string>)[key] ?? '';
          expect(text, `${lang} ${key}`).not.toBe(english);
          expect(text.trim(), `${lang} ${key}`).not.toBe('');
          expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(english));
        }
      }
    },
  );
});

describe('the manifests', () => {
  it('runs the web app as the user accessing it, within the domain, with its own two scopes, each in the README', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.webapp).toEqual({ executeAs: 'USER_ACCESSING', access: 'DOMAIN' });
    expect([...manifest.oauthScopes].sort()).toEqual([`${SCOPE}spreadsheets`, `${SCOPE}userinfo.email`]);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Logging from a phone'));
    for (const scope of manifest.oauthScopes) expect(section, scope).toContain(`\`${scope}\``);
  });

  it('leaves the add-on’s manifest and code as they are: no web app, never the full spreadsheets scope', async () => {
    const files = ['appsscript.json', 'Code.js', 'Sidebar.html'];
    const before = files.map((name) => readFileSync(join(DIST, name), 'utf8'));
    const addOn = JSON.parse(before[0] as string);
    expect(before[0]).toBe(readFileSync(join(ROOT, 'appsscript.json'), 'utf8'));
    expect(addOn.webapp).toBeUndefined();
    expect(addOn.oauthScopes).not.toContain(`${SCOPE}spreadsheets`);
    expect(addOn.oauthScopes).toContain(`${SCOPE}spreadsheets.currentonly`);
    // Another team's phone build changes nothing of the add-on's files.
    const dir = mkdtempSync(join(tmpdir(), 'aq-phone-'));
    await buildPhone({ dir, spreadsheetId: 'another-teams-spreadsheet-id-0123456789' });
    expect(files.map((name) => readFileSync(join(DIST, name), 'utf8'))).toEqual(before);
    expect(readFileSync(join(dir, 'Code.js'), 'utf8')).toBe(code);
    expect(readFileSync(join(dir, 'Config.js'), 'utf8')).toContain('"another-teams-spreadsheet-id-0123456789"');
  });

  it('pushes each project’s own files with clasp: the add-on never gets the web app’s', async () => {
    const clasp = join(ROOT, 'node_modules', '.bin', 'clasp');
    const status = async (...project: string[]) => {
      const { stdout } = await promisify(execFile)(clasp, [...project, 'show-file-status', '--json'], { cwd: ROOT });
      return (JSON.parse(stdout) as { filesToPush: string[] }).filesToPush.sort();
    };
    await expect(status()).resolves.toEqual(['dist/Code.js', 'dist/Sidebar.html', 'dist/appsscript.json']);
    await expect(status('-P', '.clasp.phone.json')).resolves.toEqual([
      'dist/phone/Code.js',
      'dist/phone/Config.js',
      'dist/phone/Phone.html',
      'dist/phone/appsscript.json',
    ]);
  }, 60_000);
});

describe('the web app in the local runtime', () => {
  it('runs as a web app: no active spreadsheet, no document lock or properties; it opens the file by id', () => {
    const rt = teamWorkbook();
    const phone = phoneRuntime(rt);
    const script = (text: string) => vm.runInContext(text, phone.context);
    expect(script('SpreadsheetApp.getActive()')).toBeNull();
    expect(script('LockService.getDocumentLock()')).toBeNull();
    expect(script('PropertiesService.getDocumentProperties()')).toBeNull();
    expect(script(`SpreadsheetApp.openById(${JSON.stringify(rt.spreadsheet.id)}).getName()`)).toBe(rt.spreadsheet.name);
    // With the add-on's scopes, the same call is refused: only the web app may open a file by id.
    const narrow = phoneRuntime(rt, { manifest: join(DIST, 'appsscript.json') });
    expect(() =>
      vm.runInContext(`SpreadsheetApp.openById(${JSON.stringify(rt.spreadsheet.id)})`, narrow.context),
    ).toThrow(
      `Specified permissions are not sufficient to call SpreadsheetApp.openById. Required permissions: ${SCOPE}spreadsheets`,
    );
    expect(() => narrow.call('getSidebarState')).toThrow(PHONE.en.labels.noAccess);
  });

  it('serves the page with its title and a viewport for the phone’s width', () => {
    const rt = teamWorkbook();
    const page = phoneRuntime(rt).call('doGet', { parameter: {} }) as FakeHtmlOutput;
    expect(page.getContent()).toBe(readFileSync(join(PHONE_DIST, 'Phone.html'), 'utf8'));
    expect(page.title).toBe(SIDEBAR.en.labels.title);
    expect(page.metaTags).toEqual([{ name: 'viewport', content: 'width=device-width, initial-scale=1' }]);
  });

  it.each(LANGUAGES)(
    'says in %s when no spreadsheet was configured, or this user cannot open it; and writes nothing',
    (lang) => {
      const rt = teamWorkbook({ userLocale: lang });
      const words = PHONE[lang].labels;
      const before = logRows(rt).length;
      const none = phoneRuntime(rt, { spreadsheetId: '' });
      expect((none.call('doGet', {}) as FakeHtmlOutput).getContent()).toContain(escaped(words.noSpreadsheet));
      expect(() => none.call('getSidebarState')).toThrow(words.noSpreadsheet);
      expect((none.call('logActivity', entry('no-id')) as LogResult).message).toBe(words.noSpreadsheet);
      expect(none.calls.count('SpreadsheetApp.openById')).toBe(0);
      rt.spreadsheet.sharedWith = new Set([MIA]);
      const raj = phoneRuntime(rt);
      const refused = `${words.noAccess} ${fill(words.signedInAs, { user: RAJ })}`;
      const page = (raj.call('doGet', {}) as FakeHtmlOutput).getContent();
      expect(page).toContain(escaped(refused));
      expect(page).toContain(`<html lang="${lang}">`);
      expect((raj.call('logActivity', entry('not-shared')) as LogResult).message).toBe(refused);
      expect((raj.call('undoLastEntry', 'seed-1') as LogResult).message).toBe(refused);
      expect(logRows(rt)).toHaveLength(before);
      // Mia, with whom it is shared, logs.
      const mia = phoneRuntime(rt, { user: MIA });
      expect((mia.call('logActivity', entry('shared', { rep: 'Mia' })) as LogResult).ok).toBe(true);
      expect(logRows(rt)).toHaveLength(before + 1);
    },
  );

  it('logs as the sidebar does: the same row, the same id appended once, the same answers in six languages', () => {
    const rt = teamWorkbook();
    const phone = phoneRuntime(rt);
    const fromPhone = phone.call('logActivity', entry('phone-1', { notes: '=1+1' })) as LogResult;
    const fromSidebar = rt.call('logActivity', entry('sidebar-1', { notes: '=1+1' })) as LogResult;
    expect(fromPhone.message).toBe(fromSidebar.message);
    const [a, b] = logRows(rt).slice(-2);
    expect(a?.slice(0, 6)).toEqual(b?.slice(0, 6));
    expect([a?.[7], b?.[7]]).toEqual(['phone-1', 'sidebar-1']);
    expect(a?.[5]).toBe(RAJ);
    expect((phone.call('logActivity', entry('phone-1')) as LogResult).message).toBe(SIDEBAR.en.labels.duplicate);
    expect((phone.call('logActivity', entry('sidebar-1')) as LogResult).message).toBe(SIDEBAR.en.labels.duplicate);
    expect(logRows(rt).filter((row) => row[7] === 'phone-1')).toHaveLength(1);
    const bad = [
      entry('x', { quantity: 0 }),
      entry('x', { activity: '\u200b' }),
      entry('x', { date: '2026-11-19' }),
      entry('x', { notes: 'x'.repeat(1001) }),
      entry('x', { rep: '' }),
      entry('x', { quantity: 'lots' }),
    ];
    for (const lang of LANGUAGES) {
      rt.userLocale = lang;
      phone.userLocale = lang;
      for (const input of bad) {
        const fromPhone = phone.call('logActivity', input) as LogResult;
        expect(fromPhone.ok).toBe(false);
        expect(fromPhone).toEqual(rt.call('logActivity', input));
      }
      // The messages that send the user to reload say "the page" on the phone.
      const noId = phone.call('logActivity', entry('')) as LogResult;
      expect(noId.errors).toEqual([{ field: 'form', message: PHONE[lang].fields.badId }]);
    }
    expect(logRows(rt).filter((row) => row[7] === 'x')).toEqual([]);
  });

  it('undoes only what this user logged, and waits for its script lock: busy, "try again" and nothing written', () => {
    const rt = teamWorkbook();
    const raj = phoneRuntime(rt);
    const mia = phoneRuntime(rt, { user: MIA });
    expect((mia.call('logActivity', entry('mia-1', { rep: 'Mia' })) as LogResult).ok).toBe(true);
    expect((raj.call('undoLastEntry', 'mia-1') as LogResult).message).toBe(SIDEBAR.en.fields.undoNotYours);
    const undone = mia.call('undoLastEntry', 'mia-1') as LogResult;
    expect(undone.ok, undone.message).toBe(true);
    expect(logRows(rt).some((row) => row[7] === 'mia-1')).toBe(false);
    // Every user of the web app shares its script lock (the add-on's document lock is not the web app's).
    raj.locks.scriptLock.holder = 'another-execution';
    raj.locks.scriptLock.busyFor = 1;
    const before = logRows(rt).length;
    expect((raj.call('logActivity', entry('busy')) as LogResult).message).toBe(SIDEBAR.en.fields.tryAgain);
    expect(logRows(rt)).toHaveLength(before);
    expect(raj.locks.documentLock.acquisitions).toBe(0);
    expect((raj.call('logActivity', entry('busy')) as LogResult).ok).toBe(true);
  });

  it('keeps the board exactly what a refresh writes, through entries from the phone and the sidebar in turn', () => {
    const rt = teamWorkbook();
    const phone = phoneRuntime(rt);
    const board = () =>
      sheet(rt, 'Status')
        .getDataRange()
        .getValues()
        .map((row) => row.map(String));
    const steps: [AppsScriptRuntime, string, unknown][] = [
      [phone, 'logActivity', entry('p1')],
      [phone, 'logActivity', entry('p2', { activity: 'Emails', quantity: 3 })],
      [rt, 'logActivity', entry('s1')],
      [phone, 'logActivity', entry('p3', { rep: 'Mia' })],
      [phone, 'undoLastEntry', 'p3'],
      [rt, 'undoLastEntry', 'p2'],
    ];
    for (const [who, name, arg] of steps) {
      const result = who.call(name, arg) as LogResult;
      expect(result.ok, `${name} ${JSON.stringify(arg)}: ${result.message}`).toBe(true);
      const kept = board();
      rt.call('refreshStatus');
      expect(kept, `${name} ${JSON.stringify(arg)}`).toEqual(board());
    }
    expect(rt.spreadsheet.getRangeByName('AsOfDate')?.getValue()).toEqual(cellDate(rt, '2026-11-18'));
  });

  it('reads the same few cells of the log to log, undo and open at 1,000 and 20,000 rows', () => {
    const read: Record<number, number[]> = {};
    for (const rows of [1_000, 20_000]) {
      const rt = teamWorkbook();
      pasteEntries(rt, rows);
      const phone = phoneRuntime(rt);
      // The web app's first entry finds no board of its own remembered and refreshes it whole, once.
      expect((phone.call('logActivity', entry('first')) as LogResult).ok).toBe(true);
      const cells = (action: () => void) => cellsReadFrom(phone, 'Activities', action, /^Range\.getValues$/);
      read[rows] = [
        cells(() => expect((phone.call('logActivity', entry('cost-1')) as LogResult).ok).toBe(true)),
        cells(() => expect((phone.call('undoLastEntry', 'cost-1') as LogResult).ok).toBe(true)),
        cells(() => phone.call('getSidebarState')),
      ];
    }
    expect(read[20_000]).toEqual(read[1_000]);
    for (const cells of read[1_000] ?? []) expect(cells).toBeLessThanOrEqual(8 * 503);
  }, 120_000);
});

/** As the error page writes text: HTML's special characters escaped. */
function escaped(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
