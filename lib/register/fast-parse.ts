// A faster road to the same answer as a zod schema's `safeParse`, for the records read and checked in bulk
// (a backup checks every complaint and every history event of the register).
//
// Extension pages may not evaluate code (MV3's CSP), so zod runs without its compiled fast path there: most
// of a parse goes into building the output, an object for every object and an array for every array, even
// when the output is a copy of the input. `fastParse` walks the input along the schema's own definition and
// asks zod itself for every leaf (a string with its format, length and trim, a number, an enum, a literal)
// and every check (array lengths, refinements), so no rule of the schema is written twice; for the common
// checks (lengths, patterns, trims, bounds) it first tries a condition read from the check's own definition
// that surely passes zod, and asks zod whenever that condition does not hold. What it answers:
// - `SAME`: zod would accept the value and its output would be the value itself (the same fields, the
//   same leaves), so the value is used as it is, with no copy;
// - `FAIL`: zod would refuse it;
// - `ASK`: anything else (a default to fill, a key zod would drop, a value a trim would change, a kind of
//   schema not walked here). `fastParse` then asks zod, so the result is always zod's.
// tests/register/fast-parse.test.ts holds `fastParse` equal to `safeParse` on generated and damaged records.
import type { z } from 'zod';

const SAME = 0;
const FAIL = 1;
const ASK = 2;
type Verdict = typeof SAME | typeof FAIL | typeof ASK;
type Walk = (value: unknown) => Verdict;

/** What of zod's internals is read here: a schema's definition, its `run`, and its checks'. */
interface Payload {
  value: unknown;
  issues: unknown[];
}
interface Internals {
  /** zod's own flags for absence: 'optional' in and out means an absent key stays absent. */
  optin?: string;
  optout?: string;
  def: {
    type: string;
    checks?: Check[];
    shape?: Record<string, Schema>;
    element?: Schema;
    innerType?: Schema;
    options?: Schema[];
    keyType?: Schema;
    valueType?: Schema;
    catchall?: Schema;
  };
  run(payload: Payload, ctx: { async: false }): Payload | Promise<Payload>;
}
interface Check {
  _zod: { def: { when?: (payload: Payload) => boolean }; check(payload: Payload): unknown };
}
interface Schema {
  _zod: Internals;
}

const CTX = { async: false } as const;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A leaf as zod parses it: refused, or accepted as the very same value, or changed (ASK). */
function zodLeaf(schema: Schema): Walk {
  return (value) => {
    const out = schema._zod.run({ value, issues: [] }, CTX);
    if (out instanceof Promise) return ASK;
    if (out.issues.length) return FAIL;
    return Object.is(out.value, value) ? SAME : ASK;
  };
}

type Sure = (value: unknown) => boolean;

/** The string formats whose check is their pattern alone (zod's `$ZodCheckStringFormat` over `def.pattern`). */
const PATTERN_FORMATS = ['$ZodUUID', '$ZodGUID', '$ZodEmail', '$ZodISODateTime', '$ZodISODate', '$ZodCheckRegex'];

/**
 * A condition under which zod's check surely passes and leaves the value as it is (a sufficient one: where it
 * does not hold, zod is asked), or null for a check not read here. Each reads the check's own definition.
 */
