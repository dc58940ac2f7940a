import { create as contentDisposition } from 'content-disposition';

/** Longest topic kept in a file name: enough to recognise it, short enough for every file system. */
const MAX_TOPIC = 60;

export interface NameParts {
  brand: string;
  topic: string;
  /** What this file is within the order: `slide 2`, `image 1`, `video`; absent for the whole order. */
  item?: string;
  extension: string;
}

/**
 * A readable file name: `Café Lumière - Les tendances 2025 - slide 2.png`. Characters that no file
 * system takes (`/ \ : * ? " < > |`, control characters) are dropped, runs of spaces collapsed.
 *
 * @example
 * downloadName({ brand: 'Café Lumière', topic: 'Tendances 2025', item: 'slide 2', extension: 'png' });
 */
export function downloadName(parts: NameParts): string {
  const topic = clean(parts.topic);
  const shortTopic =
    topic.length > MAX_TOPIC
      ? `${topic.slice(0, MAX_TOPIC).replace(/\s+\S*$/, '') || topic.slice(0, MAX_TOPIC)}…`
      : topic;
  const stem = [clean(parts.brand), shortTopic, parts.item]
    .filter((part) => part && part.length > 0)
    .join(' - ');
  return `${stem || 'alfie'}.${parts.extension}`;
}

/**
 * `Content-Disposition: attachment` with the name twice (RFC 6266): `filename*` in UTF-8 for
 * browsers, and `filename` in plain ASCII (accents stripped) for older clients.
 */
export function attachmentHeader(fileName: string): string {
  return contentDisposition(fileName, { type: 'attachment', fallback: asciiOf(fileName) });
}

function clean(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
      .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+/, '')
  );
}

function asciiOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/…/g, '...')
    .replace(/[^\x20-\x7e]/g, '_');
}
