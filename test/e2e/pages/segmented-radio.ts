import type { Locator } from '@playwright/test';

/** Picks an option of a segmented radio group: the radio itself is visually hidden inside its label, which takes the click. */
export async function chooseSegment(group: Locator, option: string | RegExp): Promise<void> {
  await group.locator('label.segmented-option', { hasText: option }).click();
}
