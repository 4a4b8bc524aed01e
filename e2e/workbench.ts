/**
 * Driving VS Code's workbench in headless Debian Chromium with playwright-core: the DOM
 * selectors and keys measured in ../shared/e2e-recipe.md, and waits on what the page shows
 * (never fixed sleeps).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type FrameLocator, type Locator, type Page } from 'playwright-core';

export async function launchBrowser(profileDir: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
      // Keep Chromium's own lookups (autofill, accounts, updates) off the network.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** Monaco renders spaces as U+00A0. */
export function normalise(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

export async function openWorkbench(page: Page, url: string, folder: string): Promise<void> {
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}

/**
 * Runs a command from the palette. The extension may register its commands after the
 * workbench looks ready, and the palette lists only commands known when it opened, so a
 * missing row means: close, wait a little, open again.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.keyboard.press('F1');
    await input.waitFor();
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    try {
      await row.waitFor({ timeout: 3000 });
      await row.click();
      return;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error(`command "${title}" never appeared in the palette`);
}

export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(fileName);
  // The focused row, not any row: before the filter applies, the list of recent files may hold
  // the name further down while Enter would open the first one.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: fileName }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.editor-group-container.active .tab.active', { hasText: fileName }).waitFor();
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor();
}

/** Picks the quick pick row whose label is exactly `label`. */
export async function pickQuickItem(page: Page, label: string): Promise<void> {
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await rows.first().waitFor();
  const row = rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).first();
  await row.click();
}

/** The hits panel's page: two nested iframes (the webview host and its active frame), placed by VS Code in an overlay outside the panel's DOM. */
export function hitsPanel(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

export function visibleRows(panel: FrameLocator): Locator {
  return panel.locator('#table .row').filter({ visible: true });
}

export function activeEditorText(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor .view-lines');
}

/** "Ln 22, Col 7" from the status bar. */
export async function cursorPosition(page: Page): Promise<string> {
  return normalise(await page.locator('.statusbar-item[id="status.editor.selection"]').innerText());
}

/**
 * Waits for `label` in the suggest list that typing opened; asks again with Ctrl+Space when the
 * list did not open by itself (typing raced the language server), then closes it.
 */
export async function expectSuggestion(page: Page, label: string): Promise<void> {
  const item = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row .label-name', { hasText: label });
  try {
    await item.first().waitFor({ timeout: 10_000 });
  } catch {
    await page.keyboard.press('Control+Space');
    await item.first().waitFor({ timeout: 30_000 });
  }
  await page.keyboard.press('Escape');
}

export function toasts(page: Page): Locator {
  return page.locator('.notifications-toasts .notification-toast');
}

/** Dismisses every notification, so that a test can count the ones its own step shows. */
export async function clearNotifications(page: Page): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await toasts(page).first().waitFor({ state: 'detached' });
}

let settingsGeneration = 0;

/**
 * Replaces the workspace's .vscode/settings.json and waits until the workbench applied it: the
 * file also sets a new window title, and the page's title changing proves the configuration
 * was reloaded (the extension host gets it before any command run afterwards).
 */
export async function setWorkspaceSettings(page: Page, workspace: string, settings: Record<string, unknown>): Promise<void> {
  const title = `flowscript-e2e-settings-${++settingsGeneration}`;
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ ...settings, 'window.title': title }, null, 2));
  // A string: this project is typed without the DOM library.
  await page.waitForFunction(`document.title === ${JSON.stringify(title)}`, undefined, { timeout: 30_000 });
}

/** Replace All in the active editor through its find widget (typing code would trip auto-closing). */
export async function replaceInEditor(page: Page, find: string, replacement: string): Promise<void> {
  await activeEditorText(page).click();
  await page.keyboard.press('Control+H');
  const widget = page.locator('.editor-group-container.active .find-widget');
  await widget.locator('textarea[aria-label="Find"]').fill(find);
  await widget.locator('textarea[aria-label="Replace"]').fill(replacement);
  await widget.locator('textarea[aria-label="Replace"]').press('Control+Alt+Enter');
  await activeEditorText(page).filter({ hasText: replacement }).waitFor();
  await page.keyboard.press('Escape');
}
