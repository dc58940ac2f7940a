import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Fragment, jsx, jsxs } from 'preact/jsx-runtime';
import { adoptStyles } from '../styles.js';
import { useWidget, useWidgetState, WidgetContext } from '../ui/context.js';
import * as icons from '../ui/icons.js';
import { besideScript, loadScript } from './load-script.js';
import type { SharedModules } from './shared.js';

/** The entry's modules the panel file uses (see SHARED_MODULES); `satisfies` keeps both lists in step. */
export const sharedModules = {
  'preact/hooks': { useEffect, useLayoutEffect, useRef, useState },
  'preact/jsx-runtime': { Fragment, jsx, jsxs },
  'src/ui/context.ts': { WidgetContext, useWidget, useWidgetState },
  'src/ui/icons.tsx': icons,
  'src/embed/load-script.ts': { besideScript, loadScript },
  'src/styles.ts': { adoptStyles },
} satisfies SharedModules;
