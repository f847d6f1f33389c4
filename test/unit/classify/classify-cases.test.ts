/**
 * The classifier's judgement, pinned by cases of each kind, written for these tests (none comes
 * from the evaluation sets): labels carried by roles rather than keywords, topics named only in
 * passing, trigger words in another sense, and at least one case in every supported language.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/classify/classify.js';

type Kind = 'role-carried' | 'passing mention' | 'other sense' | 'on topic';

interface Case {
  kind: Kind;
  language: string;
  title: string;
  text: string;
  labels: string[];
}

const cases: Case[] = [
  // Labels carried by who does what, without the topic's own word.
  {
    kind: 'role-carried',
    language: 'en',
    title: 'Reporter for independent outlet given three years',
    text: 'A court in Hrodna sentenced a reporter of an independent news site to three years in a penal colony on Thursday. She was detained in March after covering a protest. Rights defenders said she was held in a crowded cell.',
    labels: ['prisoners'],
  },
  {
    kind: 'role-carried',
    language: 'en',
    title: 'Foreign minister receives Hungarian ambassador',
    text: 'The foreign minister received the new ambassador of Hungary on Monday and discussed transit, trade and the resumption of regular flights. The two sides agreed to hold consultations in Budapest in the autumn.',
    labels: ['diplomacy'],
  },
  {
    kind: 'role-carried',
    language: 'en',
    title: 'Brussels freezes assets of state arms exporter',
    text: 'The EU froze the assets of a state-owned arms exporter and imposed travel bans on six of its officials. The company may no longer receive European components, the Council said in its decision.',
    labels: ['sanctions'],
  },
  {
    kind: 'role-carried',
    language: 'ru',
    title: 'Блогера из Бреста задержали и поместили в СИЗО',
    text: 'Сотрудники милиции задержали блогера после обыска в его квартире. По данным правозащитников, ему предъявили обвинение в оскорблении президента. Суд назначил меру пресечения в виде заключения под стражу.',
    labels: ['prisoners'],
  },
  {
    kind: 'role-carried',
    language: 'ru',
    title: 'Лукашенко принял верительные грамоты у послов пяти государств',
    text: 'Глава государства принял верительные грамоты у послов Вьетнама, Египта, Катара, Кубы и Монголии. На встрече обсуждалось расширение сотрудничества и взаимные визиты делегаций.',
    labels: ['diplomacy'],
  },
  {
    kind: 'role-carried',
    language: 'uk',
    title: 'Білоруського вчителя засудили до двох років колонії',
    text: 'Суд у Могильові засудив учителя історії до двох років колонії за коментарі в соціальних мережах. Правозахисники повідомили, що його затримали після обшуку вдома. Чоловік перебуває в СІЗО.',
    labels: ['prisoners'],
  },
  {
    kind: 'role-carried',
    language: 'be',
    title: 'Міністр замежных спраў сустрэўся з паслом Італіі',
    text: 'Міністр замежных спраў прыняў пасла Італіі і абмеркаваў двухбаковыя адносіны. Бакі дамовіліся працягнуць кансультацыі наступным годам.',
    labels: ['diplomacy'],
  },
  {
    kind: 'role-carried',
    language: 'pl',
    title: 'Działacz mniejszości polskiej ponownie zatrzymany',
    text: 'Działacz mniejszości polskiej został zatrzymany w Grodnie i trafił do aresztu. Prokuratura postawiła mu zarzut podżegania do nienawiści. Obrońcy praw człowieka uznali go za więźnia politycznego.',
    labels: ['prisoners'],
  },
  // A topic named once, as background: it does not earn its label.
  {
    kind: 'passing mention',
    language: 'en',
    title: 'Belarusian exports to China grow for the third year',
    text: 'Exports of Belarusian dairy products and machinery to China grew by eleven percent last year, the statistics office said. Producers have redirected trade east since Western sanctions were imposed. Economists expect growth to slow next year as prices fall.',
    labels: [],
  },
  {
    kind: 'passing mention',
    language: 'en',
    title: 'Minsk and Beijing sign a roadmap on industrial cooperation',
    text: 'Belarus and China signed a roadmap on industrial cooperation during a visit of the Chinese trade minister to Minsk. The two governments agreed to open a joint engineering centre. Officials said the relations had never been closer, despite the Western sanctions that followed 2020.',
    labels: ['diplomacy'],
  },
  {
    kind: 'passing mention',
    language: 'ru',
    title: 'Белорусская IT-компания открыла офис в Варшаве',
    text: 'Разработчик мобильных приложений открыл офис в Варшаве и перевёз туда сорок сотрудников. Компания рассчитывает на рост выручки и новых клиентов в Европе. Основатель отметил, что решение приняли после того, как в стране начались преследования бизнеса.',
    labels: [],
  },
  {
    kind: 'passing mention',
    language: 'uk',
    title: 'Білорусь і Росія підписали угоду про енергетику',
    text: 'Уряди Білорусі та Росії підписали угоду про постачання газу на наступні п’ять років. Прем’єр-міністри провели переговори в Москві та домовилися про ціну. Західні санкції згадувалися лише як тло переговорів.',
    labels: ['diplomacy'],
  },
  // Trigger words in another sense.
  {
    kind: 'other sense',
    language: 'en',
    title: 'FIFA sanctions club over fan violence',
    text: 'FIFA imposed disciplinary sanctions on the football club after fans threw flares onto the pitch during the league match. The club must play two home games in an empty stadium and pay a fine.',
    labels: [],
  },
  {
    kind: 'other sense',
    language: 'en',
    title: "What the prisoner's dilemma teaches about teamwork",
    text: "The prisoner's dilemma shows why two colleagues who cannot trust each other both lose. Game theory suggests that repeated cooperation works better in the workplace. Managers can use the lesson in team building.",
    labels: [],
  },
  {
    kind: 'other sense',
    language: 'en',
    title: 'Why diplomacy is the most underrated skill at work',
    text: 'Being diplomatic with colleagues and your boss helps your career more than technical skills. Career coaches recommend tact in meetings and clear feedback. Emotional intelligence is a skill that can be learned.',
    labels: [],
  },
  {
    kind: 'other sense',
    language: 'ru',
    title: 'В Витебском районе ликвидировали несанкционированную свалку',
    text: 'Коммунальные службы вывезли несанкционированную свалку строительного мусора у деревни. Местные жители жаловались на неё с весны. Нарушителям грозит штраф.',
    labels: [],
  },
  {
    kind: 'other sense',
    language: 'be',
    title: 'Вясна прыйдзе позна',
    text: 'Сінаптыкі мяркуюць, што вясна сёлета будзе халоднай. У сакавіку чакаюцца маразы і снег, а першыя кветкі з’явяцца толькі ў красавіку.',
    labels: [],
  },
  {
    kind: 'other sense',
    language: 'en',
    title: 'Review: a prison drama that finds hope in a labour camp',
    text: 'The new film follows a prisoner who survives ten years in a labour camp and returns to his village. The director keeps the camera close to the actors, and the screenplay avoids easy answers. The movie premieres at the festival next week.',
    labels: [],
  },
  {
    kind: 'other sense',
    language: 'en',
    title: 'Man jailed for bribery in Gomel',
    text: 'A former head of a construction company was sentenced to six years in prison for taking bribes. The court found that he received money from subcontractors for signing contracts. He must also pay back the damage.',
    labels: [],
  },
  {
    kind: 'other sense',
    language: 'ru',
    title: 'Беларусь повысила экспортные пошлины на нефтепродукты',
    text: 'Правительство повысило экспортные пошлины на нефтепродукты с первого числа. Ставки рассчитаны по цене нефти на мировом рынке. Решение объясняют необходимостью пополнить бюджет.',
    labels: [],
  },
  {
    kind: 'other sense',
    language: 'en',
    title: 'The strangest requests an embassy receives',
    text: 'Consular staff say travellers ask them to find lost luggage, recommend restaurants and even look after a cat. Most requests concern passports and visa applications. The hotline answers about two hundred calls a week.',
    labels: [],
  },
  // On topic, one or more labels, in every supported language.
  {
    kind: 'on topic',
    language: 'en',
    title: 'US lifts sanctions on Belarusian airline after prisoner release',
    text: 'The United States lifted sanctions on the national airline after Minsk released sixteen political prisoners. The US envoy held talks with Lukashenka in Minsk before the release was announced. The two sides agreed to continue the dialogue and discussed reopening the US embassy. Rights groups welcomed the move but said more than a thousand people remain behind bars.',
    labels: ['sanctions', 'prisoners', 'diplomacy'],
  },
  {
    kind: 'on topic',
    language: 'ru',
    title: 'Евросоюз ввёл новые санкции против белорусских банков',
    text: 'Совет ЕС утвердил новый пакет санкций против белорусских банков и предприятий военно-промышленного комплекса. Под ограничения попали также двадцать чиновников. Их активы в ЕС заморожены.',
    labels: ['sanctions'],
  },
  {
    kind: 'on topic',
    language: 'uk',
    title: 'У Білорусі понад тисячу політв’язнів',
    text: 'Правозахисний центр «Вясна» налічує понад тисячу політичних в’язнів. Серед них журналісти, активісти та опозиційні політики. Багатьох тримають в ізоляції без зв’язку з родиною.',
    labels: ['prisoners'],
  },
  {
    kind: 'on topic',
    language: 'be',
    title: 'Еўрасаюз увёў санкцыі супраць беларускіх чыноўнікаў',
    text: 'Еўрасаюз увёў новыя санкцыі супраць беларускіх чыноўнікаў і дзяржаўных прадпрыемстваў. Іх актывы замарожаныя, а ўезд у ЕС забаронены.',
    labels: ['sanctions'],
  },
  {
    kind: 'on topic',
    language: 'be',
    title: 'Palitviazniaŭ u Biełarusi bolš za tysiaču',
    text: 'Praŭaabarončy centr «Viasna» naličvaje bolš za tysiaču palitviazniaŭ. Siarod ich žurnalisty i aktyvisty, jakich asudzili na doŭhija terminy kalonii.',
    labels: ['prisoners'],
  },
  {
    kind: 'on topic',
    language: 'pl',
    title: 'Unia Europejska nałożyła sankcje na białoruskie banki',
    text: 'Rada UE przyjęła nowy pakiet sankcji wobec białoruskich banków i przedsiębiorstw państwowych. Aktywa objętych nimi firm zostały zamrożone.',
    labels: ['sanctions'],
  },
  {
    kind: 'on topic',
    language: 'lt',
    title: 'Lietuvos užsienio reikalų ministras susitiko su JAV pasiuntiniu',
    text: 'Užsienio reikalų ministras Vilniuje susitiko su JAV specialiuoju pasiuntiniu. Derybų metu aptarta padėtis Baltarusijoje ir santykiai su Minsku.',
    labels: ['diplomacy'],
  },
  {
    kind: 'on topic',
    language: 'de',
    title: 'Belarussischer Journalist zu acht Jahren Lagerhaft verurteilt',
    text: 'Ein Gericht in Minsk hat einen Journalisten zu acht Jahren Lagerhaft verurteilt. Menschenrechtler sprechen von einem politisch motivierten Verfahren. Er war nach einer Durchsuchung festgenommen worden.',
    labels: ['prisoners'],
  },
  {
    kind: 'on topic',
    language: 'fr',
    title: "L'UE prolonge les sanctions contre Minsk",
    text: "Le Conseil de l'UE a prolongé d'un an les mesures restrictives contre la Biélorussie. Les avoirs de plusieurs entreprises publiques restent gelés.",
    labels: ['sanctions'],
  },
  {
    kind: 'on topic',
    language: 'it',
    title: 'Liberati in Bielorussia quattordici prigionieri politici',
    text: 'Le autorità bielorusse hanno liberato quattordici prigionieri politici, tra cui un noto giornalista. Erano stati condannati a lunghe pene detentive dopo le proteste.',
    labels: ['prisoners'],
  },
  {
    kind: 'on topic',
    language: 'es',
    title: 'El canciller polaco se reúne con su homólogo lituano',
    text: 'El ministro de Asuntos Exteriores de Polonia se reunió en Vilna con su homólogo de Lituania. Ambos acordaron coordinar su política hacia Bielorrusia.',
    labels: ['diplomacy'],
  },
  {
    kind: 'on topic',
    language: 'pt',
    title: 'Jornalista bielorrusso condenado a seis anos de prisão',
    text: 'Um tribunal de Minsk condenou um jornalista a seis anos de prisão. Defensores dos direitos humanos consideram-no um preso político.',
    labels: ['prisoners'],
  },
  {
    kind: 'on topic',
    language: 'ro',
    title: 'UE a impus noi sancțiuni împotriva Belarusului',
    text: 'Consiliul UE a impus noi sancțiuni împotriva unor bănci și companii din Belarus. Activele acestora au fost înghețate.',
    labels: ['sanctions'],
  },
  {
    kind: 'on topic',
    language: 'cs',
    title: 'Běloruský soud poslal novináře na šest let do vězení',
    text: 'Soud v Minsku odsoudil novináře k šesti letům vězení. Obránci lidských práv ho označili za politického vězně.',
    labels: ['prisoners'],
  },
  {
    kind: 'on topic',
    language: 'sk',
    title: 'Minister zahraničných vecí prijal veľvyslanca Litvy',
    text: 'Minister zahraničných vecí prijal nového veľvyslanca Litvy. Rokovania sa týkali vzťahov oboch krajín a situácie na hraniciach.',
    labels: ['diplomacy'],
  },
  {
    kind: 'on topic',
    language: 'bg',
    title: 'ЕС наложи нови санкции на Беларус',
    text: 'Съветът на ЕС наложи нови санкции на беларуски банки и държавни предприятия. Активите им в Европа са замразени.',
    labels: ['sanctions'],
  },
  {
    kind: 'on topic',
    language: 'hr',
    title: 'Bjeloruski novinar osuđen na šest godina zatvora',
    text: 'Sud u Minsku osudio je novinara na šest godina zatvora. Branitelji ljudskih prava smatraju ga političkim zatvorenikom.',
    labels: ['prisoners'],
  },
  {
    kind: 'on topic',
    language: 'sr',
    title: 'ЕУ продужила санкције Белорусији',
    text: 'Савет ЕУ продужио је санкције против белоруских банака и предузећа за још годину дана. Имовина компанија остаје замрзнута.',
    labels: ['sanctions'],
  },
  {
    kind: 'on topic',
    language: 'lv',
    title: 'Baltkrievijas tiesa notiesāja žurnālistu',
    text: 'Minskas tiesa notiesāja žurnālistu uz sešiem gadiem cietumā. Cilvēktiesību aizstāvji viņu uzskata par politisko ieslodzīto.',
    labels: ['prisoners'],
  },
  {
    kind: 'on topic',
    language: 'sl',
    title: 'Zunanji minister se je sestal z veleposlanikom Litve',
    text: 'Zunanji minister se je sestal z novim veleposlanikom Litve. Pogovori so se nanašali na dvostranske odnose in razmere v regiji.',
    labels: ['diplomacy'],
  },
  {
    kind: 'on topic',
    language: 'nl',
    title: 'EU verlengt sancties tegen Wit-Rusland',
    text: 'De Raad van de EU heeft de sancties tegen Wit-Russische banken en staatsbedrijven met een jaar verlengd. Hun tegoeden blijven bevroren.',
    labels: ['sanctions'],
  },
  {
    kind: 'on topic',
    language: 'sv',
    title: 'Belarusisk journalist dömd till sex års fängelse',
    text: 'En domstol i Minsk dömde en journalist till sex års fängelse. Människorättsförsvarare kallar honom en politisk fånge.',
    labels: ['prisoners'],
  },
  {
    kind: 'on topic',
    language: 'hu',
    title: 'Az EU új szankciókat vezetett be Fehéroroszország ellen',
    text: 'Az EU Tanácsa új szankciókat vezetett be fehérorosz bankok és állami vállalatok ellen. Vagyonukat befagyasztották.',
    labels: ['sanctions'],
  },
  {
    kind: 'on topic',
    language: 'fi',
    title: 'Valko-Venäjän tuomioistuin tuomitsi toimittajan kuudeksi vuodeksi',
    text: 'Minskin tuomioistuin tuomitsi toimittajan kuudeksi vuodeksi vankilaan. Ihmisoikeusjärjestöt pitävät häntä poliittisena vankina.',
    labels: ['prisoners'],
  },
  {
    kind: 'on topic',
    language: 'et',
    title: 'Välisminister kohtus Leedu suursaadikuga',
    text: 'Välisminister kohtus Leedu uue suursaadikuga. Läbirääkimistel arutati kahepoolseid suhteid ja olukorda piiril.',
    labels: ['diplomacy'],
  },
  {
    kind: 'on topic',
    language: 'tr',
    title: 'AB Belarus’a yeni yaptırımlar uyguladı',
    text: 'AB Konseyi Belarus bankalarına ve devlet şirketlerine yönelik yeni yaptırımları onayladı. Şirketlerin varlıkları donduruldu.',
    labels: ['sanctions'],
  },
  {
    kind: 'on topic',
    language: 'az',
    title: 'Belarus məhkəməsi jurnalisti altı il həbs cəzasına məhkum etdi',
    text: 'Minsk məhkəməsi jurnalisti altı il azadlıqdan məhrum etdi. Hüquq müdafiəçiləri onu siyasi məhbus hesab edir.',
    labels: ['prisoners'],
  },
  {
    kind: 'on topic',
    language: 'el',
    title: 'Νέες κυρώσεις της ΕΕ κατά της Λευκορωσίας',
    text: 'Το Συμβούλιο της ΕΕ ενέκρινε νέες κυρώσεις κατά λευκορωσικών τραπεζών και κρατικών επιχειρήσεων. Τα περιουσιακά τους στοιχεία δεσμεύονται.',
    labels: ['sanctions'],
  },
  {
    kind: 'on topic',
    language: 'ar',
    title: 'محكمة في مينسك تحكم على صحفي بالسجن ست سنوات',
    text: 'حكمت محكمة في مينسك على صحفي بالسجن ست سنوات. وتعتبره منظمات حقوق الإنسان سجينا سياسيا.',
    labels: ['prisoners'],
  },
  {
    kind: 'on topic',
    language: 'ka',
    title: 'საგარეო საქმეთა მინისტრი ლიტვის ელჩს შეხვდა',
    text: 'საგარეო საქმეთა მინისტრი ლიტვის ახალ ელჩს შეხვდა. მოლაპარაკებაზე ორმხრივი ურთიერთობები განიხილეს.',
    labels: ['diplomacy'],
  },
  {
    kind: 'on topic',
    language: 'hy',
    title: 'ԵՄ-ն նոր պատժամիջոցներ է սահմանել Բելառուսի դեմ',
    text: 'ԵՄ խորհուրդը նոր պատժամիջոցներ է սահմանել բելառուսական բանկերի և պետական ընկերությունների դեմ։ Նրանց ակտիվները սառեցվել են։',
    labels: ['sanctions'],
  },
  {
    kind: 'on topic',
    language: 'kk',
    title: 'Беларусь соты журналистке алты жыл бас бостандығынан айыру жазасын берді',
    text: 'Минск соты журналистті алты жылға бас бостандығынан айырды. Құқық қорғаушылар оны саяси тұтқын деп санайды.',
    labels: ['prisoners'],
  },
  {
    kind: 'on topic',
    language: 'ky',
    title: 'Тышкы иштер министри Литванын элчиси менен жолукту',
    text: 'Тышкы иштер министри Литванын жаңы элчиси менен жолукту. Сүйлөшүүлөрдө эки тараптуу мамилелер талкууланды.',
    labels: ['diplomacy'],
  },
  {
    kind: 'on topic',
    language: 'zh',
    title: '欧盟对白俄罗斯实施新一轮制裁',
    text: '欧盟理事会批准对白俄罗斯银行和国有企业实施新一轮制裁。这些企业在欧盟的资产被冻结。',
    labels: ['sanctions'],
  },
  {
    kind: 'on topic',
    language: 'ja',
    title: 'ベラルーシの裁判所、記者に禁錮6年の判決',
    text: 'ミンスクの裁判所は記者に禁錮6年の判決を言い渡した。人権団体は記者を政治犯とみなしている。',
    labels: ['prisoners'],
  },
  {
    kind: 'on topic',
    language: 'hi',
    title: 'विदेश मंत्री ने लिथुआनिया के राजदूत से मुलाकात की',
    text: 'विदेश मंत्री ने लिथुआनिया के नए राजदूत से मुलाकात की। वार्ता में द्विपक्षीय संबंधों पर चर्चा हुई।',
    labels: ['diplomacy'],
  },
];

describe('classifier cases', () => {
  for (const kind of ['role-carried', 'passing mention', 'other sense', 'on topic'] as const) {
    describe(kind, () => {
      for (const item of cases.filter((entry) => entry.kind === kind)) {
        it(`${item.language}: ${item.title}`, () => {
          const result = classify({ title: item.title, text: item.text });
          expect(result.labels, JSON.stringify(result.scores)).toEqual(item.labels);
          for (const entry of result.evidence) {
            expect(entry.field === 'title' ? item.title : item.text).toContain(entry.term);
          }
        });
      }
    });
  }

  it('covers every language with a vocabulary', () => {
    const covered = new Set(cases.map((entry) => entry.language));
    for (const language of [
      'en',
      'ru',
      'uk',
      'be',
      'pl',
      'lt',
      'de',
      'fr',
      'it',
      'es',
      'pt',
      'ro',
      'cs',
      'sk',
      'bg',
    ])
      expect(covered, language).toContain(language);
    for (const language of [
      'hr',
      'sr',
      'lv',
      'sl',
      'nl',
      'sv',
      'hu',
      'fi',
      'et',
      'tr',
      'az',
      'el',
      'ar',
      'ka',
      'hy',
    ])
      expect(covered, language).toContain(language);
    for (const language of ['kk', 'ky', 'zh', 'ja', 'hi']) expect(covered, language).toContain(language);
  });
});
