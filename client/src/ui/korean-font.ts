/**
 * The Korean font's faces (`styles/korean-font.css`: Noto Sans KR in unicode-range subsets, so a
 * page fetches only the subsets of the Korean it shows), linked from script so that they never
 * block the first paint of the page itself. The app draws its first screen once they are known
 * (`cis-app` waits for `koreanFaces`, at most `WAIT_MS`): Chromium never sets again text it has
 * already set in a fallback font, so Hangul drawn before the faces arrived would stay in whatever
 * the machine has, or in empty boxes on a machine without a Korean font.
 */
import href from './styles/korean-font.css?url';

/** The longest the first screen waits for the faces; after it, they still apply to what comes later. */
const WAIT_MS = 2500;

function link(): Promise<void> {
  return new Promise((resolve) => {
    const faces = document.createElement('link');
    faces.rel = 'stylesheet';
    faces.href = href;
    faces.addEventListener('load', () => resolve(), { once: true });
    faces.addEventListener('error', () => resolve(), { once: true }); // the system's fonts then
    setTimeout(resolve, WAIT_MS);
    document.head.append(faces);
  });
}

/** Resolves once the faces are known to the page (or could not be, or took too long). */
export const koreanFaces: Promise<void> = link();
