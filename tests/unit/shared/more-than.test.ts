import { describe, expect, it } from 'vitest';
import { kkAblative, moreThan } from '../../../shared/locale/more-than';
import { formatTenge } from '../../../shared/locale/money';

describe('moreThan', () => {
  it('writes a lower bound as the press does in each language', () => {
    expect(moreThan(formatTenge(1.2e12, 'ru'), 'ru')).toBe('более 1,2\u00A0трлн\u00A0₸');
    expect(moreThan(formatTenge(1.2e12, 'kk'), 'kk')).toBe('1,2\u00A0трлн\u00A0теңгеден астам');
    expect(moreThan('125%', 'en')).toBe('more than 125%');
  });
});

describe('kkAblative', () => {
  it.each([
    ['125%', '125%-дан'],
    ['10', '10-нан'],
    ['5', '5-тен'],
    ['6', '6-дан'],
    ['1', '1-ден'],
    ['3', '3-тен'],
    ['20', '20-дан'],
    ['40', '40-тан'],
    ['50', '50-ден'],
    ['80', '80-нен'],
    ['100', '100-ден'],
    ['1 000', '1 000-нан'],
    ['2 000 000', '2 000 000-нан'],
    ['3 000 000 000', '3 000 000 000-тан'],
    ['1,5', '1,5-тен'],
    ['1,2', '1,2-ден'],
    ['892 млрд', '892 млрд-тан'],
    ['5 мың', '5 мың-нан'],
    ['5 000 ₸', '5 000\u00A0теңгеден'],
  ])('%s → %s', (text, expected) => {
    expect(kkAblative(text)).toBe(expected);
  });
});
