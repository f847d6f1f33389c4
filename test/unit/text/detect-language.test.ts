/** Language detection: letters for Cyrillic and other scripts, function words and ELD for Latin script. */
import { describe, expect, it } from 'vitest';
import { detectLanguage, identifyLanguage, paragraphLanguage } from '../../../src/text/detect-language.js';

describe('detectLanguage', () => {
  it.each([
    ['en', 'The European Union imposed new sanctions on Belarus and its state banks.'],
    ['ru', 'Евросоюз ввёл новые санкции против Беларуси и её государственных банков.'],
    ['uk', 'Євросоюз запровадив нові санкції проти Білорусі та її державних банків.'],
    ['be', 'Еўрасаюз увёў новыя санкцыі супраць Беларусі і яе дзяржаўных банкаў.'],
    ['be', 'Jeŭrasajuz uviaŭ novyja sankcyi suprać Biełarusi i jaje dziaržaŭnych bankaŭ.'],
    ['pl', 'Unia Europejska nałożyła nowe sankcje na Białoruś i jej państwowe banki.'],
    ['lt', 'Europos Sąjunga įvedė naujas sankcijas Baltarusijai ir jos valstybiniams bankams.'],
    ['de', 'Die Europäische Union hat neue Sanktionen gegen Belarus und seine Staatsbanken verhängt.'],
    ['fr', "L'Union européenne a imposé de nouvelles sanctions contre le Bélarus et ses banques publiques."],
    ['es', 'La Unión Europea impuso nuevas sanciones contra Bielorrusia y sus bancos estatales.'],
    ['bg', 'Европейският съюз наложи нови санкции срещу Беларус и нейните държавни банки във вторник.'],
    ['sr', 'Европска унија је увела нове санкције Белорусији и њеним државним банкама.'],
    ['kk', 'Еуропалық одақ Беларусь пен оның мемлекеттік банктеріне жаңа санкциялар енгізді.'],
    ['el', 'Η Ευρωπαϊκή Ένωση επέβαλε νέες κυρώσεις στη Λευκορωσία.'],
    ['ka', 'ევროკავშირმა ბელარუსს ახალი სანქციები დაუწესა.'],
    ['hy', 'Եվրամիությունը նոր պատժամիջոցներ է սահմանել Բելառուսի դեմ։'],
    ['zh', '欧盟对白俄罗斯实施了新的制裁。'],
    ['ja', '欧州連合はベラルーシに新たな制裁を科した。'],
  ])('%s: %s', (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('takes a Russian text that quotes a Belarusian name for Russian', () => {
    expect(
      detectLanguage(
        'Суд в Минске вынес приговор главному редактору «Рэгіянальнай газеты», сообщили правозащитники.',
      ),
    ).toBe('ru');
  });

  it('returns null when there is no letter to go by', () => {
    expect(detectLanguage('')).toBeNull();
    expect(detectLanguage('12:45 — 2025')).toBeNull();
    expect(identifyLanguage('…')).toBeNull();
  });
});

describe('paragraphLanguage', () => {
  const text =
    'США та Білорусь працюють над угодою щодо звільнення політичних в’язнів.\nСША и Беларусь готовят соглашение об освобождении политзаключённых.';
  const [first, second] = text.split('\n') as [string, string];

  it('finds the other Cyrillic language of a paragraph by its letters', () => {
    expect(paragraphLanguage(text, 0, first.length, 'uk')).toBe('uk');
    expect(paragraphLanguage(text, first.length + 1, text.length, 'uk')).toBe('ru');
    expect(second.length).toBeGreaterThan(0);
  });

  it('keeps the item language for a paragraph in the same script, and asks again for another script', () => {
    const mixed = 'The EU extended the measures.\nЕС продлил санкции против белорусских банков.';
    expect(paragraphLanguage(mixed, 0, 29, 'en')).toBe('en');
    expect(paragraphLanguage(mixed, 30, mixed.length, 'en')).toBe('ru');
  });
});
