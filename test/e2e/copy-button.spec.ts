import { expect, test } from './serve-fixture.ts';

interface CopyProbe {
  hooklabCopied: string[];
}

// In the desktop app the clipboard API can refuse (a permission denied, a window without focus).
// The copy buttons must then fall back to a selection copy rather than report a failure.
test('a copy button whose clipboard API rejects falls back to a selection copy, and says Copied', async ({ page, workspace }) => {
  await page.addInitScript(() => {
    const probe = globalThis as unknown as CopyProbe & {
      navigator: { clipboard: object };
      document: { execCommand(command: string): boolean; activeElement: { value?: string } | null };
    };
    probe.hooklabCopied = [];
    Object.defineProperty(probe.navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
    });
    probe.document.execCommand = (command: string) => {
      if (command !== 'copy') return false;
      probe.hooklabCopied.push(probe.document.activeElement?.value ?? '');
      return true;
    };
  });
  await page.goto(workspace.uiUrl);
  const receiverUrl = await page.getByTestId('receiver-url').innerText();
  const copy = page.getByRole('button', { name: 'Copy receiver URL' });
  await copy.click();
  await expect(copy).toHaveText('Copied');
  expect(await page.evaluate(() => (globalThis as unknown as CopyProbe).hooklabCopied)).toEqual([receiverUrl]);
});

test('a copy button says Copy failed when neither the clipboard API nor a selection copy works', async ({ page, workspace }) => {
  await page.addInitScript(() => {
    const probe = globalThis as unknown as { navigator: { clipboard: object }; document: { execCommand(): boolean } };
    Object.defineProperty(probe.navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
    probe.document.execCommand = () => false;
  });
  await page.goto(workspace.uiUrl);
  const copy = page.getByRole('button', { name: 'Copy receiver URL' });
  await copy.click();
  await expect(copy).toHaveText('Copy failed');
});
