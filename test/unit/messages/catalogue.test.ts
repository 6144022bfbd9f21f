/**
 * The message catalogue keeps its promises: the same keys in every language, each defined once,
 * no empty text, templates that use only (and all of) the parameters they declare, the one
 * Vietnamese spelling convention, and no clerk-facing prose left outside core/messages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { KINDS, LANGUAGES, catalogues, english, type Lang } from '../../../core/messages/catalogue.ts';
import { areas } from '../../../core/messages/catalogue/en/index.ts';
import type { MessageParams, ParamKind, Template } from '../../../core/messages/define.ts';
import { oldTonePlacements } from '../../../core/messages/spelling.ts';

const VIETNAMESE = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i;

function filesUnder(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, pattern));
    else if (pattern.test(entry)) out.push(path);
  }
  return out;
}

const isTemplate = (entry: unknown): entry is Template => typeof entry === 'object' && entry !== null && 'params' in entry;

/** Every way to fill a template's parameters: each token of a closed list, samples for text and numbers. */
function paramSets(spec: Readonly<Record<string, ParamKind>>): MessageParams[] {
  let sets: Record<string, string | number>[] = [{}];
  for (const [name, kind] of Object.entries(spec)) {
    const values: (string | number)[] = kind === 'text' ? [`«${name}»`] : kind === 'number' ? [7] : [...kind];
    sets = sets.flatMap((s) => values.map((v) => ({ ...s, [name]: v })));
  }
  return sets;
}

/** Renders an entry with `params`, recording which parameters it read; reading an undeclared one fails. */
function renderTracked(entry: unknown, params: MessageParams, declared: readonly string[], where: string): { text: string; used: Set<string> } {
  const used = new Set<string>();
  const proxy = new Proxy(params, {
    get(target, name) {
      if (typeof name !== 'string') return undefined;
      assert.ok(declared.includes(name), `${where} uses the parameter "${name}", which its English entry does not declare`);
      used.add(name);
      return target[name];
    },
  });
  const text = typeof entry === 'string' ? entry : isTemplate(entry) ? entry.text(proxy as never) : (entry as (p: MessageParams) => string)(proxy);
  return { text, used };
}

test('every language has exactly the keys of the English catalogue, each defined in one area file', () => {
  for (const kind of KINDS) {
    const keys = Object.keys(english[kind]).sort();
    for (const lang of LANGUAGES) assert.deepEqual(Object.keys(catalogues[lang][kind]).sort(), keys, `${lang} ${kind}`);
    const perArea = Object.values(areas[kind]).flatMap((area) => Object.keys(area));
    assert.equal(perArea.length, keys.length, `${kind}: a key is defined in two area files`);
  }
  const all = KINDS.flatMap((kind) => Object.keys(english[kind]));
  assert.equal(new Set(all).size, all.length, 'a code is used by two kinds');
});

test('every entry renders non-empty text in every language, with every parameter it declares and no other', () => {
  let rendered = 0;
  for (const kind of KINDS) {
    for (const [code, definition] of Object.entries(english[kind])) {
      const spec = isTemplate(definition) ? definition.params : {};
      const declared = Object.keys(spec);
      for (const lang of LANGUAGES) {
        const used = new Set<string>();
        for (const params of paramSets(spec)) {
          const where = `${lang} ${code} ${JSON.stringify(params)}`;
          const out = renderTracked(catalogues[lang][kind][code], params, declared, where);
          assert.ok(out.text.trim().length > 0, `${where}: empty`);
          assert.doesNotMatch(out.text, /undefined|NaN|\[object /, `${where}: ${out.text}`);
          out.used.forEach((n) => used.add(n));
          rendered++;
        }
        // A closed list's token may be the template's own switch; every other parameter appears in the text.
        if (lang === 'en') for (const name of declared) assert.ok(used.has(name), `en ${code} declares "${name}" but never uses it`);
      }
    }
  }
  assert.ok(rendered > 400, `only ${rendered} renderings`);
});

test('English is English and Vietnamese is Vietnamese', () => {
  const untranslated: string[] = [];
  for (const kind of KINDS) {
    for (const code of Object.keys(english[kind])) {
      const render = (lang: Lang) => {
        const spec = isTemplate(english[kind][code]) ? (english[kind][code] as Template).params : {};
        return renderTracked(catalogues[lang][kind][code], paramSets(spec)[0]!, Object.keys(spec), code).text;
      };
      const [en, vi] = [render('en'), render('vi')];
      assert.doesNotMatch(en, VIETNAMESE, `en ${code}: ${en}`);
      if (en === vi) untranslated.push(code);
    }
  }
  // Names, units and codes read the same in both: the few entries allowed to be equal.
  assert.deepEqual(untranslated.sort(), ['RECORDED_TEXT', 'reading.amount']);
});

test('the Vietnamese catalogue keeps the tone-mark convention of Decision 1989/QĐ-BGDĐT', () => {
  assert.deepEqual(oldTonePlacements('hòa khóa khỏe hủy thủy Hòa'), ['òa', 'óa', 'ỏe', 'ủy', 'ủy', 'òa']);
  assert.deepEqual(oldTonePlacements('hoà khoá khoẻ huỷ thuỷ quý hoàn toán thuyền'), []);
  const root = process.cwd();
  const sources = [...filesUnder(join(root, 'core/messages/catalogue/vi'), /\.ts$/), join(root, 'README.md'), ...filesUnder(join(root, 'docs'), /\.md$/)];
  for (const file of sources) {
    assert.deepEqual(oldTonePlacements(readFileSync(file, 'utf8')), [], relative(root, file));
  }
});

/**
 * Vietnamese outside core/messages is data, never text for the clerk: the factory's sample
 * holders, the words the cards themselves carry, and the store benchmark's sample names.
 */
const DATA_WITH_VIETNAMESE = ['core/chip/factory/people.ts', 'core/mrz/card-words.ts', 'bench/store.ts'];
const PRODUCT_FOLDERS = ['core', 'native', 'host', 'cli', 'service', 'electron', 'renderer/src', 'registry', 'face', 'bench'];

test('no Vietnamese text outside core/messages, no old-style errors or localized texts anywhere', () => {
  const root = process.cwd();
  const offenders: string[] = [];
  for (const folder of PRODUCT_FOLDERS) {
    for (const file of filesUnder(join(root, folder), /\.(ts|tsx)$/)) {
      const rel = relative(root, file).split('\\').join('/');
      if (rel.startsWith('core/messages/')) continue;
      const text = readFileSync(file, 'utf8');
      if (!DATA_WITH_VIETNAMESE.includes(rel) && VIETNAMESE.test(text)) offenders.push(`${rel}: Vietnamese text`);
      if (/new EidError\(\s*['"`][A-Z_]+['"`]\s*,\s*['"`]/.test(text)) offenders.push(`${rel}: EidError(code, en, vi)`);
      if (/\blocalized\(/.test(text)) offenders.push(`${rel}: localized(en, vi)`);
    }
  }
  assert.deepEqual(offenders, []);
});
