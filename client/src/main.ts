/**
 * Entry of the browser client: global styles, localization, and the app shell.
 * Everything the login screen needs is imported statically from here; every
 * other screen is a dynamic import (declared in `app/screens.ts`) made by `cis-app`
 * when first visited.
 */
import './ui/styles/global.css';
import koreanFont from './ui/styles/korean-font.css?url';
import { applyPreferredLocale } from './core/localization';
import './app/cis-app';

// The Korean font's faces, linked from script so that they never hold back the first paint.
const fontFaces = document.createElement('link');
fontFaces.rel = 'stylesheet';
fontFaces.href = koreanFont;
document.head.append(fontFaces);

void applyPreferredLocale();
