import jsonld from 'jsonld';
import { bundledContexts, documentLoader } from './contexts';
import type { JsonObject, JsonValue } from './json';

/**
 * A fast path for RDF canonicalisation of the few document shapes Apogee signs and verifies
 * (certificates, endorsements, status lists, proof configurations).
 *
 * Almost all the time of `jsonld.canonize` goes into JSON-LD expansion: jsonld.js re-processes the
 * large VC 2.0 and Open Badges contexts (their type-scoped contexts) for every typed node of every
 * document. Yet expansion treats a text value in a given position the same whatever the text is,
 * as long as it is not read as an IRI, a term or a keyword. So, per *shape* (the document with
 * every text value blanked out; keys, array lengths, numbers, booleans, nulls and the values of
 * `@context`, `type` and a few keywords kept), we expand once a copy whose texts are unique
 * sentinels, note where each sentinel lands in the expanded form, and for every later document of
 * that shape put its real texts where the sentinels were and run only the RDF conversion and
 * RDFC-1.0 canonicalisation (`jsonld.canonize` with `skipExpansion`). The result is byte for byte
 * what `jsonld.canonize` gives (a property test checks that on random documents).
 *
 * Why that is sound — how JSON-LD 1.1 expansion (jsonld.js 9) treats a text value:
 *  - As a literal (`_expandValue`: a property with no `@id`/`@vocab` coercion, an explicit
 *    `@value`, a language or index map entry): the text is copied into `@value` unchanged; the
 *    datatype, language and direction come from the context, never from the text. Whatever
 *    conversion the RDF step applies (xsd:double, @json) runs on the real text, after substitution.
 *  - As an IRI (`@id`, `@type`, `@id`/`@vocab`-coerced properties): `_expandIri` returns the text
 *    unchanged when it is not a keyword, not a term, has a scheme (`x:`) that is not `_` and is
 *    either followed by `//` or is not a term (prefix), and is an absolute IRI. The sentinels are
 *    such IRIs; a real text is put in an IRI position only if it is one too (else: the slow path).
 *  - Anything else (a language tag, an index, a type that may bring a type-scoped context, a text
 *    turned into part of another IRI or into a key, a text that vanished): the shape is marked
 *    unusable and its documents always take the slow path. Values of `@context`, `type`/`@type`,
 *    `@language`, `@direction`, `@index`, `@base` and `@vocab` are part of the shape, never slots.
 *  - Node merging and duplicate removal happen in the RDF step, which jsonld runs on the real
 *    values. Blank node labels come from the structure, which the shape fixes.
 * Any failure while building a template (safe mode refusing a sentinel document) also sends the
 * shape to the slow path, so the errors a document raises are always jsonld's own.
 */

// Values of these keys are kept in the shape (never slots): they choose contexts, types and tags.
const constantKeys: ReadonlySet<string> = new Set(['@context', '@type', 'type', '@language', '@direction', '@index', '@base', '@vocab']);

// Sentinels: `xApogeeSlot<i>:Z`, each an absolute IRI with a scheme of its own (not a term), with
// capitals so that a lower-casing step would lose them (and so mark the shape unusable).
const marker = 'xapogeeslot';
const sentinelOf = (index: number): string => `xApogeeSlot${index}:Z`;

// jsonld.js's own test for an absolute IRI (lib/url.js), blank node labels included.
const absoluteIri = /^([A-Za-z][A-Za-z0-9+-.]*|_):[^\s]*$/;

type Slot = 'literal' | 'iri';
type Template = {
  /** The expanded sentinel document. */
  expanded: JsonValue;
  /** What each slot is, by slot number. */
  slots: readonly Slot[];
  /** Sentinel text → slot number. */
  sentinels: ReadonlyMap<string, number>;
  /** Every term any context of this shape may define (keys of every context object). */
  terms: ReadonlySet<string>;
};

/** How often the fast path answered, and how often it could not (for tests and benchmarks). */
export const templateStats = { templated: 0, fallback: 0, built: 0, unusable: 0 };

// Shape → template (null: unusable). Bounded: documents from outside could come in many shapes.
const templates = new Map<string, Promise<Template | null>>();
const maxTemplates = 64;

/** Forgets every template (tests, benchmarks). */
export function clearRdfTemplates(): void {
  templates.clear();
}

/** A document read as a shape: its key and its text leaves in walk order. */
type Shape = { key: string; leaves: string[] };

/**
 * The shape of a JSON document, or undefined when it holds something JSON cannot (undefined, a
 * function, a class instance). A text equal to a term of the document's contexts is kept in the
 * shape (an `@vocab`-coerced value such as `assertionMethod` means that term's IRI).
 */
