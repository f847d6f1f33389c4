/** Classifier cases per language and script, written for these tests: positives and hard negatives. */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/classify/classify.js';

interface Case {
  name: string;
  title?: string;
  text: string;
  labels: string[];
}

const cases: Case[] = [
  // Sanctions
  {
    name: 'en: EU sanctions package',
    title: 'EU adopts new sanctions against Belarusian officials',
    text: 'The Council of the EU today added 25 individuals to the list of persons subject to restrictive measures.',
    labels: ['sanctions'],
  },
  {
    name: 'ru: asset freeze',
    text: 'Минфин США заморозил активы белорусского предприятия и его руководителей.',
    labels: ['sanctions'],
  },
  {
    name: 'uk: sanctions lifted on potash',
    text: 'США зняли санкції з білоруського калію.',
    labels: ['sanctions'],
  },
  {
    name: 'be: sanctions in Belarusian',
    text: 'Еўрасаюз увёў новыя санкцыі супраць беларускіх чыноўнікаў.',
    labels: ['sanctions'],
  },
  {
    name: 'pl: sanctions in Polish',
    text: 'Unia Europejska nałożyła sankcje na białoruskie banki.',
    labels: ['sanctions'],
  },
  {
    name: 'be-latn: sanctions in Łacinka',
    text: 'Jeŭrasajuz uviaŭ novyja sankcyi suprać biełaruskich čynoŭnikaŭ.',
    labels: ['sanctions'],
  },
  // Prisoners
  {
    name: 'en: journalist detained',
    text: 'Police in Minsk detained an independent journalist who covered the opposition rally.',
    labels: ['prisoners'],
  },
  {
    name: 'uk: political prisoners (apostrophe form)',
    text: 'У Білорусі налічується понад тисячу політв’язнів.',
    labels: ['prisoners'],
  },
  {
    name: 'ru: political prisoners count',
    text: 'По данным правозащитников, в стране остаются около 1200 политзаключённых.',
    labels: ['prisoners'],
  },
  {
    name: 'be-latn: palitviazniaŭ',
    text: 'Praŭaabaroncy naličvajuć bolš za tysiaču palitviazniaŭ u Biełarusi.',
    labels: ['prisoners'],
  },
  {
    name: 'be: Viasna the rights group',
    text: 'Праваабарончы цэнтр «Вясна» паведаміў, што суд асудзіў актывіста на тры гады.',
    labels: ['prisoners'],
  },
  {
    name: 'pl: political prisoners',
    text: 'Na Białorusi przebywa ponad tysiąc więźniów politycznych.',
    labels: ['prisoners'],
  },
  // Diplomacy
  {
    name: 'en: ambassador summoned',
    title: 'Lithuania summons Belarusian envoy over border incident',
    text: 'The Lithuanian foreign ministry handed a note of protest to the Belarusian charge d’affaires.',
    labels: ['diplomacy'],
  },
  {
    name: 'ru: foreign ministers talks',
    text: 'Министр иностранных дел Беларуси провёл переговоры с китайским коллегой в Пекине.',
    labels: ['diplomacy'],
  },
  {
    name: 'pl: envoy visit',
    text: 'Specjalny wysłannik USA przybył z wizytą do Mińska.',
    labels: ['diplomacy'],
  },
  // Hard negatives
  {
    name: 'en: FIFA sanctions',
    title: 'FIFA sanctions club over unpaid wages',
    text: 'The FIFA Disciplinary Committee sanctioned the club with a fine and a transfer ban.',
    labels: [],
  },
  {
    name: 'ru: unauthorised dump',
    title: 'В Гомеле ликвидировали несанкционированную свалку',
    text: 'Коммунальщики вывезли мусор с несанкционированной свалки у гаражей.',
    labels: [],
  },
  {
    name: 'en: film review',
    title: 'Review: "The Prisoner" is a slow, moody thriller',
    text: 'The film follows a prisoner who plans an escape; the director keeps the camera close to the actors.',
    labels: [],
  },
  {
    name: "en: prisoner's dilemma",
    text: "The prisoner's dilemma shows why two rational players may not cooperate.",
    labels: [],
  },
  {
    name: 'en: diplomacy at work',
    title: 'Be diplomatic with your boss',
    text: 'Diplomacy at work means choosing your words carefully with colleagues and clients.',
    labels: [],
  },
  {
    name: 'be: вясна, the season',
    title: 'Вясна прыйшла ў Мінск',
    text: 'Надвор’е: гэтай вясной у Беларусі чакаецца цёплы красавік.',
    labels: [],
  },
  {
    name: 'ru: export duties as trade policy',
    text: 'Правительство повысило экспортные пошлины на зерно, чтобы сдержать рост цен.',
    labels: [],
  },
  {
    name: 'en: embassy consular request',
    title: 'Embassy receives odd requests',
    text: 'The embassy said it regularly receives unusual requests, from lost pets to wedding invitations.',
    labels: [],
  },
  {
    name: 'en: protest without detentions',
    text: 'Several hundred people protested outside the parliament; no one was detained.',
    labels: [],
  },
  {
    name: 'en: ordinary criminal case',
    text: 'A former bank manager was sentenced to eight years in prison for taking bribes.',
    labels: [],
  },
  {
    name: 'ru: authorised by the prosecutor',
    text: 'Следователь получил санкцию прокурора на обыск в квартире подозреваемого в краже.',
    labels: [],
  },
  {
    name: 'en: domestic meeting',
    text: 'President Lukashenko met with the governor of the Minsk region to discuss the harvest.',
    labels: [],
  },
];

