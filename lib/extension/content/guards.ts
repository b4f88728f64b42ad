// Shape checks for what reaches the content script. The zod schemas of lib/messages-webmail.ts are the
// single definition and are enforced where these messages are produced: the background parses its
// scan answer before sending it, and `sendToTab` parses every request to a tab. Only our own extension
// can write on these channels (a web page cannot post into runtime messaging), so the content script
// re-checks the shape cheaply instead of shipping zod in every webmail page (budget: 12 KB gzip).
import type { ScanAnswer, TabRequest } from '../../protocol/webmail';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

export function isScanAnswer(v: unknown): v is ScanAnswer {
  if (!isObject(v) || !isObject(v.labels) || !Array.isArray(v.chips) || !isObject(v.spots) || !Array.isArray(v.own))
    return false;
  if (!isString(v.labels.log) || !isString(v.labels.logLikely)) return false;
  const chipOk = (c: unknown) =>
    isObject(c) &&
    ['id', 'state', 'text', 'label', 'rowText', 'rowLabel'].every((k) => isString(c[k])) &&
    ['overdue', 'dueSoon', 'running', 'none'].includes(c.state as string);
  const spotOk = (s: unknown) =>
    isObject(s) &&
    typeof s.likely === 'boolean' &&
    isString(s.title) &&
    Array.isArray(s.cues) &&
    (s.fragments === undefined || Array.isArray(s.fragments));
  return v.chips.every(chipOk) && Object.values(v.spots).every(spotOk) && v.own.every(isString);
}

export function isTabRequest(v: unknown): v is TabRequest {
  if (!isObject(v)) return false;
  if (v.type !== 'letter/insert' || !isObject(v.letter) || !isString(v.letter.text) || v.letter.text === '')
    return false;
  return (
    (v.letter.html === undefined || isString(v.letter.html)) && (v.messageId === undefined || isString(v.messageId))
  );
}