function shapeOf(document: JsonObject, terms: ReadonlySet<string>): Shape | undefined {
  const leaves: string[] = [];
  const parts: string[] = [];
  let ok = true;
  const walk = (value: unknown, constant: boolean, depth: number): void => {
    if (!ok) return;
    if (depth > 100) {
      ok = false;
      return;
    }
    if (typeof value === 'string') {
      if (constant || terms.has(value)) parts.push(JSON.stringify(value));
      else {
        parts.push('$');
        leaves.push(value);
      }
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) ok = false;
      else parts.push(Object.is(value, -0) ? 'n-0' : `n${String(value)}`);
    } else if (typeof value === 'boolean' || value === null) {
      parts.push(String(value));
    } else if (Array.isArray(value)) {
      parts.push('[');
      for (const item of value) {
        walk(item, constant, depth + 1);
        parts.push(',');
      }
      parts.push(']');
    } else if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      parts.push('{');
      for (const [key, inner] of Object.entries(value)) {
        if (key === '__proto__' || inner === undefined) {
          ok = false;
          return;
        }
        parts.push(JSON.stringify(key), ':');
        walk(inner, constant || constantKeys.has(key), depth + 1);
        parts.push(',');
      }
      parts.push('}');
    } else {
      ok = false;
    }
  };
  walk(document, false, 0);
  return ok ? { key: parts.join(''), leaves } : undefined;
}

/** The document with slot number i's text replaced by `texts[i]`, in the same walk order as shapeOf. */
function withLeaves(document: JsonObject, terms: ReadonlySet<string>, texts: (index: number) => string): JsonObject {
  let next = 0;
  const walk = (value: JsonValue, constant: boolean): JsonValue => {
    if (typeof value === 'string') return constant || terms.has(value) ? value : texts(next++);
    if (Array.isArray(value)) return value.map((item) => walk(item, constant));
    if (typeof value === 'object' && value !== null) {
      const copy: JsonObject = {};
      for (const [key, inner] of Object.entries(value)) copy[key] = walk(inner, constant || constantKeys.has(key));
      return copy;
    }
    return value;
  };
  return walk(document, false) as JsonObject;
}

// Terms of each bundled context URL (every key of every object in it, nested contexts included).
const bundledTerms = new Map<string, ReadonlySet<string> | null>();

/** Adds every key of every object in `value`, following context URLs; false on an unbundled URL. */
function collectTerms(value: unknown, terms: Set<string>, seen: Set<string>, isContextValue: boolean): boolean {
  if (typeof value === 'string') return isContextValue ? addContextTerms(value, terms, seen) : true;
  if (Array.isArray(value)) return value.every((item) => collectTerms(item, terms, seen, isContextValue));
  if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      terms.add(key);
      if (!collectTerms(inner, terms, seen, key === '@context' || key === '@import')) return false;
    }
  }
  return true;
}

function addContextTerms(url: string, terms: Set<string>, seen: Set<string>): boolean {
  if (seen.has(url)) return true;
  seen.add(url);
  let own = bundledTerms.get(url);
  if (own === undefined) {
    const context = bundledContexts.get(url);
    const found = new Set<string>();
    // Contexts a bundled context names by URL (scoped contexts, @import) must be bundled too.
    own = context !== undefined && collectTerms(context, found, new Set([url]), false) ? found : null;
    bundledTerms.set(url, own);
  }
  if (own === null) return false;
  for (const term of own) terms.add(term);
  return true;
}

// The contexts of a document (every @context value, in order) → the terms they may define.
const termsByContexts = new Map<string, ReadonlySet<string> | null>();

/** Every term the contexts of `document` may define, or undefined when one is not bundled. */
function termsOf(document: JsonObject): ReadonlySet<string> | undefined {
  const contexts: unknown[] = [];
  const walk = (value: unknown, depth: number): void => {
    if (depth > 100) contexts.push(undefined);
    else if (Array.isArray(value)) for (const item of value) walk(item, depth + 1);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (key === '@context') contexts.push(inner);
        else walk(inner, depth + 1);
      }
    }
  };
  walk(document, 0);
  if (contexts.includes(undefined)) return undefined;
  const key = JSON.stringify(contexts);
  let terms = termsByContexts.get(key);
  if (terms === undefined) {
    const found = new Set<string>();
    const seen = new Set<string>();
    terms = contexts.every((context) => collectTerms(context, found, seen, true)) ? found : null;
    if (termsByContexts.size >= maxTemplates) termsByContexts.clear();
    termsByContexts.set(key, terms);
  }
  return terms ?? undefined;
}