/** More items in the style of the outlets vigil watches, one line each. */
const moreCases: Case[] = [
  {
    name: 'neg: За нарушение правил торговли предусмотрены штрафны',
    text: 'За нарушение правил торговли предусмотрены штрафные санкции до 50 базовых величин.',
    labels: [],
  },
  {
    name: 'neg: Налоговые санкции для индивидуальных предпринимате',
    text: 'Налоговые санкции для индивидуальных предпринимателей смягчат с 1 января.',
    labels: [],
  },
  {
    name: 'neg: Археологи обнаружили в Гродно остатки тюрьмы XVIII',
    text: 'Археологи обнаружили в Гродно остатки тюрьмы XVIII века.',
    labels: [],
  },
  {
    name: 'neg: В Бресте прошли совместные учения МЧС Беларуси и П',
    text: 'В Бресте прошли совместные учения МЧС Беларуси и Польши.',
    labels: [],
  },
  {
    name: 'neg: Президент Беларуси поздравил народ Китая с национа',
    text: 'Президент Беларуси поздравил народ Китая с национальным праздником.',
    labels: [],
  },
  {
    name: 'neg: Belarus beat Russia 3-1 in a friendly match in Min',
    text: 'Belarus beat Russia 3-1 in a friendly match in Minsk.',
    labels: [],
  },
  {
    name: 'neg: Курс доллара на торгах БВФБ вырос на 2 копейки.',
    text: 'Курс доллара на торгах БВФБ вырос на 2 копейки.',
    labels: [],
  },
  {
    name: 'neg: В театре имени Янки Купалы прошла премьера спектак',
    text: 'В театре имени Янки Купалы прошла премьера спектакля «Тюремный роман».',
    labels: [],
  },
  {
    name: 'neg: Belarusian and Polish border guards held a working',
    text: 'Belarusian and Polish border guards held a working meeting at the Brest checkpoint.',
    labels: [],
  },
  {
    name: 'neg: Lukashenka signed a decree on the state budget for',
    text: 'Lukashenka signed a decree on the state budget for next year.',
    labels: [],
  },
  {
    name: 'neg: Police detained a man suspected of murder in Gomel',
    text: 'Police detained a man suspected of murder in Gomel.',
    labels: [],
  },
  {
    name: 'prisoners: Опозиційний блогер затриманий у Мінську за репост.',
    text: 'Опозиційний блогер затриманий у Мінську за репост.',
    labels: ['prisoners'],
  },
  {
    name: 'prisoners: Belarusian court sentenced opposition leader Maria',
    text: 'Belarusian court sentenced opposition leader Maria Kalesnikava to 11 years in prison.',
    labels: ['prisoners'],
  },
  {
    name: 'prisoners: Генпрокуратура Беларуси завела уголовное дело на Т',
    text: 'Генпрокуратура Беларуси завела уголовное дело на Тихановскую по статье об измене.',
    labels: ['prisoners'],
  },
  {
    name: 'prisoners: Siarhei Tsikhanouski was released after five years',
    text: 'Siarhei Tsikhanouski was released after five years in prison.',
    labels: ['prisoners'],
  },
  {
    name: 'diplomacy: МИД Беларуси выразил протест Литве в связи с задер',
    text: 'МИД Беларуси выразил протест Литве в связи с задержанием белорусского водителя грузовика.',
    labels: ['diplomacy'],
  },
  {
    name: 'prisoners+diplomacy: The State Department said it was deeply concerned',
    text: 'The State Department said it was deeply concerned about the detention of journalists in Belarus.',
    labels: ['prisoners', 'diplomacy'],
  },
  {
    name: 'diplomacy: Belarus will reopen its embassy in Washington, the',
    text: 'Belarus will reopen its embassy in Washington, the foreign ministry said.',
    labels: ['diplomacy'],
  },
  {
    name: 'diplomacy: The European Union does not recognise Lukashenka a',
    text: 'The European Union does not recognise Lukashenka as the legitimate president of Belarus.',
    labels: ['diplomacy'],
  },
  {
    name: 'neg: A Belaruskali spokesperson said potash exports to',
    text: 'A Belaruskali spokesperson said potash exports to China rose in the first quarter.',
    labels: [],
  },
  {
    name: 'neg: The band released a new album featuring a song abo',
    text: 'The band released a new album featuring a song about political freedom.',
    labels: [],
  },
  {
    name: 'neg: The opposition released a statement condemning the',
    text: 'The opposition released a statement condemning the verdict.',
    labels: [],
  },
  {
    name: 'prisoners+diplomacy: The U.S. envoy met Lukashenka in Minsk; 14 prisone',
    text: 'The U.S. envoy met Lukashenka in Minsk; 14 prisoners were freed.',
    labels: ['prisoners', 'diplomacy'],
  },
  {
    name: 'sanctions: Эўразьвяз увёў новыя санкцыі супраць рэжыму Лукашэ',
    text: 'Эўразьвяз увёў новыя санкцыі супраць рэжыму Лукашэнкі.',
    labels: ['sanctions'],
  },
  {
    name: 'prisoners: Польскі журналіст Андрэй Пачобут застаецца за крат',
    text: 'Польскі журналіст Андрэй Пачобут застаецца за кратамі.',
    labels: ['prisoners'],
  },
  {
    name: 'prisoners: Лукашенко помиловал 18 осужденных за экстремизм, с',
    text: 'Лукашенко помиловал 18 осужденных за экстремизм, сообщила пресс-служба.',
    labels: ['prisoners'],
  },
  {
    name: 'diplomacy: Minsk declared a Polish diplomat persona non grata',
    title: 'Belarus expels Polish diplomat',
    text: 'Minsk declared a Polish diplomat persona non grata and gave him 48 hours to leave.',
    labels: ['diplomacy'],
  },
  {
    name: 'diplomacy: Лукашенко провел переговоры с председателем КНР Си',
    text: 'Лукашенко провел переговоры с председателем КНР Си Цзиньпином в Пекине.',
    labels: ['diplomacy'],
  },
  {
    name: 'diplomacy: Лукашэнка сустрэўся з амбасадарам Кітая ў Мінску.',
    text: 'Лукашэнка сустрэўся з амбасадарам Кітая ў Мінску.',
    labels: ['diplomacy'],
  },
  {
    name: 'prisoners+diplomacy: Ціханоўская сустрэлася з прэзідэнтам Літвы і абмер',
    text: 'Ціханоўская сустрэлася з прэзідэнтам Літвы і абмеркавала сітуацыю з палітвязнямі.',
    labels: ['prisoners', 'diplomacy'],
  },
  {
    name: 'diplomacy: Госдеп США заявил, что Вашингтон готов к восстанов',
    text: 'Госдеп США заявил, что Вашингтон готов к восстановлению дипломатических отношений с Минском.',
    labels: ['diplomacy'],
  },
  {
    name: 'diplomacy: Belarus and China signed a memorandum on trade coo',
    text: 'Belarus and China signed a memorandum on trade cooperation during the visit of the Chinese premier to Minsk.',
    labels: ['diplomacy'],
  },
  {
    name: 'diplomacy: The UN Human Rights Council adopted a resolution o',
    text: 'The UN Human Rights Council adopted a resolution on Belarus, extending the mandate of the special rapporteur.',
    labels: ['diplomacy'],
  },
  {
    name: 'prisoners: Польша закрыла пункт пропуска на границе с Беларус',
    text: 'Польша закрыла пункт пропуска на границе с Беларусью после задержания журналиста Анджея Почобута.',
    labels: ['prisoners'],
  },
  {
    name: 'prisoners: Суд у Гомелі пакараў блогера трыма гадамі калоніі',
    text: 'Суд у Гомелі пакараў блогера трыма гадамі калоніі за «абразу прэзідэнта».',
    labels: ['prisoners'],
  },
  {
    name: 'prisoners: KGB officers searched the homes of several Viasna',
    text: 'KGB officers searched the homes of several Viasna human rights defenders on Tuesday.',
    labels: ['prisoners'],
  },
  {
    name: 'sanctions: Britain froze the assets of Belarusian businessman',
    text: 'Britain froze the assets of Belarusian businessman close to Lukashenka.',
    labels: ['sanctions'],
  },
  {
    name: 'sanctions: Japan joined EU export restrictions on dual-use go',
    text: 'Japan joined EU export restrictions on dual-use goods to Belarus.',
    labels: ['sanctions'],
  },
  {
    name: 'sanctions: Литва ограничила транзит белорусских калийных удоб',
    text: 'Литва ограничила транзит белорусских калийных удобрений по требованию американских санкций.',
    labels: ['sanctions'],
  },
  {
    name: 'neg: Thousands of soldiers marched through central Mins',
    title: 'Minsk hosts military parade',
    text: 'Thousands of soldiers marched through central Minsk on Independence Day.',
    labels: [],
  },
  {
    name: 'neg: Белорусские археологи нашли в Полоцке древнюю печа',
    text: 'Белорусские археологи нашли в Полоцке древнюю печать XII века.',
    labels: [],
  },
  {
    name: 'neg: Spring arrived early in Belarus: temperatures reac',
    text: 'Spring arrived early in Belarus: temperatures reached 20 degrees in Brest.',
    labels: [],
  },
  {
    name: 'neg: Сёлета вясна ў Беларусі будзе халоднай, паведамляю',
    text: 'Сёлета вясна ў Беларусі будзе халоднай, паведамляюць сіноптыкі Белгідрамета.',
    labels: [],
  },
  {
    name: 'neg: The national team was sanctioned by UEFA for fans',
    text: 'The national team was sanctioned by UEFA for fans throwing flares during the match in Borisov.',
    labels: [],
  },
  {
    name: 'neg: В Минске прошла акция протеста против строительств',
    text: 'В Минске прошла акция протеста против строительства аккумуляторного завода, задержаний не было.',
    labels: [],
  },
  {
    name: 'neg: Belarus raised export duties on potash fertilisers',
    text: 'Belarus raised export duties on potash fertilisers to support the state budget.',
    labels: [],
  },
  {
    name: 'neg: The embassy of Belarus in Warsaw received a reques',
    text: 'The embassy of Belarus in Warsaw received a request to help find a lost dog.',
    labels: [],
  },
  {
    name: 'neg: Movie review: a prisoner escapes from a Soviet lab',
    text: 'Movie review: a prisoner escapes from a Soviet labor camp in this gritty new drama by director X.',
    labels: [],
  },
  {
    name: 'neg: Economists expect Belarus GDP to grow by 2% next y',
    text: 'Economists expect Belarus GDP to grow by 2% next year despite weak demand in Russia.',
    labels: [],
  },
  {
    name: 'neg: The minister of agriculture met with farmers in Hr',
    text: 'The minister of agriculture met with farmers in Hrodna region to discuss the harvest.',
    labels: [],
  },
  {
    name: 'neg: Belarusian and Russian troops began joint military',
    text: 'Belarusian and Russian troops began joint military exercises near the Polish border.',
    labels: [],
  },
  {
    name: 'neg: Купалаўскі тэатр прадставіў прэм’еру спектакля «Вя',
    title: 'Theatre',
    text: 'Купалаўскі тэатр прадставіў прэм’еру спектакля «Вязень» паводле п’есы беларускага драматурга.',
    labels: [],
  },
  {
    name: 'diplomacy: Ministar vanjskih poslova Srbije sastao se s ruski',
    text: 'Ministar vanjskih poslova Srbije sastao se s ruskim kolegom Lavrovom u Moskvi.',
    labels: ['diplomacy'],
  },
  {
    name: 'sanctions: EU je uvela nove sankcije Bjelorusiji zbog represi',
    text: 'EU je uvela nove sankcije Bjelorusiji zbog represije nad opozicijom.',
    labels: ['sanctions'],
  },
  {
    name: 'prisoners: U Bjelorusiji je uhapšen novinar nezavisnog portal',
    text: 'U Bjelorusiji je uhapšen novinar nezavisnog portala, saopćila je organizacija Vjasna.',
    labels: ['prisoners'],
  },
  {
    name: 'prisoners: Lukašenko je pomilovao 30 političkih zatvorenika.',
    text: 'Lukašenko je pomilovao 30 političkih zatvorenika.',
    labels: ['prisoners'],
  },
  {
    name: 'prisoners+diplomacy: Belarus released an American citizen after a visit',
    title: 'Belarus frees US citizen after envoy visit',
    text: 'Belarus released an American citizen after a visit by US special envoy to Minsk, the State Department said.',
    labels: ['prisoners', 'diplomacy'],
  },
  {
    name: 'prisoners: Лукашенко помиловал 16 человек, осужденных за экст',
    text: 'Лукашенко помиловал 16 человек, осужденных за экстремизм.',
    labels: ['prisoners'],
  },
  {
    name: 'diplomacy: Міністр закордонних справ Польщі викликав посла Бі',
    text: 'Міністр закордонних справ Польщі викликав посла Білорусі через інцидент на кордоні.',
    labels: ['diplomacy'],
  },
  {
    name: 'sanctions: The US Treasury designated three Belarusian compan',
    text: 'The US Treasury designated three Belarusian companies for helping Russia evade sanctions.',
    labels: ['sanctions'],
  },
  {
    name: 'neg: Бэлярускі футбольны клуб аштрафавалі за паводзіны',
    text: 'Бэлярускі футбольны клуб аштрафавалі за паводзіны заўзятараў: УЕФА наклаў санкцыі.',
    labels: [],
  },
  {
    name: 'neg: Суд оштрафовал водителя за несанкционированную пар',
    text: 'Суд оштрафовал водителя за несанкционированную парковку у здания администрации.',
    labels: [],
  },
  {
    name: 'neg: Полиция задержала мужчину, который украл кошелек в',
    text: 'Полиция задержала мужчину, который украл кошелек в магазине.',
    labels: [],
  },
  {
    name: 'neg: A diplomatic approach to parenting: how to negotia',
    text: 'A diplomatic approach to parenting: how to negotiate bedtime with your toddler.',
    labels: [],
  },
  {
    name: 'neg: Minsk will host the Eurasian Economic Forum; deleg',
    text: 'Minsk will host the Eurasian Economic Forum; delegations from ten countries are expected.',
    labels: [],
  },
  {
    name: 'sanctions: Литва запретила въезд 100 белорусским судьям и про',
    text: 'Литва запретила въезд 100 белорусским судьям и прокурорам.',
    labels: ['sanctions'],
  },
  {
    name: 'prisoners: Суд приговорил оппозиционного политика к 10 годам',
    text: 'Суд приговорил оппозиционного политика к 10 годам колонии.',
    labels: ['prisoners'],
  },
  {
    name: 'prisoners: Журналистку «Белсата» задержали в Минске.',
    text: 'Журналистку «Белсата» задержали в Минске.',
    labels: ['prisoners'],
  },
  {
    name: 'prisoners: Праваабаронцы прызналі палітвязнямі яшчэ 20 чалаве',
    text: 'Праваабаронцы прызналі палітвязнямі яшчэ 20 чалавек.',
    labels: ['prisoners'],
  },
  {
    name: 'prisoners: В Беларуси прошли обыски у адвокатов, защищавших п',
    text: 'В Беларуси прошли обыски у адвокатов, защищавших политзаключенных.',
    labels: ['prisoners'],
  },
  {
    name: 'diplomacy: Lukashenka held talks with Putin in Sochi.',
    text: 'Lukashenka held talks with Putin in Sochi.',
    labels: ['diplomacy'],
  },
  {
    name: 'diplomacy: Belarusian Foreign Minister Ryzhenkov met with his',
    text: 'Belarusian Foreign Minister Ryzhenkov met with his Chinese counterpart Wang Yi.',
    labels: ['diplomacy'],
  },
  {
    name: 'diplomacy: Poland recalled its ambassador from Minsk for cons',
    text: 'Poland recalled its ambassador from Minsk for consultations.',
    labels: ['diplomacy'],
  },
  {
    name: 'diplomacy: The agreement will allow citizens to stay up to 30',
    title: 'Belarus and China sign visa-free agreement',
    text: 'The agreement will allow citizens to stay up to 30 days without visas.',
    labels: ['diplomacy'],
  },
  {
    name: 'diplomacy: МИД Беларуси и России провели политические консуль',
    text: 'МИД Беларуси и России провели политические консультации в Москве.',
    labels: ['diplomacy'],
  },
  {
    name: 'neg: Белорусский биатлонист дисквалифицирован за допинг',
    text: 'Белорусский биатлонист дисквалифицирован за допинг на два года.',
    labels: [],
  },
  {
    name: 'neg: Лукашенко провел встречу с губернатором Гродненско',
    text: 'Лукашенко провел встречу с губернатором Гродненской области.',
    labels: [],
  },
  {
    name: 'neg: President Lukashenko visited a dairy farm in Minsk',
    text: 'President Lukashenko visited a dairy farm in Minsk region and inspected new equipment.',
    labels: [],
  },
  {
    name: 'neg: МАЗ подписал контракт с российской компанией на по',
    text: 'МАЗ подписал контракт с российской компанией на поставку 500 грузовиков.',
    labels: [],
  },
  {
    name: 'neg: Belarus foreign trade turnover with China grew by',
    text: 'Belarus foreign trade turnover with China grew by 10 percent in the first half of the year.',
    labels: [],
  },
  {
    name: 'neg: The festival "Slavianski Bazaar" welcomed delegati',
    text: 'The festival "Slavianski Bazaar" welcomed delegations from 30 countries.',
    labels: [],
  },
  {
    name: 'neg: Беларускі пісьменнік сустрэўся з чытачамі ў Варшав',
    text: 'Беларускі пісьменнік сустрэўся з чытачамі ў Варшаве і прэзентаваў новую кнігу.',
    labels: [],
  },
  {
    name: 'neg: Польскія заўзятары наведалі Мінск падчас матчу.',
    text: 'Польскія заўзятары наведалі Мінск падчас матчу.',
    labels: [],
  },
  {
    name: 'diplomacy: Тихановская встретилась с канцлером Германии Олафо',
    text: 'Тихановская встретилась с канцлером Германии Олафом Шольцем в Берлине.',
    labels: ['diplomacy'],
  },
  {
    name: 'sanctions: Рада ЄС продовжила на рік обмежувальні заходи щодо',
    text: 'Рада ЄС продовжила на рік обмежувальні заходи щодо білоруських посадовців.',
    labels: ['sanctions'],
  },
  {
    name: 'sanctions: Мінфін США запровадив санкції проти «Белавіа».',
    text: 'Мінфін США запровадив санкції проти «Белавіа».',
    labels: ['sanctions'],
  },
  {
    name: 'sanctions: Japonia nałożyła sankcje na białoruskie przedsiębi',
    text: 'Japonia nałożyła sankcje na białoruskie przedsiębiorstwa zbrojeniowe.',
    labels: ['sanctions'],
  },
  {
    name: 'sanctions: Lietuva įtraukė dar 20 Baltarusijos pareigūnų į sa',
    text: 'Lietuva įtraukė dar 20 Baltarusijos pareigūnų į sankcijų sąrašą.',
    labels: ['sanctions'],
  },
  {
    name: 'sanctions+prisoners: ЗША і Беларусь абмеркавалі магчымае змякчэнне санк',
    text: 'ЗША і Беларусь абмеркавалі магчымае змякчэнне санкцый у абмен на вызваленне палітвязняў.',
    labels: ['sanctions', 'prisoners'],
  },
  {
    name: 'prisoners: У Гомелі затрымалі журналістку незалежнага выдання',
    text: 'У Гомелі затрымалі журналістку незалежнага выдання.',
    labels: ['prisoners'],
  },
  {
    name: 'prisoners: Суд у Мінску прысудзіў фатографу пяць гадоў калоні',
    text: 'Суд у Мінску прысудзіў фатографу пяць гадоў калоніі за здымкі пратэстаў.',
    labels: ['prisoners'],
  },
  {
    name: "prisoners: Правозахисники повідомили про смерть політв'язня в",
    text: "Правозахисники повідомили про смерть політв'язня в колонії.",
    labels: ['prisoners'],
  },
  {
    name: 'prisoners: Na Białorusi skazano dziennikarkę Biełsatu na 8 la',
    text: 'Na Białorusi skazano dziennikarkę Biełsatu na 8 lat kolonii karnej.',
    labels: ['prisoners'],
  },
  {
    name: 'prisoners: Baltarusijoje sulaikytas opozicijos aktyvistas.',
    text: 'Baltarusijoje sulaikytas opozicijos aktyvistas.',
    labels: ['prisoners'],
  },
  {
    name: 'diplomacy: Міністр закордонних справ України Сибіга провів пе',
    text: 'Міністр закордонних справ України Сибіга провів переговори з польським колегою.',
    labels: ['diplomacy'],
  },
  {
    name: 'diplomacy: Ambasador RP został wezwany do MSZ Białorusi.',
    text: 'Ambasador RP został wezwany do MSZ Białorusi.',
    labels: ['diplomacy'],
  },
  {
    name: 'diplomacy: Lietuvos užsienio reikalų ministras susitiko su JA',
    text: 'Lietuvos užsienio reikalų ministras susitiko su JAV valstybės sekretoriumi.',
    labels: ['diplomacy'],
  },
  {
    name: 'diplomacy: Кремль заявил, что Путин и Лукашенко обсудили по т',
    text: 'Кремль заявил, что Путин и Лукашенко обсудили по телефону двусторонние отношения.',
    labels: ['diplomacy'],
  },
  {
    name: 'neg: Мінскі «Дынама» выйграў у БАТЭ з лікам 2:1.',
    text: 'Мінскі «Дынама» выйграў у БАТЭ з лікам 2:1.',
    labels: [],
  },
  {
    name: 'neg: У Віцебску пачаўся фестываль «Славянскі базар».',
    text: 'У Віцебску пачаўся фестываль «Славянскі базар».',
    labels: [],
  },
  {
    name: 'neg: Сіноптыкі абяцаюць моцны мароз і снег па ўсёй Бела',
    text: 'Сіноптыкі абяцаюць моцны мароз і снег па ўсёй Беларусі.',
    labels: [],
  },
  { name: 'neg: W Mińsku otwarto nową linię metra.', text: 'W Mińsku otwarto nową linię metra.', labels: [] },
  {
    name: 'neg: Naftos kainos Baltarusijoje padidėjo.',
    text: 'Naftos kainos Baltarusijoje padidėjo.',
    labels: [],
  },
  {
    name: 'neg: Нацбанк Беларуси снизил ставку рефинансирования до',
    text: 'Нацбанк Беларуси снизил ставку рефинансирования до 9,5 процента.',
    labels: [],
  },
  {
    name: 'neg: Белорусские военные провели учения на полигоне под',
    text: 'Белорусские военные провели учения на полигоне под Борисовом.',
    labels: [],
  },
  {
    name: 'neg: На Гродненщине задержали мужчину за кражу кабеля.',
    text: 'На Гродненщине задержали мужчину за кражу кабеля.',
    labels: [],
  },
  {
    name: 'neg: Грамадзяне масава выйшлі на акцыю, затрыманняў не',
    text: 'Грамадзяне масава выйшлі на акцыю, затрыманняў не было.',
    labels: [],
  },
  {
    name: 'neg: Diplomatic skills matter when you manage a team of',
    text: 'Diplomatic skills matter when you manage a team of engineers.',
    labels: [],
  },
  {
    name: 'neg: В Минске открылась выставка фильмов о тюрьме и зак',
    text: 'В Минске открылась выставка фильмов о тюрьме и заключённых советской эпохи.',
    labels: [],
  },
];

