import { expect, type Locator, type Page } from '@playwright/test'

/** Locators and steps the inspector tests share (a small page object). */
export const rows = (page: Page): Locator => page.getByTestId('request-row')

/** Clicks the row whose path contains `path` and waits for its detail pane. */
export async function openRequest(page: Page, path: string): Promise<void> {
  await rows(page).filter({ hasText: path }).click()
  await expect(page.getByTestId('request-detail')).toContainText(path)
}
