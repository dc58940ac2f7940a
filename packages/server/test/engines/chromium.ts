// The machine's Chromium with the team's flags lives in the repository's shared test helpers;
// re-exported here so this folder's tests keep their short import.
export { launchChromium } from '../../../../test-support/chromium.js';