describe('classify: cases per language and hard negatives', () => {
  for (const { name, title, text, labels } of [...cases, ...moreCases]) {
    it(name, () => {
      expect(classify({ title: title ?? '', text }).labels).toEqual(labels);
    });
  }

  it.each([
    "політв'язнів",
    'политзаключённых',
    'palitviazniaŭ',
    'political prisoners',
    'więźniów politycznych',
  ])('"%s" alone fires prisoners', (text) => {
    const result = classify({ title: '', text });
    expect(result.labels).toEqual(['prisoners']);
    expect(result.evidence).toEqual([{ label: 'prisoners', term: text, field: 'text' }]);
  });

  it('gives every known topic a score between 0 and 1', () => {
    const result = classify({ title: '', text: '' });
    expect(Object.keys(result.scores)).toEqual(['sanctions', 'prisoners', 'diplomacy']);
    for (const score of Object.values(result.scores)) expect(score).toBe(0);
  });

  it('weighs a title match more than the same match in the text', () => {
    const inTitle = classify({ title: 'Sanctions', text: '' }).scores.sanctions ?? 0;
    const inText = classify({ title: '', text: 'Sanctions' }).scores.sanctions ?? 0;
    expect(inTitle).toBeGreaterThan(inText);
  });

  it('reports the words as written and the field', () => {
    const result = classify({ title: 'Нові санкції', text: 'W kraju jest tysiąc więźniów politycznych.' });
    expect(result.evidence).toContainEqual({ label: 'sanctions', term: 'санкції', field: 'title' });
    expect(result.evidence).toContainEqual({
      label: 'prisoners',
      term: 'więźniów politycznych',
      field: 'text',
    });
  });

  it('copes with a long item in linear time', () => {
    const text = 'Политзаключённых освободили после переговоров; new sanctions on Belarus. '.repeat(5_000);
    const started = performance.now();
    const result = classify({ title: '', text });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(result.labels).toEqual(['sanctions', 'prisoners']);
    expect(result.evidence.length).toBeLessThanOrEqual(3 * 8);
  });

  it('is deterministic', () => {
    const input = {
      title: 'Talks in Minsk',
      text: 'The US envoy met with Lukashenka; 14 political prisoners were released.',
    };
    expect(classify(input)).toEqual(classify(input));
  });
});
