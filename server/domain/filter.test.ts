import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileFilter, compileSubstitutions, findBanned, foldText, substitute } from './filter';

// The shipped list, so a change to it is checked against the same cases.
const shipped = JSON.parse(readFileSync(new URL('../../fixtures/default/filter.json', import.meta.url), 'utf8')) as {
  terms: string[];
};
const list = compileFilter(shipped.terms);

describe('foldText', () => {
  it('folds width, case, accents and look-alikes', () => {
    expect(foldText('ＦＲＥＥＤＯＭ')).toBe('freedom');
    expect(foldText('Fréédom!')).toBe('freedom');
    expect(foldText('fr!end')).toBe('friend');
    expect(foldText('frеedоm')).toBe('freedom'); // Cyrillic е and о
    expect(foldText('fr33d0m')).toBe('freedom');
    expect(foldText('free\u200bdom')).toBe('freedom');
  });
});

describe('keyword filter: caught', () => {
  const caught: [string, string][] = [
    ['freedom', 'freedom'],
    ['We want FREEDOM now', 'freedom'],
    ['Freedom!', 'freedom'],
    ['ｆｒｅｅｄｏｍ', 'freedom'], // full-width
    ['f r e e d o m', 'freedom'],
    ['f.r.e.e.d.o.m', 'freedom'],
    ['f-r-e-e-d-o-m', 'freedom'],
    ['free dom', 'freedom'],
    ['fr33d0m', 'freedom'],
    ['frеedоm', 'freedom'], // Cyrillic look-alikes
    ['free\u200bdom', 'freedom'], // zero-width space
    ['freeeeedom', 'freedom'], // stretched
    ['Fréédom', 'freedom'], // accents
    ['the word is d e m o c r a c y', 'democracy'],
    ['Democracy.', 'democracy'],
    ['human rights matter', 'human rights'],
    ['humanrights', 'human rights'],
    ['HUMAN   RIGHTS', 'human rights'],
    ['a defector crossed', 'defector'],
    ['news from South Korea', 'south korea'],
    ['south-korea', 'south korea'],
    ['I love K-pop', 'k-pop'],
    ['kpop', 'k-pop'],
    ['자유', '자유'],
    ['자유를 원한다', '자유'],
    ['자 유', '자유'],
    ['민주주의는', '민주주의'],
    ['인권의 문제', '인권'],
    ['탈북자들', '탈북자'],
    ['남한에서 온 소식', '남한'],
    ['ＫＰＯＰ', 'k-pop'],
    ['d3m0cr@cy', 'democracy'],
  ];
  for (const [text, term] of caught) {
    it(`catches ${JSON.stringify(text)} as "${term}"`, () => {
      expect(findBanned(list, text)?.term).toBe(term);
    });
  }
});

describe('keyword filter: innocent text passes (no Scunthorpe failures)', () => {
  const innocent = [
    'The cooperative farm fulfilled its plan at 128 per cent.',
    'democratic', // the state calls itself democratic
    'Democratic People’s Assembly',
    'a Protestant church', // contains "protest"
    'the defective valve was replaced', // contains "defect"
    'Scunthorpe',
    'dictation practice', // starts like "dictator"
    'free domestic deliveries', // "free dom…" across words
    'free domain names',
    'freestyle swimming',
    'humane treatment',
    'internal network', // starts like "internet"
    'international news',
    'popcorn and k rations',
    'wisdom and kingdom',
    '자유형 수영 대회', // freestyle swimming contains 자유
    '남한산성에 갔다', // a fortress name contains 남한
    '인권리', // not 인권 + particle
    '민주적인', // democratic (adjective)
    'Seoul-style noodles are not on the list',
    '',
    '   ',
  ];
  for (const text of innocent) {
    it(`passes ${JSON.stringify(text)}`, () => {
      expect(findBanned(list, text)).toBeNull();
    });
  }
});

describe('filter list compilation', () => {
  it('supports a trailing * for any ending', () => {
    const l = compileFilter(['democra*']);
    expect(findBanned(l, 'democratisation')?.term).toBe('democra*');
    expect(findBanned(l, 'demo')).toBeNull();
  });
  it('reports the text that matched', () => {
    expect(findBanned(list, 'say f r e e d o m')).toEqual({ term: 'freedom', matched: 'f r e e d o m' });
  });
});

describe('substitution', () => {
  const subs = compileSubstitutions([
    { from: 'oppa', to: 'comrade' },
    { from: 'south korea', to: 'puppet state' },
    { from: '오빠', to: '동지' },
  ]);
  const cases: [string, string][] = [
    ['I miss you oppa', 'I miss you comrade'],
    ['OPPA!', 'comrade!'],
    ['o p p a, call me', 'comrade, call me'],
    ['news from South Korea today', 'news from puppet state today'],
    ['news from south-korea.', 'news from puppet state.'],
    ['오빠 보고 싶어', '동지 보고 싶어'],
    ['오빠가 왔다', '동지가 왔다'], // the particle stays
    ['Ｏｐｐａ', 'comrade'],
    ['opportunity knocks', 'opportunity knocks'], // innocent
    ['oppa and oppa', 'comrade and comrade'],
  ];
  for (const [input, out] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(out)}`, () => expect(substitute(subs, input).text).toBe(out));
  }
  it('reports what it replaced', () => {
    expect(substitute(subs, 'hi oppa').applied).toEqual([{ from: 'oppa', to: 'comrade', matched: 'oppa' }]);
    expect(substitute(subs, 'hello').applied).toEqual([]);
  });
});
