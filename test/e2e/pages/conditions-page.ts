import { expect, type Locator, type Page } from '@playwright/test';

/** The condition playground: a Monaco condition editor, the builder, the live result and the sample. */
export class ConditionsPage {
  readonly page: Page;
  readonly result: Locator;
  readonly trace: Locator;
  readonly diagnostics: Locator;
  /** "did you mean" and other warnings: the condition runs, but likely not as meant. */
  readonly warnings: Locator;
  readonly editor: Locator;
  readonly sampleEditor: Locator;
  readonly sampleOrigin: Locator;

  constructor(page: Page) {
    this.page = page;
    this.result = page.getByTestId('condition-result');
    this.trace = page.getByTestId('condition-trace');
    this.diagnostics = page.getByTestId('condition-diagnostics');
    this.warnings = page.getByTestId('condition-warnings').locator('li');
    this.editor = page.getByTestId('condition-editor').locator('.monaco-editor');
    this.sampleEditor = page.getByTestId('json-editor').locator('.monaco-editor');
    this.sampleOrigin = page.getByTestId('sample-origin');
  }

  private async clear(editor: Locator): Promise<void> {
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
  }

  /** Replaces the condition by typing it key by key, as a person would. */
  async typeCondition(text: string): Promise<void> {
    await this.clear(this.editor);
    await this.page.keyboard.type(text);
  }

  /** Replaces the sample as a paste would. */
  async pasteSample(json: string): Promise<void> {
    await this.clear(this.sampleEditor);
    await this.page.keyboard.insertText(json);
  }

  async expectResult(result: 'true' | 'false' | 'null'): Promise<void> {
    await expect(this.result).toHaveAttribute('data-result', result);
    await expect(this.result).not.toHaveClass(/is-stale/);
  }
}
