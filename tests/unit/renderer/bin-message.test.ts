// A BIN's validation message in each UI language: a wrong length and a non-digit say how many
// digits were typed, a wrong check digit says so; the import's report words a rejected BIN cell
// with the same text as the project card.
import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { resources } from '../../../renderer/src/i18n/resources';
import { binMessageText, isBinMessage } from '../../../renderer/src/i18n/bin-message';
import { binIssue } from '@shared/domain/bin';

async function translator(lng: 'ru' | 'kk' | 'en'): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { [lng]: { translation: resources[lng] } }, lng, interpolation: { escapeValue: false } });
  return i18n.t.bind(i18n);
}

/** The message a clerk reads for `value`, as the card and the import's report give it. */
function message(value: string, t: TFunction): string {
  const issue = binIssue(value);
  if (!issue) throw new Error(`${value} is a valid BIN`);
  return binMessageText(issue, value, t);
}

describe('BIN messages', () => {
  it('in Russian', async () => {
    const t = await translator('ru');
    expect(message('12345', t)).toBe('В БИН должно быть 12 цифр, а введено 5');
    expect(message('9406400004220', t)).toBe('В БИН должно быть 12 цифр, а введено 13');
    expect(message('940-640-000-422', t)).toBe('В БИН допускаются только цифры — уберите буквы, дефисы и другие знаки (цифр: 12 из 12)');
    expect(message('940640000423', t)).toBe('Неверный БИН: контрольная цифра не сходится — сверьте цифры с документом');
  });

  it('in Kazakh', async () => {
    const t = await translator('kk');
    expect(message('12345', t)).toBe('БСН 12 цифрдан тұруы керек, ал енгізілген цифрлар: 5');
    expect(message('БСН940640000422', t)).toBe(
      'БСН тек цифрлардан тұрады — әріптерді, сызықшаларды және басқа белгілерді алып тастаңыз (енгізілген цифрлар: 12, керегі 12)',
    );
    expect(message('940640000423', t)).toBe('БСН қате: бақылау цифры сәйкес келмейді — цифрларды құжатпен салыстырыңыз');
  });

  it('in English', async () => {
    const t = await translator('en');
    expect(message('12345', t)).toBe('A BIN has 12 digits; digits typed: 5');
    expect(message('94064000042A', t)).toBe('A BIN is digits only — remove letters, hyphens and other characters (digits: 11 of 12)');
    expect(message('940640000423', t)).toBe('Invalid BIN: the check digit does not match — compare the digits with the document');
  });

  it('without the value typed, the rule alone; three distinct texts in every language', async () => {
    for (const lng of ['ru', 'kk', 'en'] as const) {
      const t = await translator(lng);
      const texts = (['bin_length', 'bin_digits', 'bin_checksum'] as const).map((m) => binMessageText(m, undefined, t));
      expect(new Set(texts).size).toBe(3);
      for (const text of texts) expect(text).not.toMatch(/\{\{|validation\./);
    }
    expect(isBinMessage('bin_checksum')).toBe(true);
    expect(isBinMessage('invalid_date')).toBe(false);
  });
});