/**
 * True when jsonld.js expands `text` in any IRI position (`@id`, `@type`, `@id` or `@vocab`
 * coercion) to `text` itself, under any active context whose terms are among `terms`.
 */
export function expandsToItself(text: string, terms: ReadonlySet<string>): boolean {
  if (terms.has(text) || !absoluteIri.test(text)) return false;
  const colon = text.indexOf(':');
  const prefix = text.slice(0, colon);
  if (prefix === '_') return false;
  return text.startsWith('//', colon + 1) || !terms.has(prefix);
}

/** Where the sentinels landed in the expanded form; null when one landed where we cannot follow it. */
function slotsOf(expanded: JsonValue, count: number, sentinels: ReadonlyMap<string, number>): Slot[] | null {
  const slots: (Slot | undefined)[] = new Array<Slot | undefined>(count).fill(undefined);
  let ok = true;
  const mark = (text: string, role: Slot | undefined): void => {
    if (!text.toLowerCase().includes(marker)) return;
    const index = sentinels.get(text);
    if (index === undefined || role === undefined || (slots[index] !== undefined && slots[index] !== role)) {
      ok = false;
      return;
    }
    slots[index] = role;
  };
  const walk = (value: JsonValue, role: Slot | undefined): void => {
    if (!ok) return;
    if (typeof value === 'string') mark(value, role);
    else if (Array.isArray(value)) for (const item of value) walk(item, undefined);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        mark(key, undefined);
        walk(inner, key === '@value' ? 'literal' : key === '@id' ? 'iri' : undefined);
      }
    }
  };
  walk(expanded, undefined);
  if (!ok || slots.some((slot) => slot === undefined)) return null;
  return slots as Slot[];
}

async function buildTemplate(document: JsonObject, terms: ReadonlySet<string>, count: number): Promise<Template | null> {
  const sentinels = new Map<string, number>();
  for (let i = 0; i < count; i += 1) {
    const sentinel = sentinelOf(i);
    if (!expandsToItself(sentinel, terms)) return null;
    sentinels.set(sentinel, i);
  }
  const sentinelDocument = withLeaves(document, terms, sentinelOf);
  let expanded: JsonValue;
  try {
    expanded = (await jsonld.expand(sentinelDocument, { safe: true, base: null, documentLoader })) as JsonValue;
  } catch {
    return null;
  }
  const slots = slotsOf(expanded, count, sentinels);
  if (!slots) return null;
  return { expanded, slots, sentinels, terms };
}

/** The template's expanded form with the real texts in place of the sentinels (a fresh copy). */
function substitute(template: Template, leaves: readonly string[]): JsonValue {
  const walk = (value: JsonValue): JsonValue => {
    if (typeof value === 'string') {
      const index = template.sentinels.get(value);
      return index === undefined ? value : (leaves[index] as string);
    }
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === 'object' && value !== null) {
      const copy: JsonObject = {};
      for (const [key, inner] of Object.entries(value)) copy[key] = walk(inner);
      return copy;
    }
    return value;
  };
  return walk(template.expanded);
}

function templateFor(document: JsonObject, terms: ReadonlySet<string>, shape: Shape): Promise<Template | null> {
  let template = templates.get(shape.key);
  if (template === undefined) {
    if (templates.size >= maxTemplates) {
      const oldest = templates.keys().next();
      if (!oldest.done) templates.delete(oldest.value);
    }
    template = buildTemplate(document, terms, shape.leaves.length)
      .catch(() => null)
      .then((built) => {
      if (built) templateStats.built += 1;
      else templateStats.unusable += 1;
      return built;
    });
    templates.set(shape.key, template);
  }
  return template;
}

/**
 * The expanded form of `document` through its shape's template, or undefined when the fast path
 * cannot answer for this document (then expand it the usual way). Never throws.
 */
export async function templatedExpansion(document: JsonObject): Promise<JsonValue | undefined> {
  const terms = termsOf(document);
  const shape = terms && shapeOf(document, terms);
  if (!terms || !shape) {
    templateStats.fallback += 1;
    return undefined;
  }
  const template = await templateFor(document, terms, shape);
  if (!template || !template.slots.every((slot, i) => slot === 'literal' || expandsToItself(shape.leaves[i] as string, template.terms))) {
    templateStats.fallback += 1;
    return undefined;
  }
  templateStats.templated += 1;
  return substitute(template, shape.leaves);
}
