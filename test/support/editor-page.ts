import fs from 'fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, which `npm test` installs where it is missing. */
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/**
 * Headless Chromium as this machine allows it: without the background-networking flags Chromium keeps
 * dialling Google's hosts through a closed network, and as root it needs --no-sandbox.
 */
export async function launchChromium(): Promise<{ browser: Browser; stop(): Promise<void> }> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run with \`npm test\`, which installs Debian's chromium`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    // Playwright gives the browser a fresh profile of its own and removes it on close.
    stop: () => browser.close(),
  };
}

export interface EditorSession {
  page: Page;
  /** Console errors and uncaught page errors since the editor opened. */
  errors: string[];
  close(): Promise<void>;
}

/** Opens the Node-RED editor in a fresh browser context of the given language and waits until the flows are in. */
export async function openEditor(browser: Browser, base: string, locale: string, configNodes: number): Promise<EditorSession> {
  const context = await browser.newContext({ locale, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`); });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(base);
  await page.waitForFunction((count) => {
    const red = window.RED;
    if (!red?.nodes?.eachConfig || !document.querySelector('.red-ui-palette-node[data-palette-type]')) return false;
    let seen = 0;
    red.nodes.eachConfig(() => { seen++; });
    return seen >= count;
  }, configNodes, { timeout: 60000 });
  return { page, errors, close: () => context.close() };
}

/** A new empty flow tab, so placed nodes land where nothing else is drawn. */
export async function addFlowTab(page: Page): Promise<void> {
  const before = await page.evaluate(() => RED.nodes.getWorkspaceOrder().length);
  await page.evaluate(() => RED.actions.invoke('core:add-flow'));
  await page.waitForFunction((count) => RED.nodes.getWorkspaceOrder().length > count, before);
}

/** Drags the type from the palette onto the workspace as a user does; resolves with the new node's id. */
export async function placeFromPalette(page: Page, type: string, at: { x: number; y: number }): Promise<string> {
  const before: string[] = await page.evaluate((t) => RED.nodes.filterNodes({ type: t }).map((n: { id: string }) => n.id), type);
  const entry = page.locator(`.red-ui-palette-node[data-palette-type="${type}"]`);
  await entry.scrollIntoViewIfNeeded();
  await entry.hover();
  await page.mouse.down();
  const chart = (await page.locator('#red-ui-workspace-chart').boundingBox())!;
  await page.mouse.move(chart.x + at.x, chart.y + at.y, { steps: 12 });
  await page.mouse.up();
  const handle = await page.waitForFunction(({ t, known }) => {
    const added = RED.nodes.filterNodes({ type: t }).map((n: { id: string }) => n.id).filter((id: string) => !known.includes(id));
    return added.length === 1 ? added[0] : undefined;
  }, { t: type, known: before }, { timeout: 10000 });
  return (await handle.jsonValue()) as string;
}

/** Double-clicks the node on the workspace and waits for its edit tray. */
export async function openNodeDialog(page: Page, id: string): Promise<void> {
  await page.locator(`[id="${id}"] .red-ui-flow-node`).dblclick();
  await waitForTray(page, '#node-dialog-ok');
}

/** Picks the config node in the picker of `property`, as a user does, and opens it with the picker's pencil button. */
export async function openConfigDialog(page: Page, prefix: string, property: string, id: string): Promise<void> {
  await page.locator(`[id="${prefix}-${property}"]`).selectOption(id);
  await page.locator(`[id="${prefix}-btn-${property}-edit"]`).click();
  await waitForTray(page, '#node-config-dialog-ok');
}

/** Cancels the topmost tray and waits until it has gone (the tray under it, if any, is put back in its place). */
export async function cancelDialog(page: Page, config: boolean): Promise<void> {
  const tray = await page.locator('.red-ui-tray').last().elementHandle();
  await page.locator(config ? '#node-config-dialog-cancel' : '#node-dialog-cancel').click();
  await page.waitForFunction((el) => !el?.isConnected, tray);
}

async function waitForTray(page: Page, okButton: string): Promise<void> {
  await page.locator(okButton).waitFor({ state: 'visible' });
  // The tray slides in; a screenshot or a click before it settles lands in the wrong place.
  await page.waitForFunction(() => {
    const trays = document.querySelectorAll('.red-ui-tray');
    const top = trays[trays.length - 1];
    // Before the slide starts the tray waits off-screen with no transition running, so its place is checked too.
    return !!top && getComputedStyle(top).right === '0px' && top.getAnimations({ subtree: false }).length === 0
      && top.querySelector('.red-ui-tray-body form') !== null;
  });
}

/** Shows the node's help in the sidebar through the tray's book button; resolves with the help text shown. */
export async function showHelp(page: Page): Promise<string> {
  const trays = page.locator('.red-ui-tray');
  await trays.last().locator('.red-ui-tray-footer-left button:has(i.fa-book)').click();
  const help = page.locator('.red-ui-sidebar-help-stack');
  await help.waitFor({ state: 'visible' });
  return help.innerText();
}
