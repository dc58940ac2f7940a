import type { Readable } from 'node:stream';
import { ZipFile } from 'yazl';

export interface ZipEntry {
  name: string;
  /** Opened only when the archive reaches this entry, so one file is read at a time. */
  open: () => Promise<Readable>;
}

/**
 * A ZIP of the entries, produced as it is read. PNG, JPEG and MP4 are already compressed, so the
 * entries are stored, not deflated: no CPU spent for nothing. A source that fails mid-way ends
 * the archive with that error (the client sees a broken download, never a silently short one).
 *
 * @example
 * const stream = zipStream([{ name: 'slide 1.png', open: () => openAsset(url, options) }]);
 */
export function zipStream(entries: ZipEntry[]): Readable {
  const zip = new ZipFile();
  // yazl's output is a Node Readable (its typings say only NodeJS.ReadableStream).
  const output = zip.outputStream as Readable;
  for (const entry of entries) {
    zip.addReadStreamLazy(entry.name, { compress: false }, (callback) => {
      entry.open().then(
        (stream) => {
          stream.once('error', (error) => output.destroy(error));
          callback(null, stream);
        },
        (error: Error) => {
          output.destroy(error);
        },
      );
    });
  }
  zip.end();
  return output;
}