function sureCheck(check: Check & { _zod: { traits?: Set<string> } }): Sure | null {
  const def = check._zod.def as Record<string, unknown>;
  const traits = check._zod.traits ?? new Set<string>();
  const limit = def.maximum ?? def.minimum;
  switch (def.check) {
    case 'max_length':
      // zod counts code points: a string within `maximum` UTF-16 units is within it in code points too.
      return typeof limit === 'number' ? (v) => (v as string).length <= limit : null;
    case 'min_length':
      // A code point is one or two units: twice the floor in units always clears it (zod's own shortcut).
      return typeof limit === 'number'
        ? (v) => (v as string).length >= limit * 2 || (limit === 1 && (v as string).length > 0)
        : null;
    case 'string_format': {
      const pattern = def.pattern;
      if (!(pattern instanceof RegExp) || !PATTERN_FORMATS.some((t) => traits.has(t))) return null;
      return (v) => {
        pattern.lastIndex = 0;
        return pattern.test(v as string);
      };
    }
    case 'overwrite': {
      const tx = def.tx as (v: unknown) => unknown;
      return (v) => tx(v) === v;
    }
    case 'greater_than':
    case 'less_than': {
      const bound = def.value;
      if (typeof bound !== 'number') return null;
      const above = def.check === 'greater_than';
      return def.inclusive
        ? (v) => (above ? (v as number) >= bound : (v as number) <= bound)
        : (v) => (above ? (v as number) > bound : (v as number) < bound);
    }
    case 'number_format':
      return def.format === 'safeint' ? (v) => Number.isSafeInteger(v) : null;
    default:
      return null;
  }
}

/** The leaf's type and every one of its checks as sure conditions, or null where one is not read here. */
function sureLeaf(schema: Schema): Sure | null {
  const internals = schema._zod as Internals & { traits: Set<string>; values?: Set<unknown> };
  const { def } = internals;
  // A coercing leaf makes a new value of whatever it is given: zod says.
  if ((def as { coerce?: boolean }).coerce) return null;
  const checks = [...(internals.traits.has('$ZodCheck') ? [schema as unknown as Check] : []), ...(def.checks ?? [])];
  const sure = checks.map((c) => sureCheck(c as Check & { _zod: { traits?: Set<string> } }));
  if (sure.some((c) => c === null)) return null;
  const all = sure as Sure[];
  const passes = (v: unknown) => {
    for (const c of all) if (!c(v)) return false;
    return true;
  };
  switch (def.type) {
    case 'string':
      return (v) => typeof v === 'string' && passes(v);
    case 'number':
      return (v) => typeof v === 'number' && Number.isFinite(v) && passes(v);
    case 'boolean':
      return all.length ? null : (v) => typeof v === 'boolean';
    case 'enum':
    case 'literal': {
      const values = internals.values;
      return values && !all.length ? (v) => values.has(v) : null;
    }
    case 'unknown':
    case 'any':
      return all.length ? null : () => true;
    default:
      return null;
  }
}

/** A leaf: its sure conditions first (most values of a register pass them), zod for the rest. */
function leaf(schema: Schema): Walk {
  const sure = sureLeaf(schema);
  const zod = zodLeaf(schema);
  return sure ? (value) => (sure(value) ? SAME : zod(value)) : zod;
}

/** The schema's own checks (array lengths, refinements) on a value its type accepted as it is. */
function withChecks(schema: Schema, walk: Walk): Walk {
  const checks = schema._zod.def.checks ?? [];
  if (!checks.length) return walk;
  return (value) => {
    const verdict = walk(value);
    if (verdict !== SAME) return verdict;
    const payload: Payload = { value, issues: [] };
    for (const check of checks) {
      const when = check._zod.def.when;
      if (when && !when(payload)) continue;
      if (check._zod.check(payload) instanceof Promise) return ASK;
      if (payload.issues.length) return FAIL;
      if (!Object.is(payload.value, value)) return ASK;
    }
    return SAME;
  };
}

function object(schema: Schema): Walk {
  const shape = schema._zod.def.shape ?? {};
  const keys = Object.keys(shape);
  const walks = keys.map((key) => walker(shape[key] as Schema));
  // An absent key stays absent where zod's own flags say so (as its object parse reads them); else zod says.
  const absentStays = keys.map((key) => {
    const field = (shape[key] as Schema)._zod;
    return field.optin === 'optional' && field.optout === 'optional';
  });
  return (value) => {
    if (!isObject(value)) return FAIL;
    let present = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      if (!(key in value)) {
        if (!absentStays[i]) return ASK;
        continue;
      }
      present++;
      // A key present with `undefined` stays so when its schema gives `undefined` back (an optional).
      const verdict = (walks[i] as Walk)(value[key]);
      if (verdict !== SAME) return verdict;
    }
    // Keys the shape does not name: stripped, refused or kept depending on the schema, so zod says.
    let own = 0;
    for (const key in value) if (Object.hasOwn(value, key)) own++;
    return own === present ? SAME : ASK;
  };
}

