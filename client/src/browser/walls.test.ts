import { describe, expect, it } from 'vitest';
import { wallHeading, wallText } from './walls';

describe('the walls in words', () => {
  it('names each wall distinctly, on either network', () => {
    const headings = [
      wallHeading('outside', 'domestic'),
      wallHeading('clearance', 'domestic'),
      wallHeading('network', 'domestic'),
      wallHeading('network', 'foreign'),
    ];
    expect(new Set(headings).size).toBe(4);
    expect(wallHeading('clearance', 'domestic')).toMatch(/clearance/i);
    expect(wallHeading(undefined, 'domestic')).toBe(wallHeading('outside', 'domestic'));
    expect(wallText(undefined, 'foreign')).toBe(wallText('outside', 'foreign'));
  });

  it('tells a foreigner about the foreigners’ network, never the domestic one', () => {
    const words = `${wallHeading('network', 'foreign')} ${wallText('network', 'foreign')}`;
    expect(words).toMatch(/foreign/i);
    expect(words).not.toMatch(/national network|Kwangmyong|intranet/i);
  });

  it('says every attempt was recorded', () => {
    for (const wall of ['outside', 'clearance', 'network'] as const)
      for (const network of ['domestic', 'foreign'] as const) expect(wallText(wall, network)).toMatch(/recorded/);
  });
});
