import type { Format, Ratio } from '../contract/constants.js';

/** Networks the detector recognises; `x` is Twitter. */
export type Platform = 'instagram' | 'tiktok' | 'linkedin' | 'pinterest' | 'youtube' | 'facebook' | 'x';

export type Language = 'fr' | 'en';

export interface DetectOptions {
  /** The UI locale. The rules read French and English alike, so it is accepted but not needed. */
  locale?: Language;
}

/** Why the intent differs from what the message literally asked. */
export type IntentWarning = 'count_clamped' | 'duration_clamped' | 'topic_missing';

export interface GenerateIntent {
  kind: 'generate';
  format: Format;
  /** Images (1–10) or carousel slides (2–10); always 1 for a video. */
  count: number;
  ratio: Ratio;
  /** Seconds (4–60) for a video, null otherwise. */
  duration: number | null;
  platform: Platform | null;
  /** What the visual is about; null when the message names none (ask for it). */
  topic: string | null;
  warnings: IntentWarning[];
  /** 0.9 when a format word was found, 0.6 when "image" was inferred from a verb or a platform. */
  confidence: number;
}

export type SimpleIntentKind = 'quota' | 'library' | 'help' | 'confirm' | 'cancel' | 'unknown';

export interface SimpleIntent {
  kind: SimpleIntentKind;
}

export type Intent = GenerateIntent | SimpleIntent;
export type IntentKind = Intent['kind'];
