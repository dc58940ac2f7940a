import type { Ratio, VariantStyle } from '@alfie/core/contract';

/** What an engine needs to know about the brand to draw on-brand visuals. */
export interface BrandStyle {
  name: string;
  /** Hex colours, e.g. ['#0B3D91', '#F2A900']. */
  palette: string[];
  fonts: string[];
  voice: string | null;
  niche: string | null;
  logoUrl: string | null;
}

/** Planned text of one carousel slide. */
export interface SlideText {
  title: string;
  subtitle?: string;
}

/** Bytes an engine produced: a buffer, or a stream so that big files are never held twice. */
export type MediaBody = Uint8Array | AsyncIterable<Uint8Array>;

export interface ImageRequest {
  topic: string;
  ratio: Ratio;
  width: number;
  height: number;
  brand: BrandStyle;
  /** Language of the request ('fr' | 'en'), for text drawn on the image. */
  locale?: string;
  /**
   * Carousels: this slide's position and planned text. `index` is 0-based (the item's
   * sequence_number, 0..total-1); engines show it 1-based: "slide 1/5", "slide 1 of 5".
   */
  slide?: { index: number; total: number; text?: SlideText };
  /**
   * Which of the order's images this is (0-based, of `total`): engines make each one different,
   * so an order of several images never delivers (and charges) the same picture twice.
   */
  item?: { index: number; total: number };
  /**
   * An A/B variant: engines make each one deliberately different (the local engine by layout and
   * palette, remote engines by the style's prompt modifier and `seed`, see variants/styles.ts).
   */
  variant?: { index: number; style: VariantStyle; seed: number };
  signal?: AbortSignal;
}

export interface ImageResult {
  body: MediaBody;
  mimeType: string;
  width: number;
  height: number;
}

export interface VideoRequest {
  topic: string;
  ratio: Ratio;
  width: number;
  height: number;
  durationSeconds: number;
  brand: BrandStyle;
  locale?: string;
  signal?: AbortSignal;
  /** 0..1, reported while rendering; becomes `progress` events for the client. */
  onProgress?: (progress: number) => void;
}

export interface VideoResult {
  body: MediaBody;
  mimeType: string;
  width: number;
  height: number;
  durationSeconds: number;
  /** A still for `<video poster>`, when the engine has one. */
  poster?: { body: MediaBody; mimeType: string };
}

export interface ImageEngine {
  readonly name: string;
  generateImage(request: ImageRequest): Promise<ImageResult>;
}

export interface VideoEngine {
  readonly name: string;
  generateVideo(request: VideoRequest): Promise<VideoResult>;
}

/** Plans the N slide texts of a carousel before the slides are drawn. */
export interface CarouselPlanner {
  readonly name: string;
  planSlides(request: {
    topic: string;
    count: number;
    locale: string;
    brand: BrandStyle;
    signal?: AbortSignal;
  }): Promise<SlideText[]>;
}

/** A render running at a remote provider (Replicate, Veo), named by the provider's own id. */
export interface RemoteRender {
  /** Matches job_queue.provider, e.g. 'replicate'. */
  provider: string;
  /** Matches job_queue.provider_ref: the prediction or operation id. */
  ref: string;
}

export type RemoteRenderState =
  | { status: 'pending'; progress?: number }
  | { status: 'done'; result: VideoResult };

/**
 * A video engine whose renders take minutes. Besides `generateVideo` (start and wait), it can
 * start a render and return at once, so the worker parks the job as `waiting` with
 * provider/provider_ref and frees its slot; the webhook route or a scheduled poll resumes it.
 */
export interface ParkableVideoEngine extends VideoEngine {
  startVideo(request: VideoRequest): Promise<RemoteRender>;
  /**
   * Where a started render is. `snapshot` is the provider's last known state when the caller has
   * one (a verified webhook body), so that no request is needed. Throws ProviderError when the render
   * failed or was canceled.
   */
  checkVideo(ref: string, request: VideoRequest, snapshot?: unknown): Promise<RemoteRenderState>;
  cancelVideo(ref: string): Promise<void>;
}

export type RemoteImageState = { status: 'pending' } | { status: 'done'; result: ImageResult };

/**
 * An image engine whose renders run at a remote provider that calls back (Replicate with a webhook
 * secret): the worker starts every item's render, parks the job on them, and delivers each item
 * when its render ends, so a slow model never holds a worker slot.
 */
export interface ParkableImageEngine extends ImageEngine {
  startImage(request: ImageRequest): Promise<RemoteRender>;
  /** Where a started render is; `snapshot` as in ParkableVideoEngine.checkVideo. */
  checkImage(ref: string, request: ImageRequest, snapshot?: unknown): Promise<RemoteImageState>;
  cancelImage(ref: string): Promise<void>;
}

export function isParkableImageEngine(engine: ImageEngine): engine is ParkableImageEngine {
  return typeof (engine as Partial<ParkableImageEngine>).startImage === 'function';
}

export function isParkableVideoEngine(engine: VideoEngine): engine is ParkableVideoEngine {
  return typeof (engine as Partial<ParkableVideoEngine>).startVideo === 'function';
}
