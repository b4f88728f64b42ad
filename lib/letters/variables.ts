// The variables a template may use, derived from the view model's schema (context.ts) so the list can
// never drift from what the renderer supplies; each has a label for the template editor and refusals.
import { z } from 'zod';
import { type MessageKey, t } from '../i18n';
import { fr } from '../i18n/fr';
import { LetterContextSchema } from './context';

export type VariableKind = 'text' | 'flag' | 'list';
export interface KnownVariable {
  name: string;
  kind: VariableKind;
  /** For a list: the names usable inside `{{#list}}…{{/list}}`, one item at a time. */
  itemKeys?: string[];
}

function flatten(schema: z.ZodType, prefix: string, out: KnownVariable[]): KnownVariable[] {
  if (schema instanceof z.ZodObject) {
    for (const [key, child] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      flatten(child, prefix ? `${prefix}.${key}` : key, out);
    }
  } else if (schema instanceof z.ZodArray) {
    const element = schema.element as z.ZodType;
    const itemKeys = element instanceof z.ZodObject ? Object.keys(element.shape) : [];
    out.push({ name: prefix, kind: 'list', itemKeys });
  } else if (schema instanceof z.ZodBoolean) {
    out.push({ name: prefix, kind: 'flag' });
  } else if (!(schema instanceof z.ZodRecord)) {
    out.push({ name: prefix, kind: 'text' });
  }
  return out;
}

/** Every variable of the view model except `inputs.*`, which each template declares in its metadata. */
export const KNOWN_VARIABLES: readonly KnownVariable[] = flatten(LetterContextSchema, '', []);
const BY_NAME = new Map(KNOWN_VARIABLES.map((v) => [v.name, v]));

export function knownVariable(name: string): KnownVariable | undefined {
  return BY_NAME.get(name);
}

/** The variable's label in the interface language ("Nom du client"), or its name when it has none. */
export function variableLabel(name: string): string {
  const key = `letters.var.${name}`;
  return key in fr ? t(key as MessageKey) : name;
}

/** Reads a dotted name ("customer.name") in a view model, as mustache would. */
export function lookup(view: unknown, name: string): unknown {
  let value: unknown = view;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Empty in the sense of a required variable: blank text, false, an empty list, or nothing. */
export function isBlank(value: unknown): boolean {
  if (typeof value === 'string') return value.trim().length === 0;
  if (Array.isArray(value)) return value.length === 0;
  return value === undefined || value === null || value === false;
}
