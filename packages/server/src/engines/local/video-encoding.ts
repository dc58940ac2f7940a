/** Containers the local video engine writes: MP4 by default, WebM on request (LOCAL_VIDEO_FORMAT). */
export const LOCAL_VIDEO_FORMATS = ['mp4', 'webm'] as const;
export type LocalVideoFormat = (typeof LOCAL_VIDEO_FORMATS)[number];

export function isLocalVideoFormat(value: string): value is LocalVideoFormat {
  return (LOCAL_VIDEO_FORMATS as readonly string[]).includes(value);
}

/**
 * Encoder arguments after the inputs (video on input 0's filter graph, silence on input 2).
 *
 * MP4 is what Instagram, TikTok and LinkedIn take: H.264 High in yuv420p (the only pixel format
 * every player decodes), `+faststart` so the index sits before the media and playback starts
 * before the download ends, and an AAC track, because some networks refuse a video without audio.
 * `stillimage` tuning and CRF 23 keep a mostly static poster small and free of banding.
 *
 * WebM is VP8 realtime: static-thresh skips unchanged blocks, which is most of each frame here;
 * qmax caps quantisation so the gradient does not band.
 */
export function encoderArgs(format: LocalVideoFormat, fps: number): string[] {
  const keyframes = ['-g', String(fps * 4)]; // a keyframe every 4 s keeps seeks quick
  if (format === 'webm') {
    return [
      ...['-map', '[out]', '-an'],
      ...['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '16', '-static-thresh', '1000'],
      ...['-b:v', '2M', '-qmax', '24', ...keyframes, '-auto-alt-ref', '0', '-threads', '2'],
      ...['-f', 'webm'],
    ];
  }
  return [
    ...['-map', '[out]', '-map', '2:a'],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'stillimage', '-crf', '23'],
    ...['-profile:v', 'high', '-pix_fmt', 'yuv420p', ...keyframes, '-threads', '2'],
    ...['-c:a', 'aac', '-b:a', '96k', '-ar', '48000', '-ac', '2'],
    ...['-movflags', '+faststart', '-f', 'mp4'],
  ];
}

export const MIME_TYPE: Record<LocalVideoFormat, string> = { mp4: 'video/mp4', webm: 'video/webm' };
