/**
 * Entry of the browser client: global styles, localization, and the app shell.
 * Everything the login screen needs is imported statically from here; every
 * other screen is a dynamic import (declared in `app/screens.ts`) made by `cis-app`
 * when first visited.
 */
import './ui/styles/global.css';
import koreanFont from './ui/styles/korean-font.css?url';
import { applyPreferredLocale, localeOfAddress, storedLocale } from './core/localization';
import './app/cis-app';

// The Korean font's faces, linked from script so that they never hold back the first paint: at
// once when the page is (or turns) Korean; on an English page, where the Korean is a masthead's
// nameplate or the language switch's own name, a little after the page has loaded (that text
// shows in the system's Korean font meanwhile).
let fontLinked = false;
const linkFont = () => {
  if (fontLinked) return;
  fontLinked = true;
  const faces = document.createElement('link');
  faces.rel = 'stylesheet';
  faces.href = koreanFont;
  document.head.append(faces);
};
const root = document.documentElement;
new MutationObserver(() => {
  if (root.lang === 'ko') linkFont();
}).observe(root, { attributes: true, attributeFilter: ['lang'] });
if (localeOfAddress() === 'ko' || storedLocale() === 'ko') linkFont();
addEventListener('load', () => setTimeout(linkFont, 2000), { once: true });

void applyPreferredLocale();
