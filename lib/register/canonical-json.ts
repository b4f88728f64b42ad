// The register's canonical JSON and its digest: the text every history hash and change digest covers
// (lib/register/history.ts), the settings' fingerprint and the import classifier's comparisons. One
// definition, so the extension and the team server hash the very same bytes.
import { sha256HexSync } from './sha256';

/** Object keys as JSON strings: the same few field names come back in every event (bounded: any key may come). */
const quotedKeys = new Map<string, string>();
function quoted(key: string): string {
  let json = quotedKeys.get(key);
  if (json === undefined) {
    json = JSON.stringify(key);
    if (quotedKeys.size < 10_000) quotedKeys.set(key, json);
  }
  return json;
}

/** JSON with object keys sorted at every level: the same event always hashes the same way. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  // Plain loops and concatenation: every event and change digest goes through here (the team server
  // replays whole registers).
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i) out += ',';
      if (i in value) out += canonicalJson(value[i]);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units, as `<` does.
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const v = record[key];
    if (v === undefined) continue;
    if (first) first = false;
    else out += ',';
    out += `${quoted(key)}:${typeof v === 'string' ? JSON.stringify(v) : canonicalJson(v)}`;
  }
  return `${out}}`;
}

/** Hex SHA-256 of `text` (UTF-8). Async for its callers' sake; computed synchronously (see sha256.ts). */
export async function sha256Hex(text: string): Promise<string> {
  return sha256HexSync(text);
}
