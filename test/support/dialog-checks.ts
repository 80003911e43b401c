import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';

/** What the topmost edit tray shows, read in the page. */
export interface DialogReading {
  /** Visible text of the tray, with placeholders and titles. */
  text: string;
  /** Every value held by an input, select or textarea anywhere in the page, and the page's markup. */
  everything: string;
  /** Each `data-i18n` key of the form with what it rendered (text, or the named attribute). */
  i18n: { key: string; attr: string; shown: string }[];
  credentials: { key: string; found: boolean; inputType: string; value: string }[];
  /** Config pickers: `value` is empty where nothing is picked (Node-RED's "none" / "add new" entry). */
  pickers: { property: string; configType: string; value: string; options: string[]; configNodes: string[] }[];
}

/** Reads the topmost tray; `prefix` is `node-input` for a node, `node-config-input` for a config node. */
export function readDialog(page: Page, type: string, prefix: string): Promise<DialogReading> {
  return page.evaluate(({ type, prefix }) => {
    const trays = document.querySelectorAll('.red-ui-tray');
    const tray = trays[trays.length - 1];
    const form = tray.querySelector('.red-ui-tray-body form');
    const attrs = [...tray.querySelectorAll('[placeholder],[title]')].map((el: any) => `${el.getAttribute('placeholder') ?? ''} ${el.getAttribute('title') ?? ''}`);
    const values = [...document.querySelectorAll('input, select, textarea')].map((el: any) => String(el.value ?? ''));
    const i18n: { key: string; attr: string; shown: string }[] = [];
    for (const el of form.querySelectorAll('[data-i18n]')) {
      for (const spec of String(el.getAttribute('data-i18n')).split(';')) {
        const m = /^(?:\[([a-z-]+)\])?(.+)$/.exec(spec.trim());
        if (!m) continue;
        const attr = m[1] ?? 'text';
        const shown = attr === 'text' || attr === 'html' ? el.textContent : el.getAttribute(attr);
        i18n.push({ key: m[2], attr, shown: String(shown ?? '') });
      }
    }
    const def = RED.nodes.getType(type);
    const credentials = Object.keys(def.credentials ?? {}).map((key) => {
      const input = document.getElementById(`${prefix}-${key}`);
      return { key, found: !!input, inputType: input?.getAttribute('type') ?? '', value: String(input?.value ?? '') };
    });
    const pickers = Object.entries(def.defaults ?? {})
      .filter(([, d]: [string, any]) => d.type && RED.nodes.getType(d.type)?.category === 'config')
      .map(([property, d]: [string, any]) => {
        const select = document.getElementById(`${prefix}-${property}`);
        const configNodes: string[] = [];
        RED.nodes.eachConfig((n: any) => { if (n.type === d.type) configNodes.push(n.id); });
        const options = select ? [...select.querySelectorAll('option')].map((o: any) => String(o.value)).filter((v) => v && v !== '_ADD_') : [];
        return { property, configType: String(d.type), value: select?.value === '_ADD_' ? '' : String(select?.value ?? ''), options, configNodes };
      });
    return {
      text: `${tray.innerText}\n${attrs.join('\n')}`,
      everything: `${values.join('\n')}\n${document.documentElement.outerHTML}`,
      i18n, credentials, pickers,
    };
  }, { type, prefix });
}

/** Text a missing catalog key leaves on screen: the key itself, e.g. `cc-kafka-broker.label.brokers`. */
export function untranslatedKeys(text: string): string[] {
  return [...text.matchAll(/(?:node-red:)?\bcc-[a-z-]+\.[A-Za-z0-9_.-]*[A-Za-z0-9_]/g)].map((m) => m[0]);
}

type Catalog = Record<string, unknown>;

/** The pack's vendor folders (`nodes/kafka`, `nodes/finesse`, …), each holding node HTML and `locales/`. */
export function vendorDirs(root: string): string[] {
  const nodes = path.join(root, 'nodes');
  return fs.readdirSync(nodes, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(nodes, d.name));
}

/** Every catalog of the pack in one language, keyed by node type (the catalogs' top-level key). */
export function loadCatalogs(root: string, lang: string): Catalog {
  const merged: Catalog = {};
  for (const vendor of vendorDirs(root)) {
    const dir = path.join(vendor, 'locales', lang);
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      Object.assign(merged, JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    }
  }
  return merged;
}

export function catalogText(catalog: Catalog, key: string): string | undefined {
  const value = key.split('.').reduce<unknown>((at, part) => (at && typeof at === 'object' ? (at as Catalog)[part] : undefined), catalog);
  return typeof value === 'string' ? value : undefined;
}

export function plain(text: string): string {
  return text.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ').trim();
}

/** The first paragraph of the node's help in a language, as the sidebar shows it. */
export function helpOpening(root: string, type: string, lang: string): string {
  for (const vendor of vendorDirs(root)) {
    const file = path.join(vendor, 'locales', lang, `${type}.html`);
    if (!fs.existsSync(file)) continue;
    const paragraph = /<p>([\s\S]*?)<\/p>/.exec(fs.readFileSync(file, 'utf8'));
    if (paragraph) return plain(paragraph[1]);
  }
  throw new Error(`no ${lang} help with a paragraph for ${type}`);
}
