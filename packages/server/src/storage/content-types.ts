/** File extensions the storages write, by content type, and back. */
const EXTENSION_BY_TYPE: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'video/webm': 'webm',
  'video/mp4': 'mp4',
};

export const CONTENT_TYPE_BY_EXTENSION: Record<string, string> = Object.fromEntries(
  Object.entries(EXTENSION_BY_TYPE).map(([type, extension]) => [extension, type]),
);

/** `image/png` -> `png`; an unknown type is refused rather than served with a guessed one. */
export function extensionFor(contentType: string): string {
  const extension = EXTENSION_BY_TYPE[contentType.split(';')[0]!.trim().toLowerCase()];
  if (!extension) throw new Error(`Unsupported content type for storage: ${contentType}`);
  return extension;
}

/**
 * A publicId is a path of plain segments (`alfie/<brand>/<order>/slide-0`). Anything else (`..`,
 * empty segments, backslashes, control characters) is refused, so a key can never leave its root.
 */
export function isSafePublicId(publicId: string): boolean {
  const segments = publicId.split('/');
  return (
    publicId.length > 0 &&
    publicId.length <= 512 &&
    segments.every((segment) => /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(segment) && segment !== '..')
  );
}
