/** SpreadsheetApp's Ui in memory: menus, alerts, prompts, sidebars and dialogs, recorded so tests can look. */
import { SERVICE_NAME } from './counter';
import type { FakeHtmlOutput } from './html';

export const BUTTON = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
export const BUTTON_SET = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;

export interface MenuItem {
  caption: string;
  /** The top-level function the item runs; undefined for a separator. */
  functionName?: string;
  submenu?: FakeMenu;
}

export class FakeMenu {
  readonly [SERVICE_NAME] = 'Menu';
  readonly items: MenuItem[] = [];
  constructor(
    private readonly ui: FakeUi,
    readonly caption: string,
  ) {}
  addItem(caption: string, functionName: string): this {
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): this {
    this.items.push({ caption: '---' });
    return this;
  }
  addSubMenu(menu: FakeMenu): this {
    this.items.push({ caption: menu.caption, submenu: menu });
    return this;
  }
  addToUi(): void {
    const existing = this.ui.menus.findIndex((menu) => menu.caption === this.caption);
    if (existing >= 0) this.ui.menus.splice(existing, 1, this);
    else this.ui.menus.push(this);
  }
}

export interface Alert {
  title: string;
  prompt: string;
  buttons: string;
}

/** What `Ui.prompt` returns: the text typed and the button pressed. */
export class FakePromptResponse {
  readonly [SERVICE_NAME] = 'PromptResponse';
  constructor(
    private readonly text: string,
    private readonly button: string,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): string {
    return this.button;
  }
}

/** A test's answer to the next prompt: the text typed, and the button (OK when left out). */
export interface PromptAnswer {
  text: string;
  button?: string;
}

export class FakeUi {
  readonly [SERVICE_NAME] = 'Ui';
  readonly Button = BUTTON;
  readonly ButtonSet = BUTTON_SET;
  readonly menus: FakeMenu[] = [];
  readonly alerts: Alert[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly dialogs: FakeHtmlOutput[] = [];
  /** What the next alerts answer (a queue; OK/YES when empty). */
  readonly answers: string[] = [];
  /** Prompts shown, as alerts are. */
  readonly prompts: Alert[] = [];
  /** What the next prompts answer (a queue; when empty, nothing typed and OK). */
  readonly promptAnswers: PromptAnswer[] = [];

  createMenu(caption: string): FakeMenu {
    return new FakeMenu(this, caption);
  }
  createAddonMenu(): FakeMenu {
    return new FakeMenu(this, 'Extensions › Activity Quota');
  }
  alert(titleOrPrompt: string, promptOrButtons?: string, buttons?: string): string {
    const hasTitle = buttons !== undefined || (promptOrButtons !== undefined && !(promptOrButtons in BUTTON_SET));
    const alert: Alert = hasTitle
      ? { title: titleOrPrompt, prompt: String(promptOrButtons ?? ''), buttons: buttons ?? 'OK' }
      : { title: '', prompt: titleOrPrompt, buttons: promptOrButtons ?? 'OK' };
    this.alerts.push(alert);
    const answer = this.answers.shift();
    if (answer) return answer;
    return alert.buttons.startsWith('YES') ? BUTTON.YES : BUTTON.OK;
  }
  /**
   * `prompt(prompt)`, `prompt(prompt, buttons)` or `prompt(title, prompt, buttons)`,
   * as Apps Script takes them: an input box (always empty at first) and the
   * buttons, OK alone by default. The answer's button must be one the dialog
   * has, or CLOSE (the dialog's own close box).
   */
  prompt(titleOrPrompt: string, promptOrButtons?: string, buttons?: string): FakePromptResponse {
    const hasTitle = buttons !== undefined;
    if (!hasTitle && promptOrButtons !== undefined && !(promptOrButtons in BUTTON_SET)) {
      throw new Error(`Exception: The parameters (String,String) don't match the method signature for Ui.prompt.`);
    }
    const shown: Alert = hasTitle
      ? { title: titleOrPrompt, prompt: String(promptOrButtons ?? ''), buttons }
      : { title: '', prompt: titleOrPrompt, buttons: promptOrButtons ?? 'OK' };
    this.prompts.push(shown);
    const answer = this.promptAnswers.shift() ?? { text: '' };
    const button = answer.button ?? (shown.buttons.startsWith('YES') ? BUTTON.YES : BUTTON.OK);
    const offered = shown.buttons === 'OK' ? ['OK'] : shown.buttons.split('_');
    if (button !== BUTTON.CLOSE && !offered.includes(button)) {
      throw new Error(`the test answered ${button} to a prompt with the buttons ${shown.buttons}`);
    }
    return new FakePromptResponse(answer.text, button);
  }
  showSidebar(output: FakeHtmlOutput): void {
    this.sidebars.push(output);
  }
  showModalDialog(output: FakeHtmlOutput, title: string): void {
    output.setTitle(title);
    this.dialogs.push(output);
  }
}
