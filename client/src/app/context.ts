/**
 * App-wide state shared through @lit/context: the logged-in user and the live
 * connection. `cis-app` provides both; pages and widgets consume them.
 */
import { createContext } from '@lit/context';
import type { Me } from '../../../server/protocol/api';
import type { LiveConnection } from '../core/live';

/** The logged-in user as the server describes it (capabilities, home screen). */
export const meContext = createContext<Me | undefined>(Symbol('cis-me'));

/** The lazily opened socket.io connection; undefined while logged out. */
export const liveContext = createContext<LiveConnection | undefined>(Symbol('cis-live'));
