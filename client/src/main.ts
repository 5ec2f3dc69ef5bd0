/**
 * Entry of the browser client: global styles, localization, and the app shell.
 * Everything the login screen needs is imported statically from here; every
 * other screen is a dynamic import made by `cis-app` when first visited.
 */
import './styles/global.css';
import { applyPreferredLocale } from './localization';
import './cis-app';

void applyPreferredLocale();
