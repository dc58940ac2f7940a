import type { AlfieClient } from '@alfie/core';
import { createContext } from 'react';

/** Holds the client that every hook talks through. Internal: use `<AlfieProvider>` and `useAlfieClient()`. */
export const AlfieClientContext = createContext<AlfieClient | null>(null);
AlfieClientContext.displayName = 'AlfieClient';
