/** HtmlService in memory: the pages the add-on builds (sidebars, dialogs, a web app's page). */
import { SERVICE_NAME } from './counter';

export class FakeHtmlOutput {
  readonly [SERVICE_NAME] = 'HtmlOutput';
  title = '';
  width = 300;
  height = 0;
  constructor(public content: string) {}
  setTitle(title: string): this {
    this.title = title;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
  getContent(): string {
    return this.content;
  }
  append(html: string): this {
    this.content += html;
    return this;
  }
  setSandboxMode(_mode: unknown): this {
    return this;
  }
  /** Meta tags given to `addMetaTag`: in a web app, the only ones the page gets. */
  readonly metaTags: { name: string; content: string }[] = [];
  /** Apps Script allows only these names (HtmlOutput.addMetaTag); the emulator refuses others. */
  addMetaTag(name: string, content: string): this {
    if (!['viewport', 'apple-mobile-web-app-capable', 'mobile-web-app-capable'].includes(name)) {
      throw new Error(
        `addMetaTag: the meta tag "${name}" is not allowed (only viewport, apple-mobile-web-app-capable, mobile-web-app-capable)`,
      );
    }
    this.metaTags.push({ name, content });
    return this;
  }
}

export class FakeHtmlService {
  readonly [SERVICE_NAME] = 'HtmlService';
  readonly SandboxMode = { IFRAME: 'IFRAME' };
  constructor(private readonly files: (name: string) => string) {}
  createHtmlOutput(html = ''): FakeHtmlOutput {
    return new FakeHtmlOutput(String(html));
  }
  createHtmlOutputFromFile(name: string): FakeHtmlOutput {
    return new FakeHtmlOutput(this.files(name));
  }
}
