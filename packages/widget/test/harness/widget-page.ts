// The page the Chromium test loads for the whole widget: mounted from source (panel included) on the
// real server's origin, so the conversation engine makes the calls a host page's widget would.
import { mountAlfieWidget } from '../../src/index.js';

declare global {
  interface Window {
    widgetHarness: { token: string; brandId: string };
  }
}

const { token, brandId } = window.widgetHarness;
mountAlfieWidget({ apiUrl: location.origin, brandId, token, locale: 'fr' }).open();
