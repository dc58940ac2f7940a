import { PassThrough, type Readable } from 'node:stream';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';

export interface PdfPage {
  width: number;
  height: number;
  mimeType: string | null;
  /** Read only when this page is written: one image in memory at a time. */
  read: () => Promise<Buffer>;
}

/** CSS pixels to PDF points (96 dpi): a 1080×1350 slide is an 810×1012 pt page. */
const POINTS_PER_PIXEL = 0.75;
/** How much finished PDF may wait for a slow reader before the next page is drawn. */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;

/**
 * A PDF document with one page per image, each page the image's own size: the format LinkedIn
 * takes for carousels. Pages are written one after the other as the reader consumes the stream;
 * the next image is read only when little is pending. PNG and JPEG go in as they are; other
 * formats (WebP from some providers) are converted to PNG first, as PDF cannot carry them.
 *
 * @example
 * const stream = pdfStream('Les tendances 2025', pages);
 */
export function pdfStream(title: string, pages: PdfPage[]): Readable {
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    info: { Title: title, Creator: 'Alfie' },
  });
  const output = new PassThrough();
  doc.pipe(output);
  (async () => {
    for (const page of pages) {
      // pdfkit pushes whatever it writes; the pipe to `output` holds back only what is past it.
      // A 'data' listener on the paused document does not resume it: it fires once the reader
      // has taken some, which is when the next page may be drawn.
      while (doc.readableLength > MAX_PENDING_BYTES && !output.destroyed)
        await new Promise((resolve) => {
          doc.once('data', resolve);
          output.once('close', resolve);
        });
      if (output.destroyed) return;
      const image = await embeddable(await page.read(), page.mimeType);
      const [width, height] = [page.width * POINTS_PER_PIXEL, page.height * POINTS_PER_PIXEL];
      doc.addPage({ size: [width, height], margin: 0 });
      doc.image(image, 0, 0, { width, height });
    }
    doc.end();
  })().catch((error: Error) => output.destroy(error));
  return output;
}

async function embeddable(bytes: Buffer, mimeType: string | null): Promise<Buffer> {
  if (mimeType === 'image/png' || mimeType === 'image/jpeg') return bytes;
  const image = await loadImage(bytes);
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext('2d').drawImage(image, 0, 0);
  return canvas.encode('png');
}
