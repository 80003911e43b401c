import assert from 'assert/strict';
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { PRODUCERS } from '../../nodes/analytics/simulator';
import { FINESSE_COMMANDS } from '../../nodes/finesse/schema/commands';
import { FINESSE_EVENT_TYPES } from '../../nodes/finesse/schema/events';
import { catalogText, helpOpening, loadCatalogs, plain, readDialog, untranslatedKeys, vendorDirs } from '../support/dialog-checks';
import { addFlowTab, cancelDialog, launchChromium, openConfigDialog, openEditor, openNodeDialog, placeFromPalette, showHelp } from '../support/editor-page';
import { ROOT, startNodeRed, type RunningNodeRed } from '../support/node-red-process';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startDemoSimulators } = require(path.join(ROOT, 'scripts', 'lib', 'demo-simulators.js'));
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { prepareUserDir } = require(path.join(ROOT, 'scripts', 'lib', 'demo-userdir.js'));

const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string };
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'editor-dialogs');

/**
 * Stored secrets no page text can hold by chance, one for every credential of every node type the pack's editor HTML
 * declares, so the page is searched for each. They replace the demo's: what they would log in to does not matter here,
 * and the certificates and keys are not read with TLS off. The Analytics server keeps the simulator's login (short,
 * common words), as its producer list is one of the things checked; its fields are still checked for the stored-value marker.
 */
