import { expect, test } from './serve-fixture.ts';

test('without the printed token the UI explains how to get in, and shows no data', async ({ page, workspace }) => {
  await page.goto(workspace.serve.apiUrl);
  await expect(page.getByTestId('access-screen')).toContainText('Hooklab needs its access token');
  await expect(page.getByTestId('page-webhooks')).toHaveCount(0);
});

test('a token from an earlier run is refused with an explanation', async ({ page, workspace }) => {
  await page.goto(`${workspace.serve.apiUrl}/#token=not-the-token-of-this-run`);
  await expect(page.getByTestId('access-screen')).toContainText('no longer valid');
});