function array(schema: Schema): Walk {
  const element = walker(schema._zod.def.element as Schema);
  return (value) => {
    if (!Array.isArray(value)) return FAIL;
    for (const item of value) {
      const verdict = element(item);
      if (verdict !== SAME) return verdict;
    }
    return SAME;
  };
}

function record(schema: Schema): Walk {
  const { keyType, valueType } = schema._zod.def;
  // Only string keys are walked here (enum or literal keys make a record exhaustive: zod says).
  if (keyType?._zod.def.type !== 'string' || !valueType) return () => ASK;
  const key = walker(keyType);
  const item = walker(valueType);
  return (value) => {
    if (!isObject(value) || Object.getPrototypeOf(value) !== Object.prototype) return ASK;
    for (const k of Object.keys(value)) {
      const verdict = key(k);
      if (verdict !== SAME) return verdict;
      const v = value[k];
      const itemVerdict = v === undefined ? ASK : item(v);
      if (itemVerdict !== SAME) return itemVerdict;
    }
    return SAME;
  };
}

/** zod's union: the first option that accepts the value gives the output. */
function union(schema: Schema): Walk {
  const options = (schema._zod.def.options ?? []).map(walker);
  return (value) => {
    for (const option of options) {
      const verdict = option(value);
      if (verdict !== FAIL) return verdict;
    }
    return FAIL;
  };
}

const LEAVES = new Set(['string', 'number', 'boolean', 'enum', 'literal', 'null', 'unknown', 'any']);
const walkers = new WeakMap<Schema, Walk>();

function walker(schema: Schema): Walk {
  const known = walkers.get(schema);
  if (known) return known;
  // Filled in below; a schema that refers to itself (z.lazy) is not walked, so this is never read early.
  let walk: Walk = () => ASK;
  const def = schema._zod.def;
  const inner = () => walker(def.innerType as Schema);
  if (LEAVES.has(def.type)) walk = leaf(schema);
  else if (def.type === 'object') walk = withChecks(schema, object(schema));
  else if (def.type === 'array') walk = withChecks(schema, array(schema));
  else if (def.type === 'record') walk = withChecks(schema, record(schema));
  else if (def.type === 'union') walk = withChecks(schema, union(schema));
  else if (def.type === 'optional') {
    const walkInner = inner();
    // `.optional()` over a default gives the default for `undefined`: a new value.
    const substitutes = (def.innerType as Schema)._zod.optin === 'defaulted';
    walk = withChecks(schema, (v) => (v === undefined ? (substitutes ? ASK : SAME) : walkInner(v)));
  } else if (def.type === 'nullable') {
    const walkInner = inner();
    walk = withChecks(schema, (v) => (v === null ? SAME : walkInner(v)));
  } else if (def.type === 'default') {
    // An absent value takes the default: a new value, so zod gives it.
    const walkInner = inner();
    walk = withChecks(schema, (v) => (v === undefined ? ASK : walkInner(v)));
  }
  walkers.set(schema, walk);
  return walk;
}

/**
 * `schema.safeParse(value)`, answered without zod's copy when zod's output would be `value` itself (then
 * `data` IS `value`: the caller must not expect a fresh object).
 */
export function fastParse<S extends z.ZodType>(schema: S, value: unknown): z.ZodSafeParseResult<z.output<S>> {
  const verdict = walker(schema as unknown as Schema)(value);
  if (verdict === SAME) return { success: true, data: value as z.output<S> } as z.ZodSafeParseResult<z.output<S>>;
  return schema.safeParse(value);
}

/** The verdict alone (tests: which road a value takes). */
export const fastVerdict = (schema: z.ZodType, value: unknown): 'same' | 'fail' | 'ask' =>
  (['same', 'fail', 'ask'] as const)[walker(schema as unknown as Schema)(value)];