function storedSecrets(): Record<string, Record<string, string>> {
  const secrets: Record<string, Record<string, string>> = {};
  for (const vendor of vendorDirs(ROOT)) {
    for (const file of fs.readdirSync(vendor).filter((f) => /^cc-.*\.html$/.test(f))) {
      const type = file.replace(/\.html$/, '');
      if (type === 'cc-analytics-server') continue;
      const block = /credentials:\s*\{((?:[^{}]|\{[^{}]*\})*)\}/.exec(fs.readFileSync(path.join(vendor, file), 'utf8'));
      const keys = block ? [...block[1].matchAll(/(\w+)\s*:\s*\{/g)].map((m) => m[1]) : [];
      if (keys.length) secrets[type] = Object.fromEntries(keys.map((key) => [key, `stored-${type}-${key}-secret`]));
    }
  }
  return secrets;
}
const STORED_SECRETS = storedSecrets();

/** The lists a dialog fills from the server, what they must come to, and where they show. */
const SERVER_LISTS: Record<string, { selector: string; expected: string[] }> = {
  'cc-analytics-measures': { selector: '#cc-analytics-measures-list input[type=checkbox]', expected: PRODUCERS.map((p) => p.producerId) },
  'cc-finesse-command': { selector: '#node-input-command optgroup option', expected: FINESSE_COMMANDS.map((c) => c.name) },
  'cc-finesse-events': { selector: '#cc-finesse-events-list input[type=checkbox]', expected: [...FINESSE_EVENT_TYPES] },
};

type Catalogs = ReturnType<typeof loadCatalogs>;

function catalogOrThrow(catalogs: Catalogs, key: string): string {
  const text = catalogText(catalogs, key);
  if (text === undefined) throw new Error(`no catalog text ${key}`);
  return text;
}

/**
 * A command the Finesse dialog is made to describe: with arguments and a caveat, texts whose English lives in the
 * schema and whose German in the catalog.
 */
const DESCRIBED_COMMAND = 'ScheduleCallback';

/** What the Finesse command dialog must say of DESCRIBED_COMMAND in a language: the schema's English, or the catalog's translation. */
function commandTexts(catalogs: Catalogs, lang: string): string[] {
  const command = FINESSE_COMMANDS.find((c) => c.name === DESCRIBED_COMMAND);
  if (!command?.caveat || command.args.length === 0) throw new Error(`${DESCRIBED_COMMAND} no longer has arguments and a caveat`);
  const text = (path: string, english: string) =>
    (lang === 'en-US' ? english : catalogOrThrow(catalogs, `cc-finesse-command.commands.${command.name}.${path}`));
  return [text('description', command.description), ...command.args.map((a) => text(`args.${a.name}`, a.label)), text('caveat', command.caveat)];
}

/**
 * Texts a dialog builds in JavaScript from the catalog and the fields not filled in yet: the fields are cleared
 * and the text must be the catalog's, its placeholder parts in the dialog's language too.
 */
const DERIVED_TEXTS: Record<string, { clear: string[]; selector: string; attribute?: string; expected(c: Catalogs): string }> = {
  'cc-axp-account': {
    clear: ['#node-config-input-apiHost', '#node-config-input-accountId'],
    selector: '#node-config-input-tokenUrl',
    attribute: 'placeholder',
    expected: (c) => catalogOrThrow(c, 'cc-axp-account.placeholder.tokenUrl').replace('__url__',
      `https://${catalogOrThrow(c, 'cc-axp-account.placeholder.apiHostPart')}/api/auth/v1/${catalogOrThrow(c, 'cc-axp-account.placeholder.accountIdPart')}/protocol/openid-connect/token`),
  },
  'cc-analytics-server': {
    clear: ['#node-config-input-baseUrl'],
    selector: '#cc-analytics-server-base',
    expected: (c) => catalogOrThrow(c, 'cc-analytics-server.hint.base').replace('__url__', `https://${catalogOrThrow(c, 'cc-analytics-server.hint.hostPart')}/orca-streams-rest`),
  },
};

interface FlowNode { id: string; type: string; x?: number }

/**
 * The editor as an integrator meets it, in Debian's Chromium: every node type the running Node-RED registered for
 * the pack is placed from the palette (config nodes are opened from the pickers that use them) and its dialog is
 * checked in English and in German.
 */
describe('Every dialog in a real browser', function () {
  this.timeout(240000);
  let simulators: { stop(): Promise<void>; endpoints: object; credentials: Record<string, Record<string, string>> };
  let red: RunningNodeRed;
  let chromium: { browser: Browser; stop(): Promise<void> };
  let userDir: string;
  let types: string[];
  let configNodeCount: number;
  let secrets: string[];

  before(async () => {
    if (!process.env.KAFKA_BROKERS || !process.env.ACTIVEMQ_STOMP) throw new Error('run with `npm test`, which starts Kafka and ActiveMQ');
    simulators = await startDemoSimulators({ kafkaBrokers: process.env.KAFKA_BROKERS, activemqStomp: process.env.ACTIVEMQ_STOMP, faults: false, log: () => undefined });
    const credentials: Record<string, Record<string, string>> = {};
    for (const type of new Set([...Object.keys(simulators.credentials), ...Object.keys(STORED_SECRETS)])) {
      credentials[type] = { ...simulators.credentials[type], ...STORED_SECRETS[type] };
    }
    secrets = Object.values(STORED_SECRETS).flatMap((c) => Object.values(c));
    userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-dialogs-'));
    prepareUserDir({ userDir, root: ROOT, port: 0, endpoints: simulators.endpoints, credentials });
    const flows = JSON.parse(fs.readFileSync(path.join(userDir, 'flows.json'), 'utf8')) as FlowNode[];
    configNodeCount = flows.filter((n) => n.type.startsWith('cc-') && n.x === undefined).length;
    red = await startNodeRed(process.execPath, require.resolve('node-red/red.js'), userDir);
    const sets = await (await fetch(`${red.base}/nodes`, { headers: { accept: 'application/json' } })).json() as { module: string; types: string[] }[];
    types = sets.filter((s) => s.module === PACKAGE.name).flatMap((s) => s.types);
    chromium = await launchChromium();
    fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  });

  after(async () => {
    await chromium?.stop();
    await red?.stop();
    await simulators?.stop();
    if (userDir) fs.rmSync(userDir, { recursive: true, force: true });
  });

  for (const [lang, locale] of [['en-US', 'en-US'], ['de', 'de-DE']]) {
    it(`opens the dialog of every node type in ${lang}: catalog texts, hidden secrets, config pickers, help, server lists`, async () => {
      assert.ok(types.length >= 12, `the registry lists ${types.length} types of ${PACKAGE.name}`);
      const session = await openEditor(chromium.browser, red.base, locale, configNodeCount);
      const problems: string[] = [];
      const checked = new Set<string>();
      let catalogTexts = 0;
      const catalogs = loadCatalogs(ROOT, lang);
      const shots = path.join(ARTIFACTS, lang);
      fs.mkdirSync(shots, { recursive: true });

      async function inspect(page: Page, type: string, prefix: string): Promise<void> {
        const errorsBefore = session.errors.length;
        // As a user would, pick a config node where the dialog has none yet: lists from the server need one.
        for (const p of (await readDialog(page, type, prefix)).pickers) {
          if (!p.value && p.options.length) await page.locator(`[id="${prefix}-${p.property}"]`).selectOption(p.options[0]);
        }
        const list = SERVER_LISTS[type];
        if (list) {
          await page.waitForFunction(({ selector, count }) => document.querySelectorAll(selector).length >= count, { selector: list.selector, count: list.expected.length }, { timeout: 15000 })
            .catch(() => problems.push(`${type}: the list ${list.selector} did not fill from the server`));
          const shown = await page.locator(list.selector).evaluateAll((els) => els.map((el: any) => String(el.value)));
          if ([...shown].sort().join() !== [...list.expected].sort().join()) problems.push(`${type}: the server list shows ${shown.join(', ')}; expected ${list.expected.join(', ')}`);
        }
        if (type === 'cc-finesse-command') {
          await page.locator('#node-input-command').selectOption(DESCRIBED_COMMAND);
          const details = plain(await page.locator('#cc-finesse-command-details').innerText());
          const texts = commandTexts(catalogs, lang);
          for (const text of texts) {
            if (!details.includes(plain(text))) problems.push(`${type}: the details of ${DESCRIBED_COMMAND} lack "${text}" (show "${details}")`);
          }
          const title = await page.locator(`#node-input-command option[value="${DESCRIBED_COMMAND}"]`).getAttribute('title');
          if (title !== texts[0]) problems.push(`${type}: the ${DESCRIBED_COMMAND} option's title is "${title}"`);
        }
        const reading = await readDialog(page, type, prefix);
        for (const key of untranslatedKeys(reading.text)) problems.push(`${type}: untranslated key on screen: ${key}`);
        for (const { key: qualified, attr, shown } of reading.i18n) {
          // Node-RED qualifies each key of a node's template with its catalog: "<module>/<set>:<key>".
          const [namespace, key] = qualified.includes(':') ? qualified.split(/:(.*)/s, 2) : ['', qualified];
          if (!namespace.startsWith(`${PACKAGE.name}/`)) continue;
          const expected = catalogText(catalogs, key);
          if (expected === undefined) {
            problems.push(`${type}: data-i18n ${key} is not in the ${lang} catalog`);
          } else if (plain(shown) !== plain(expected)) {
            problems.push(`${type}: ${key} (${attr}) shows "${plain(shown)}", the ${lang} catalog says "${plain(expected)}"`);
          } else {
            catalogTexts++;
          }
        }
        for (const c of reading.credentials) {
          if (!c.found) problems.push(`${type}: credential ${c.key} has no input #${prefix}-${c.key}`);
          else if (c.inputType !== 'password') problems.push(`${type}: credential ${c.key} is an input of type "${c.inputType}", not password`);
          const stored = STORED_SECRETS[type]?.[c.key] ?? simulators.credentials[type]?.[c.key];
          if (stored === undefined) problems.push(`${type}: no stored value for credential ${c.key}, so its dialog could not be checked for it`);
          else if (c.found && c.value !== '__PWRD__') problems.push(`${type}: stored credential ${c.key} shows "${c.value}" instead of the stored-value marker`);
        }
        for (const secret of secrets) if (reading.everything.includes(secret)) problems.push(`${type}: the page holds the stored secret ${secret}`);
        for (const p of reading.pickers) {
          if (p.configNodes.length === 0) problems.push(`${type}: no ${p.configType} in the flows to pick for ${p.property}`);
          const missing = p.configNodes.filter((id) => !p.options.includes(id));
          if (missing.length) problems.push(`${type}: the ${p.property} picker lacks ${p.configType} ${missing.join(', ')}`);
        }
        const help = plain(await showHelp(page));
        if (!help.includes(helpOpening(ROOT, type, lang))) problems.push(`${type}: the help sidebar does not show its ${lang} help (shows "${help.slice(0, 120)}")`);
        for (const key of untranslatedKeys(help)) problems.push(`${type}: untranslated key in help: ${key}`);
        await page.screenshot({ path: path.join(shots, `${type}.png`) });
        for (const error of session.errors.slice(errorsBefore)) problems.push(`${type}: console error: ${error}`);
        checked.add(type);
        const derived = DERIVED_TEXTS[type];
        if (derived) {
          // Cleared after the screenshot; the dialog is cancelled, so nothing of it is kept.
          for (const field of derived.clear) await page.locator(field).fill('');
          const target = page.locator(derived.selector);
          const shown = derived.attribute ? await target.getAttribute(derived.attribute) : await target.innerText();
          const expected = derived.expected(catalogs);
          if (shown !== expected) problems.push(`${type}: ${derived.selector} shows "${shown}" with its fields empty; the ${lang} catalog makes it "${expected}"`);
        }

        for (const p of reading.pickers) {
          if (checked.has(p.configType) || !types.includes(p.configType) || p.options.length === 0) continue;
          await openConfigDialog(page, prefix, p.property, p.value || p.options[0]);
          await inspect(page, p.configType, 'node-config-input');
          await cancelDialog(page, true);
        }
      }

      try {
        const { page } = session;
        await addFlowTab(page);
        const placeable: string[] = await page.evaluate((all) => all.filter((t: string) => RED.nodes.getType(t).category !== 'config'), types);
        for (const [i, type] of placeable.entries()) {
          const id = await placeFromPalette(page, type, { x: 160 + (i % 4) * 220, y: 120 + Math.floor(i / 4) * 120 });
          await openNodeDialog(page, id);
          await inspect(page, type, 'node-input');
          await cancelDialog(page, false);
        }
        const palette = await page.locator('.red-ui-palette-node[data-palette-type^="cc-"]').allInnerTexts();
        for (const key of untranslatedKeys(palette.join('\n'))) problems.push(`palette: untranslated key ${key}`);
      } catch (err) {
        await session.page.screenshot({ path: path.join(shots, 'failure.png') });
        throw err;
      } finally {
        await session.close();
      }
      assert.deepEqual(types.filter((t) => !checked.has(t)), [], 'every registered type had its dialog opened');
      assert.deepEqual(session.errors, [], 'no console error while the editor was open');
      assert.deepEqual(problems, []);
      assert.ok(catalogTexts >= types.length * 3, `only ${catalogTexts} dialog texts were compared with the ${lang} catalog`);
    });
  }
});
