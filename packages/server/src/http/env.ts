import type { Principal } from '../auth/principal.js';
import type { Logger } from '../logger.js';

/** Hono variables set by the app's middleware, available to every route: `c.get('principal')`. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** Child logger carrying the request id. */
    log: Logger;
    /** Null when the request carried no credentials (public routes). */
    principal: Principal | null;
  };
}
