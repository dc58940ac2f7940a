// Chat intent detection (../../../../../shared/intents/SPEC.md). Every module here is pure, so
// `import { detectIntent }` leaves describeIntent and intentToRequest out of the bundle.
export { describeIntent } from './describe.js';
export { detectIntent } from './detect.js';
export { type IntentToRequestOptions, intentToRequest } from './request.js';
export type {
  DetectOptions,
  GenerateIntent,
  Intent,
  IntentKind,
  IntentWarning,
  Language,
  Platform,
  SimpleIntent,
  SimpleIntentKind,
} from './types.js';
