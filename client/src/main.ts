/**
 * Entry of the browser client: global styles, localization, and the app shell.
 * Everything the login screen needs is imported statically from here; every
 * other screen is a dynamic import (declared in `app/screens.ts`) made by `cis-app`
 * when first visited.
 */
import './ui/styles/global.css';
// The Korean font's faces, linked at once; the first screen is drawn once they are known.
import './ui/korean-font';
import { applyPreferredLocale } from './core/localization';
import './app/cis-app';

void applyPreferredLocale();
