import type { MutationArgs, MutationCall } from '../mutations';
import type { PersonRole } from '../domain/people';
import { partnerCountries, type courseLanguages } from '../domain/values';
import { addDays, meetingId } from '../domain/schedule';
import { decadeCatalogue, decadeDefaults, mulberry32, type DecadeOptions } from './decade';
import { demoCountries, type PartnerCountry } from './places';

type Language = (typeof courseLanguages)[number];
type Status = 'present' | 'late' | 'excused' | 'absent';

/**
 * The people of the decade benchmark set: institutions, people, ten years of enrolments, their
 * outcomes and their attendance register, all made through the mutations (no rule bypassed).
 *
 * Enrolment rules depend on the clock: a request is accepted only while the session is `open`
 * and the runner's date lies in its enrolment window. No single date suits 10,000 sessions
 * spread over 2020–2030, so the set is a replay of history: the catalogue is first created as it
 * stood before the decade began (`decadeHistoryCatalogue`: every session `open`, `draft` or
 * `cancelled`, never `closed`), then each batch runs at its own date (`batch.now`, an "admin day"
 * every four weeks): requests in the session's window, marks and outcomes after it ended
 * (whole sessions are marked, until the marks budget is spent), and finally, at the catalogue's
 * `today`, `session.update` closes what has ended — so the end state has the same statuses as
 * `decadeCatalogue()`. Requests are made only for sessions whose request day has come by `today`
 * (those held, running, or starting in the next few weeks): a session further ahead has had no
 * enrolment yet, so the future of the catalogue is empty of people, as it would be.
 *
 * Marks: a mark needs a placed trainee and a class day held before `today`. The budgets,
 * 300,000 enrolments and 3,000,000 marks over 10,000 sessions, mean ~30 places taken per session
 * and ~10 marks per enrolment: a catalogue that is mostly history, with sessions of ~11 class
 * days. So the decade catalogue puts 88% of its sessions before `today`, runs schools of one to
 * three weeks and part-time courses of four to eight weeks (~108,000 class days, ~10.8 per
 * session), and seats 16–45 in a room, 20–60 in a hybrid class and 30–90 online. The requests
 * go to the ~7,900 sessions whose enrolment has happened (~300,000 places), 0.75–1.35 requests
 * per place from session to session, and what the few courses with prerequisites cannot fill
 * goes to free places of later sessions: ~270,000 requests get a place, ~30,000 wait. The full
 * register, every placed trainee on every class day held, is ~3,016,000 marks in ~7,300 sessions.
 */
export type DecadePeopleOptions = {
  institutions?: number;
  people?: number;
  /** Enrolment requests (enrolled or, past capacity, waitlisted). */
  enrolments?: number;
  /**
   * Attendance marks: whole sessions are marked until this budget is spent. The default,
   * `Infinity`, is the full register: every placed trainee on every class day held before
   * `today` (`stats.projectedMarks`, about 3,016,000 for the default set).
   */
  marks?: number;
  /** Record completed / not-completed for the enrolled trainees of every ended session. */
  outcomes?: boolean;
  /** Close, at the catalogue's `today`, the sessions `decadeCatalogue` has closed (and open its late drafts). */
  close?: boolean;
  /** Seed of the PRNG: the same seed and sizes give the same calls. */
  seed?: number;
  /** The catalogue the people enrol in: the options given to `decadeCatalogue`. */
  catalogue?: DecadeOptions;
  /** Most calls in one batch of institutions or people. */
  batchSize?: number;
};

/** The default size: what IDSEA might hold after ten years. */
export const decadePeopleDefaults = {
  institutions: 500,
  people: 100_000,
  enrolments: 300_000,
  marks: Number.POSITIVE_INFINITY,
  outcomes: true,
  close: true,
  seed: 20_260_115,
  batchSize: 10_000,
} as const;

/** The date the replay starts at: before the first enrolment window of the decade opens. */
export const decadeHistoryStart = '2019-11-01';

/**
 * The decade catalogue as it stood before its first session: the same programmes, courses and
 * sessions as `decadeCatalogue(options)`, with statuses as planned then (open, draft, cancelled).
 */
export function decadeHistoryCatalogue(options: DecadeOptions = {}): MutationCall[] {
  return decadeCatalogue({ ...options, today: decadeHistoryStart });
}

/** What a batch does; batches come in time order. */
export type DecadePeoplePhase =
  'institutions' | 'people' | 'marks' | 'outcomes' | 'closing' | 'enrolments';

/** Calls to run together with `now` as the runner's clock (ISO date-time). */
export type DecadePeopleBatch = { phase: DecadePeoplePhase; now: string; calls: MutationCall[] };

/** What the calls make, counted while planning (so a test or the bench can check the tables). */
export type DecadePeopleStats = {
  institutions: number;
  people: number;
  trainees: number;
  instructors: number;
  /** enrolment.request calls; each is accepted as enrolled or waitlisted. */
  requests: number;
  /** Requests that got a place (the rest were waitlisted). */
  placed: number;
  /** Still enrolled at the end (placed, with no outcome recorded). */
  enrolled: number;
  waitlisted: number;
  completed: number;
  notCompleted: number;
  /** attendance.mark calls generated. */
  marks: number;
  /** Marks a full register of every enrolled trainee on every class day up to `today` would hold. */
  projectedMarks: number;
  /** Sessions marked (all their enrolled trainees, every class day up to `today`). */
  markedSessions: number;
  /** Sessions that took requests: open in the history catalogue, their request day by `today`. */
  openSessions: number;
  /** Sessions that received at least one request. */
  sessionsWithRequests: number;
  /** Requests wanted for sessions with prerequisites that too few trainees had completed. */
  prerequisiteShortfall: number;
  /** session.update calls of the closing batch. */
  closing: number;
  calls: number;
};

/** A plan: the counts, and the batches (generated lazily, the same on every call). */
export type DecadePeoplePlan = {
  stats: DecadePeopleStats;
  /**
   * The batches in time order, each made only when asked for, so memory holds one batch: at
   * most `batchSize` people, or one admin day's requests, outcomes, marks or closing updates,
   * split after a session once they reach `batchSize` (so a batch is at most `batchSize` plus one
   * session's calls: 10,000 plus at most 1,440 marks with the defaults; a busy day has ~56,000
   * marks). With `phases`, only those phases are made; the others cost nothing (each phase draws
   * from its own random streams, so its calls do not change).
   */
  batches(options?: { phases?: readonly DecadePeoplePhase[] }): Generator<DecadePeopleBatch>;
};

// ---------------------------------------------------------------------------------------------
// Names. "native|latin"; a plain entry is already in Latin letters.

/** A list written as one string: items separated by commas. */
function list(items: string): readonly string[] {
  return items.split(/,\s*/);
}

type NameStyle = {
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
  /** Family name first (Chinese, Japanese). */
  familyFirst?: boolean;
  /** No space between family and given name in the native script (Chinese). */
  joined?: boolean;
  /** The feminine form of a family name (Russian Соколов → Соколова). */
  feminine?: (native: string, latin: string) => [string, string];
  languages: readonly Language[];
};

const slavicFeminine = (native: string, latin: string): [string, string] => {
  if (native === 'Сейткали') return [native, latin];
  if (/(ов|ев|ёв|ин)$/.test(native)) return [`${native}а`, `${latin}a`];
  if (/ский$/.test(native)) return [native.replace(/ий$/, 'ая'), latin.replace(/y$/, 'aya')];
  return [native, latin];
};

const styles = {
  zhCN: {
    female: list(
      '芳|Fang, 静|Jing, 丽|Li, 敏|Min, 秀英|Xiuying, 晓燕|Xiaoyan, 雨桐|Yutong, 子涵|Zihan, 慧|Hui, 婷|Ting, 思琪|Siqi, 佳怡|Jiayi',
    ),
    male: list(
      '伟|Wei, 强|Qiang, 磊|Lei, 军|Jun, 海涛|Haitao, 志强|Zhiqiang, 建华|Jianhua, 俊杰|Junjie, 浩然|Haoran, 明|Ming, 宇航|Yuhang, 天翔|Tianxiang',
    ),
    family: list(
      '王|Wang, 李|Li, 张|Zhang, 刘|Liu, 陈|Chen, 杨|Yang, 黄|Huang, 赵|Zhao, 吴|Wu, 周|Zhou, 徐|Xu, 孙|Sun, 马|Ma, 朱|Zhu, 胡|Hu, 郭|Guo, 何|He, 林|Lin, 高|Gao, 罗|Luo, 欧阳|Ouyang, 司马|Sima',
    ),
    familyFirst: true,
    joined: true,
    languages: ['zh', 'en'],
  },
  zhHK: {
    female: list(
      '詠詩|Wing-sze, 嘉欣|Ka-yan, 美玲|Mei-ling, 曉彤|Hiu-tung, 凱琳|Hoi-lam, 慧敏|Wai-man',
    ),
    male: list(
      '家明|Ka-ming, 志偉|Chi-wai, 俊傑|Chun-kit, 偉倫|Wai-lun, 子軒|Tsz-hin, 浩文|Ho-man',
    ),
    family: list(
      '陳|Chan, 黃|Wong, 李|Lee, 張|Cheung, 梁|Leung, 林|Lam, 劉|Lau, 吳|Ng, 何|Ho, 鄭|Cheng, 謝|Tse, 麥|Mak',
    ),
    familyFirst: true,
    joined: true,
    languages: ['zh', 'en'],
  },
  ja: {
    female: list('美咲|Misaki, 陽菜|Hina, さくら|Sakura, 結衣|Yui, 葵|Aoi, 真央|Mao'),
    male: list('健太|Kenta, 翔太|Shota, 大輔|Daisuke, 蓮|Ren, 拓海|Takumi, 悠斗|Yuto'),
    family: list(
      '田中|Tanaka, 佐藤|Sato, 鈴木|Suzuki, 高橋|Takahashi, 渡辺|Watanabe, 伊藤|Ito, 山本|Yamamoto, 中村|Nakamura, 小林|Kobayashi, 加藤|Kato',
    ),
    familyFirst: true,
    languages: ['ja', 'en'],
  },
  ur: {
    female: list(
      'عائشہ|Ayesha, ثنا|Sana, فاطمہ|Fatima, زینب|Zainab, مریم|Maryam, سارہ|Sara, حرا|Hira, نادیہ|Nadia',
    ),
    male: list(
      'عثمان|Usman, فرحان|Farhan, علی|Ali, حسن|Hassan, بلال|Bilal, عمر|Umar, حمزہ|Hamza, کامران|Kamran, عمران|Imran',
    ),
    family: list(
      'صدیقی|Siddiqui, قریشی|Qureshi, ملک|Malik, جاوید|Javed, خان|Khan, چودھری|Chaudhry, بٹ|Butt, شیخ|Sheikh, رضا|Raza, اعوان|Awan, ہاشمی|Hashmi',
    ),
    languages: ['ur', 'en'],
  },
  fa: {
    female: list(
      'سارا|Sara, زهرا|Zahra, مریم|Maryam, نرگس|Narges, لیلا|Leila, پریسا|Parisa, شیرین|Shirin',
    ),
    male: list('رضا|Reza, مهدی|Mehdi, علی|Ali, حسین|Hossein, امیر|Amir, کاوه|Kaveh, بهرام|Bahram'),
    family: list(
      'رضایی|Rezaei, کریمی|Karimi, احمدی|Ahmadi, حسینی|Hosseini, محمدی|Mohammadi, موسوی|Mousavi, جعفری|Jafari, صادقی|Sadeghi, نوری|Nouri, کاظمی|Kazemi',
    ),
    languages: ['fa', 'en'],
  },
  ar: {
    female: list(
      'منى|Mona, ياسمين|Yasmin, نورة|Noura, ليلى|Layla, هبة|Heba, سلمى|Salma, مريم|Mariam, فاطمة|Fatima, أسماء|Asmaa, إيمان|Iman',
    ),
    male: list(
      'أحمد|Ahmed, كريم|Karim, حمد|Hamad, محمد|Mohamed, عمر|Omar, يوسف|Youssef, خالد|Khaled, إبراهيم|Ibrahim, طارق|Tarek, مصطفى|Mostafa',
    ),
    family: list(
      'عبد الرحمن|Abdelrahman, السيد|El-Sayed, فاروق|Farouk, حسن|Hassan, المناعي|Al-Mannai, الدوسري|Al-Doseri, جناحي|Janahi, الطيب|El-Tayeb, عثمان|Osman, بوزيد|Bouzid, إسماعيل|Ismail, الشريف|El-Sherif, النجار|El-Naggar',
    ),
    languages: ['ar', 'en'],
  },
  th: {
    female: list(
      'กนกวรรณ|Kanokwan, ปิยะนุช|Piyanuch, สุภาพร|Supaporn, ธนพร|Thanaporn, ศิริพร|Siriporn, วรรณา|Wanna',
    ),
    male: list('สมชาย|Somchai, อนุชา|Anucha, วิชัย|Wichai, ณัฐพล|Nattapon, ประเสริฐ|Prasert, กิตติ|Kitti'),
    family: list(
      'วงศ์สวัสดิ์|Wongsawat, ศรีสุข|Srisuk, แสงทอง|Saengthong, บุญมา|Boonma, จันทร์เพ็ญ|Chanpen, ทองดี|Thongdee, สุขสวัสดิ์|Suksawat',
    ),
    languages: ['th', 'en'],
  },
  am: {
    female: list('ሰላም|Selam, ሕይወት|Hiwot, መሰረት|Meseret, ብርቱካን|Birtukan, ትዕግስት|Tigist, ፀሐይ|Tsehay'),
    male: list('አበበ|Abebe, ተስፋዬ|Tesfaye, ዳዊት|Dawit, ዮሐንስ|Yohannes, ሳሙኤል|Samuel, ብርሃኑ|Birhanu'),
    family: list(
      'ግርማ|Girma, በቀለ|Bekele, ተስፋዬ|Tesfaye, ኃይሌ|Haile, ታደሰ|Tadesse, መንግሥቱ|Mengistu, አለሙ|Alemu, ወልዴ|Wolde',
    ),
    languages: ['en'],
  },
  ru: {
    female: list(
      'Ирина|Irina, Анна|Anna, Ольга|Olga, Наталья|Natalya, Екатерина|Ekaterina, Юлия|Yulia, Мария|Maria, Дарья|Darya',
    ),
    male: list(
      'Дмитрий|Dmitry, Сергей|Sergey, Андрей|Andrey, Алексей|Aleksey, Михаил|Mikhail, Артём|Artyom, Иван|Ivan, Павел|Pavel',
    ),
    family: list(
      'Соколов|Sokolov, Волков|Volkov, Кузнецов|Kuznetsov, Морозов|Morozov, Лебедев|Lebedev, Смирнов|Smirnov, Новиков|Novikov, Фёдоров|Fyodorov, Ковалёв|Kovalyov, Лукашевич|Lukashevich, Барановский|Baranovsky',
    ),
    feminine: slavicFeminine,
    languages: ['ru', 'en'],
  },
  kz: {
    female: list('Айгерим|Aigerim, Асель|Assel, Жанар|Zhanar, Дана|Dana, Мадина|Madina'),
    male: list('Нурлан|Nurlan, Данияр|Daniyar, Ерлан|Yerlan, Асхат|Askhat, Тимур|Timur'),
    family: list(
      'Ахметов|Akhmetov, Сейткали|Seitkali, Жакупов|Zhakupov, Нурланов|Nurlanov, Абенов|Abenov, Сулейменов|Suleimenov',
    ),
    feminine: slavicFeminine,
    languages: ['ru', 'en'],
  },
  sr: {
    female: list('Милица|Milica, Јована|Jovana, Ана|Ana, Тамара|Tamara, Драгана|Dragana'),
    male: list('Никола|Nikola, Стефан|Stefan, Марко|Marko, Душан|Dušan, Милош|Miloš'),
    family: list(
      'Јовановић|Jovanović, Петровић|Petrović, Ђорђевић|Đorđević, Николић|Nikolić, Илић|Ilić, Живковић|Živković',
    ),
    languages: ['en', 'ru'],
  },
  tr: {
    female: list('Elif, Zeynep, Ayşe, Gülşen, Büşra, Özge, İpek, Şeyma'),
    male: list('Murat, Barış, Ömer, İbrahim, Çağrı, Oğuz, Emre, Uğur'),
    family: list('Şahin, Öztürk, Çelik, Güneş, Yıldız, Kılıç, Aydın, Doğan, Arslan, Koç, Yılmaz'),
    languages: ['tr', 'en'],
  },
  az: {
    female: list('Günel, Aysel, Leyla, Nərmin, Səbinə'),
    male: list('Rəşad, Elçin, Tural, Orxan, Vüqar'),
    family: list('Məmmədov, Əliyev, Hüseynov, Quliyev, Həsənov, İsmayılov'),
    feminine: (native, latin) =>
      /(ov|ev)$/.test(native) ? [`${native}a`, `${latin}a`] : [native, latin],
    languages: ['en', 'tr', 'ru'],
  },
  fr: {
    female: list('Hélène, Camille, Chloé, Gaëlle, Élodie, Anaïs, Léa, Maëlle'),
    male: list('François, Théo, Noël, Jérôme, Benoît, Loïc, Grégoire, Hervé'),
    family: list(
      'Moreau, Lefèvre, Bérard, Mercier, Girard, Faure, Rousseau, Lemaître, Dupré, Chevalier',
    ),
    languages: ['fr', 'en'],
  },
  sn: {
    female: list('Aminata, Fatou, Awa, Mariama, Ndèye, Khady'),
    male: list('Mamadou, Cheikh, Ousmane, Abdoulaye, Modou, Ibrahima'),
    family: list('Diop, Ndiaye, Sow, Fall, Diallo, Sarr, Ba, Guèye, Faye'),
    languages: ['fr', 'en'],
  },
  maghreb: {
    female: list('Yasmine, Amel, Nesrine, Lamia, Souad'),
    male: list('Karim, Salim, Yacine, Rachid, Mehdi'),
    family: list('Benali, Boudiaf, Bouzid, Haddad, Mansouri, Belkacem, Zerrouki'),
    languages: ['fr', 'ar', 'en'],
  },
  de: {
    female: list('Katrin, Lena, Jana, Sophie, Anja, Märta, Franziska'),
    male: list('Jörg, Björn, Matthias, Lukas, Günther, Andreas'),
    family: list('Müller, Schäfer, Weiß, Zürcher, Rüegg, Köhler, Groß, Schröder, Meßner, Hoffmann'),
    languages: ['de', 'en'],
  },
  it: {
    female: list('Giulia, Chiara, Francesca, Alessia, Martina'),
    male: list('Marco, Luca, Niccolò, Matteo, Andrea'),
    family: list('Romano, Bianchi, Ferrari, Esposito, Ricci, De Luca, Galli, Fabbrì'),
    languages: ['it', 'en'],
  },
  sv: {
    female: list('Karin, Åsa, Ingrid, Linnéa, Maja'),
    male: list('Anders, Björn, Göran, Erik, Olof'),
    family: list('Lindqvist, Sjöberg, Nyström, Åberg, Lindström, Öberg'),
    languages: ['en', 'de'],
  },
  es: {
    female: list('Lucía, María José, Sofía, Valentina, Ximena, Inés, Mónica'),
    male: list('José, Martín, Andrés, Gabriel, Joaquín, Raúl, Sebastián'),
    family: list(
      'Quispe Mamani, Huamán Ríos, Chávez, Pérez, Núñez, Rodríguez, Márquez, Peña, Gutiérrez, Ibáñez',
    ),
    languages: ['es', 'en'],
  },
  pt: {
    female: list('Ana Beatriz, Fernanda, Luíza, Márcia, Conceição'),
    male: list('João Pedro, Antônio, Sérgio, Tomás, Caio'),
    family: list('Gonçalves, Araújo, Conceição, Simões, Magalhães, Assunção, Brandão'),
    languages: ['pt', 'en'],
  },
  en: {
    female: list('Sarah, Emily, Eleanor, Olivia, Grace, Chloe, Hannah'),
    male: list('James, Daniel, Michael, Thomas, Oliver, Samuel, William'),
    family: list('Whitfield, Carter, Hughes, Reyes, Chen, O’Brien, Patel, Nguyen, Walker, MacLeod'),
    languages: ['en'],
  },
  za: {
    female: list('Thandiwe, Lerato, Nomvula, Anneke, Zanele'),
    male: list('Sipho, Pieter, Thabo, Johan, Mandla'),
    family: list('Nkosi, van der Merwe, Mokoena, Dlamini, Botha, Khumalo, Naidoo'),
    languages: ['en'],
  },
  ng: {
    female: list('Chiamaka, Aisha, Ngozi, Folake, Zainab, Adaeze'),
    male: list('Babatunde, Emeka, Oluwaseun, Ibrahim, Chinedu, Musa'),
    family: list('Okafor, Adeyemi, Bello, Okonkwo, Abubakar, Eze, Ogunleye'),
    languages: ['en'],
  },
  id: {
    female: list('Siti, Dewi, Putri, Ratna, Ayu'),
    male: list('Agus, Budi, Eko, Rizky, Bambang'),
    family: list('Rahmawati, Hidayat, Lestari, Santoso, Wijaya, Nugroho, Saputra'),
    languages: ['id', 'en'],
  },
} satisfies Record<string, NameStyle>;
type StyleKey = keyof typeof styles;

/** Institution name patterns by script; `{c}` is the city as written in that script. */
const institutionForms = {
  en: ['University of {c}', '{c} Institute of Space Technology', '{c} Space Research Centre'],
  zhCN: ['{c}大学', '{c}航天技术研究院', '{c}空间科学中心'],
  zhHK: ['{c}大學', '{c}太空科技學院'],
  ja: ['{c}大学', '{c}宇宙技術研究所'],
  ur: ['{c} یونیورسٹی', 'انسٹی ٹیوٹ آف اسپیس ٹیکنالوجی، {c}'],
  ar: ['جامعة {c}', 'معهد {c} لتكنولوجيا الفضاء', 'مركز {c} لعلوم الفضاء'],
  fa: ['دانشگاه {c}', 'پژوهشکده فضایی {c}'],
  th: ['มหาวิทยาลัย{c}', 'สถาบันเทคโนโลยีอวกาศ{c}'],
  am: ['{c} ዩኒቨርሲቲ', '{c} የህዋ ቴክኖሎጂ ተቋም'],
  ru: ['Институт космических исследований, {c}', 'Политехнический институт, {c}'],
  sr: ['Институт за свемирске технологије, {c}', 'Астрономска опсерваторија, {c}'],
  tr: ['{c} Üniversitesi', '{c} Uzay Teknolojileri Enstitüsü'],
  az: ['{c} Universiteti', '{c} Kosmik Texnologiyalar İnstitutu'],
  fr: ['Université de {c}', 'Institut de technologie spatiale de {c}'],
  de: ['Universität {c}', 'Institut für Raumfahrttechnik {c}'],
  it: ['Università di {c}', 'Istituto di Tecnologia Spaziale di {c}'],
  sv: ['{c} universitet', 'Institutet för rymdteknik, {c}'],
  es: ['Universidad de {c}', 'Instituto de Tecnología Espacial de {c}'],
  pt: ['Universidade de {c}', 'Instituto de Tecnologia Espacial de {c}'],
  id: ['Universitas {c}', 'Institut Teknologi Antariksa {c}'],
} as const;
type FormKey = keyof typeof institutionForms;

/**
 * Per country: how many people live there (weight), how their names are written, and cities
 * ("Latin|native") with the scripts institution names are written in.
 */
const countryPeople: Record<
  PartnerCountry,
  {
    weight: number;
    styles: readonly StyleKey[];
    cities: readonly string[];
    forms: readonly FormKey[];
  }
> = {
  CN: {
    weight: 10,
    styles: ['zhCN'],
    cities: list(
      'Beijing|北京, Shanghai|上海, Hefei|合肥, Xi’an|西安, Harbin|哈尔滨, Wuhan|武汉, Nanjing|南京, Changsha|长沙',
    ),
    forms: ['zhCN', 'en'],
  },
  HK: {
    weight: 3,
    styles: ['zhHK'],
    cities: list('Hong Kong|香港, Kowloon|九龍, Sha Tin|沙田'),
    forms: ['zhHK', 'en'],
  },
  PK: {
    weight: 8,
    styles: ['ur'],
    cities: list('Islamabad|اسلام آباد, Karachi|کراچی, Lahore|لاہور, Peshawar|پشاور, Quetta|کوئٹہ'),
    forms: ['ur', 'en'],
  },
  TR: {
    weight: 6,
    styles: ['tr'],
    cities: list('Ankara, İstanbul, İzmir, Eskişehir, Erzurum'),
    forms: ['tr', 'en'],
  },
  EG: {
    weight: 6,
    styles: ['ar'],
    cities: list(
      'Cairo|القاهرة, Alexandria|الإسكندرية, Giza|الجيزة, Aswan|أسوان, Mansoura|المنصورة',
    ),
    forms: ['ar', 'en'],
  },
  BH: {
    weight: 2,
    styles: ['ar'],
    cities: list('Manama|المنامة, Muharraq|المحرق, Riffa|الرفاع'),
    forms: ['ar', 'en'],
  },
  TH: {
    weight: 4,
    styles: ['th'],
    cities: list('Bangkok|กรุงเทพ, Chiang Mai|เชียงใหม่, Khon Kaen|ขอนแก่น, Songkhla|สงขลา'),
    forms: ['th', 'en'],
  },
  ZA: {
    weight: 3,
    styles: ['za'],
    cities: list('Pretoria, Cape Town, Johannesburg, Durban, Stellenbosch'),
    forms: ['en'],
  },
  PE: {
    weight: 3,
    styles: ['es'],
    cities: list('Lima, Arequipa, Cusco, Trujillo'),
    forms: ['es'],
  },
  IR: {
    weight: 5,
    styles: ['fa'],
    cities: list('Tehran|تهران, Isfahan|اصفهان, Shiraz|شیراز, Tabriz|تبریز, Mashhad|مشهد'),
    forms: ['fa', 'en'],
  },
  RU: {
    weight: 5,
    styles: ['ru'],
    cities: list(
      'Moscow|Москва, Novosibirsk|Новосибирск, Kazan|Казань, Samara|Самара, Tomsk|Томск',
    ),
    forms: ['ru', 'en'],
  },
  IT: {
    weight: 2,
    styles: ['it'],
    cities: list('Roma, Milano, Torino, Napoli, Padova'),
    forms: ['it'],
  },
  FR: {
    weight: 3,
    styles: ['fr'],
    cities: list('Paris, Toulouse, Marseille, Grenoble, Bordeaux'),
    forms: ['fr'],
  },
  DE: {
    weight: 2,
    styles: ['de'],
    cities: list('Köln, Berlin, München, Bremen, Göttingen'),
    forms: ['de'],
  },
  JP: {
    weight: 2,
    styles: ['ja'],
    cities: list('Osaka|大阪, Tokyo|東京, Sagamihara|相模原, Sendai|仙台, Kyoto|京都'),
    forms: ['ja', 'en'],
  },
  GB: {
    weight: 2,
    styles: ['en'],
    cities: list('Milton Keynes, Leicester, Edinburgh, Manchester, Oxford'),
    forms: ['en'],
  },
  US: {
    weight: 2,
    styles: ['en'],
    cities: list('Providence, Stony Brook, Boulder, Tucson, Pasadena'),
    forms: ['en'],
  },
  CH: {
    weight: 1,
    styles: ['fr', 'de'],
    cities: list('Bern, Genève, Zürich, Lausanne'),
    forms: ['fr', 'de'],
  },
  SE: {
    weight: 1,
    styles: ['sv'],
    cities: list('Kiruna, Uppsala, Göteborg, Lund'),
    forms: ['sv', 'en'],
  },
  BR: {
    weight: 3,
    styles: ['pt'],
    cities: list('São José dos Campos, São Paulo, Natal, Brasília, Campinas'),
    forms: ['pt'],
  },
  ID: {
    weight: 3,
    styles: ['id'],
    cities: list('Jakarta, Bandung, Yogyakarta, Surabaya'),
    forms: ['id'],
  },
  NG: {
    weight: 4,
    styles: ['ng'],
    cities: list('Abuja, Lagos, Ile-Ife, Nsukka, Zaria'),
    forms: ['en'],
  },
  ET: {
    weight: 3,
    styles: ['am'],
    cities: list('Addis Ababa|አዲስ አበባ, Bahir Dar|ባሕር ዳር, Mekelle|መቀሌ, Hawassa|ሀዋሳ'),
    forms: ['am', 'en'],
  },
  SD: {
    weight: 2,
    styles: ['ar'],
    cities: list('Khartoum|الخرطوم, Omdurman|أم درمان, Wad Madani|ود مدني'),
    forms: ['ar', 'en'],
  },
  DZ: {
    weight: 3,
    styles: ['ar', 'maghreb'],
    cities: list('Alger|الجزائر, Oran|وهران, Constantine|قسنطينة, Annaba|عنابة'),
    forms: ['ar', 'fr'],
  },
  AZ: { weight: 2, styles: ['az'], cities: list('Bakı, Gəncə, Şamaxı, Sumqayıt'), forms: ['az'] },
  BY: {
    weight: 2,
    styles: ['ru'],
    cities: list('Minsk|Минск, Gomel|Гомель, Grodno|Гродно, Vitebsk|Витебск'),
    forms: ['ru'],
  },
  NI: {
    weight: 1,
    styles: ['es'],
    cities: list('Managua, León, Granada, Estelí'),
    forms: ['es'],
  },
  RS: {
    weight: 1,
    styles: ['sr'],
    cities: list('Belgrade|Београд, Novi Sad|Нови Сад, Niš|Ниш, Kragujevac|Крагујевац'),
    forms: ['sr', 'en'],
  },
  VE: {
    weight: 2,
    styles: ['es'],
    cities: list('Caracas, Mérida, Maracaibo, Valencia'),
    forms: ['es'],
  },
  KZ: {
    weight: 2,
    styles: ['kz'],
    cities: list('Almaty|Алматы, Astana|Астана, Shymkent|Шымкент, Karaganda|Караганда'),
    forms: ['ru', 'en'],
  },
  SN: {
    weight: 2,
    styles: ['sn'],
    cities: list('Dakar, Thiès, Saint-Louis, Ziguinchor'),
    forms: ['fr'],
  },
};

/** Splits "native|latin" (a plain entry is both). */
function split(entry: string): [string, string] {
  const bar = entry.indexOf('|');
  return bar < 0 ? [entry, entry] : [entry.slice(0, bar), entry.slice(bar + 1)];
}

const asciiMap: Record<string, string> = {
  ı: 'i',
  ə: 'a',
  ß: 'ss',
  đ: 'd',
  ø: 'o',
  æ: 'ae',
  ł: 'l',
};
const slugs = new Map<string, string>();
/** Lower-case ASCII letters and digits only (for e-mail addresses); names repeat, so cached. */
function asciiSlug(text: string): string {
  let slug = slugs.get(text);
  if (slug === undefined) {
    slug = text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[ıəßđøæł]/g, (c) => asciiMap[c] ?? '')
      .replace(/[^a-z0-9]/g, '');
    slugs.set(text, slug);
  }
  return slug;
}

/** Picks an item by integer weights. */
function weighted<T>(
  random: () => number,
  items: readonly T[],
  weight: (item: T) => number,
  total: number,
): T {
  let r = random() * total;
  for (const item of items) {
    r -= weight(item);
    if (r < 0) return item;
  }
  return items[items.length - 1]!;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const institutionId = (i: number) => `decade-inst-${pad(i + 1, 4)}`;
const personIds: string[] = [];
/** Person ids are used by every request and mark: made once each. */
const personId = (i: number) => (personIds[i] ??= `decade-person-${pad(i + 1, 6)}`);
const enrolmentId = (i: number) => `decade-enrol-${pad(i + 1, 7)}`;
const at = (day: string) => `${day}T09:00:00.000Z`;

type InstitutionRow = MutationArgs['institution.create'] & { domain: string };

/** The institutions: the demo hosts first, then universities and institutes in the country's scripts. */
function makeInstitutions(count: number, random: () => number): InstitutionRow[] {
  const seen = new Set<string>();
  const rows: InstitutionRow[] = [];
  const add = (name: string, latinLabel: string, country: PartnerCountry, city: string) => {
    if (rows.length >= count) return;
    let unique = name;
    for (let n = 2; seen.has(unique); n++) unique = `${name} (${n})`;
    seen.add(unique);
    const initials = latinLabel
      .split(/[\s,()’'-]+/)
      .filter((w) => w.length > 2 || /^[A-Z]/.test(w))
      .map((w) => asciiSlug(w).slice(0, 1))
      .join('');
    const domain = `${initials || 'inst'}-${asciiSlug(city).slice(0, 10)}.${country.toLowerCase()}.example.org`;
    rows.push({ id: institutionId(rows.length), name: unique, country, city, domain });
  };
  for (const country of partnerCountries)
    for (const host of demoCountries[country].hosts) add(host.site, host.site, country, host.city);

  const generated: { name: string; latin: string; country: PartnerCountry; city: string }[] = [];
  for (const country of partnerCountries) {
    const info = countryPeople[country];
    for (const cityEntry of info.cities) {
      const [native, latin] = split(cityEntry);
      for (const form of info.forms) {
        const local = form !== 'en';
        institutionForms[form].forEach((pattern, k) => {
          const name = pattern.replace('{c}', local ? native : latin);
          // The English form of the same kind of institution gives the e-mail domain.
          const latinLabel = institutionForms.en[k % institutionForms.en.length]!.replace(
            '{c}',
            latin,
          );
          generated.push({ name, latin: latinLabel, country, city: latin });
        });
      }
    }
  }
  // A seeded shuffle, so a smaller count still spreads over the countries.
  for (let i = generated.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [generated[i], generated[j]] = [generated[j]!, generated[i]!];
  }
  for (let round = 0; rows.length < count; round++)
    for (const g of generated)
      add(round ? `${g.name} (${round + 1})` : g.name, g.latin, g.country, g.city);
  return rows;
}

// ---------------------------------------------------------------------------------------------

/**
 * Records are kept on "admin days", every four weeks (Sundays from 2019-12-29, eight days before
 * the decade's first Monday): each is one batch per kind, so the replay runs ~300 transactions
 * rather than one per day. Requests for a session starting in week M go in on the last admin day
 * at least 8 days before M (so 8–35 days before: inside every enrolment window, which runs from
 * 60 to 7 days before the start); marks and outcomes on the first admin day after it ended.
 */
const adminOrigin = Date.UTC(2019, 11, 29) / 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const dayString = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
const adminDayOnOrBefore = (date: string) =>
  dayString(adminOrigin + 28 * Math.floor((dayNumber(date) - adminOrigin) / 28));
const adminDayOnOrAfter = (date: string) =>
  dayString(adminOrigin + 28 * Math.ceil((dayNumber(date) - adminOrigin) / 28));
const minDate = (a: string, b: string) => (a < b ? a : b);
/** Dates as strings, made once each (a few thousand days, used by ~100,000 class days). */
const dayStrings = new Map<number, string>();
const cachedDay = (n: number) => {
  let date = dayStrings.get(n);
  if (date === undefined) dayStrings.set(n, (date = dayString(n)));
  return date;
};
/** The class days of a session before `before`: what `classDates` gives, from day numbers. */
function classDatesBefore(
  s: { startDate: string; endDate: string; weekdays: readonly number[] },
  before: string,
): string[] {
  const last = Math.min(dayNumber(s.endDate), dayNumber(before) - 1);
  const dates: string[] = [];
  // Day 0, 1970-01-01, was a Thursday (ISO weekday 4).
  for (let day = dayNumber(s.startDate); day <= last; day++)
    if (s.weekdays.includes(((((day + 3) % 7) + 7) % 7) + 1)) dates.push(cachedDay(day));
  return dates;
}

type SessionFacts = {
  index: number;
  id: string;
  course: number;
  startDate: string;
  endDate: string;
  weekdays: number[];
  capacity: number;
  /** Day the requests are made: an admin day 8 to 35 days before the start week, inside every window of it. */
  requestDay: string;
  /** The first admin day after the session ended (capped at `today`): marks and outcomes are recorded then. */
  recordDay: string;
};

/**
 * Plans the people of the decade set: the counts at once, the calls lazily through `batches()`.
 * Run the batches in order, each with `now: () => batch.now`, after `decadeHistoryCatalogue`
 * with the same catalogue options.
 */
export function planDecadePeople(options: DecadePeopleOptions = {}): DecadePeoplePlan {
  const o = { ...decadePeopleDefaults, ...options };
  const catalogueOptions = options.catalogue ?? {};
  const asOf = catalogueOptions.today ?? decadeDefaults.today;
  const stream = (n: number) => mulberry32((o.seed ^ Math.imul(n, 0x9e3779b1)) >>> 0);

  // Roles first (the plan needs to know who may enrol).
  const roleRandom = stream(1);
  const roles = new Uint8Array(o.people); // 0 trainee, 1 instructor, 2 coordinator
  const trainees: number[] = [];
  let instructors = 0;
  for (let p = 0; p < o.people; p++) {
    const r = roleRandom();
    roles[p] = r < 0.02 ? 1 : r < 0.022 ? 2 : 0;
    if (roles[p] === 0) trainees.push(p);
    else if (roles[p] === 1) instructors++;
  }

  // The catalogue, as planned before the decade and as it stands at `today`.
  const history = decadeHistoryCatalogue(catalogueOptions);
  const courseIndex = new Map<string, number>();
  const prerequisites: number[][] = [];
  const open: SessionFacts[] = [];
  for (const call of history) {
    if (call.name === 'course.create') {
      courseIndex.set(call.args.id, prerequisites.length);
      prerequisites.push(call.args.prerequisites.map((id) => courseIndex.get(id)!));
    } else if (call.name === 'session.create' && call.args.status === 'open') {
      const start = call.args.startDate;
      const monday = addDays(start, -((new Date(`${start}T00:00:00Z`).getUTCDay() + 6) % 7));
      open.push({
        index: open.length,
        id: call.args.id,
        course: courseIndex.get(call.args.courseId)!,
        startDate: start,
        endDate: call.args.endDate,
        weekdays: call.args.schedule.weekdays,
        capacity: call.args.capacity,
        requestDay: adminDayOnOrBefore(addDays(monday, -8)),
        recordDay: minDate(adminDayOnOrAfter(addDays(call.args.endDate, 1)), asOf),
      });
    }
  }
  const closing: MutationArgs['session.update'][] = [];
  if (o.close) {
    const planned = new Map<string, string>();
    for (const call of history)
      if (call.name === 'session.create') planned.set(call.args.id, call.args.status);
    for (const call of decadeCatalogue(catalogueOptions))
      if (call.name === 'session.create' && planned.get(call.args.id) !== call.args.status)
        closing.push(call.args);
  }

  // The timeline: requests on each session's request day, outcomes the day after it ends.
  type Event = { day: string; kind: 0 | 1; session: SessionFacts }; // 0 outcome, 1 request
  const events: Event[] = [];
  // Requests only where they had been made by `today`: a session whose enrolment is still to
  // come has none yet.
  const requestable = open.filter((s) => s.requestDay <= asOf);
  for (const s of requestable) {
    events.push({ day: s.requestDay, kind: 1, session: s });
    if (o.outcomes && s.endDate < asOf) events.push({ day: s.recordDay, kind: 0, session: s });
  }
  events.sort((a, b) =>
    a.day < b.day ? -1 : a.day > b.day ? 1 : a.kind - b.kind || a.session.index - b.session.index,
  );

  const enrolRandom = stream(2);
  const totalCapacity = requestable.reduce((sum, s) => sum + s.capacity, 0);
  const fill = totalCapacity ? o.enrolments / totalCapacity : 0;
  const firstEnrolment = new Int32Array(open.length);
  const requestCount = new Int32Array(open.length);
  const requesters = new Int32Array(o.enrolments);
  /** Per enrolment: 0 none, 1 completed, 2 not completed. */
  const outcome = new Uint8Array(o.enrolments);
  /** Trainees who completed each course, in the order they did. */
  const completers: number[][] = prerequisites.map(() => []);
  /** Person-course pairs completed so far. */
  const completed = new Set<number>();
  const courses = prerequisites.length;
  const key = (person: number, course: number) => person * courses + course;
  let requests = 0;
  let carry = 0;
  let shortfall = 0;
  let completedCount = 0;
  let notCompleted = 0;
  for (const event of events) {
    const s = event.session;
    if (event.kind === 0) {
      const first = firstEnrolment[s.index]!;
      const enrolled = Math.min(s.capacity, requestCount[s.index]!);
      for (let j = 0; j < enrolled; j++) {
        const done = enrolRandom() < 0.85;
        outcome[first + j] = done ? 1 : 2;
        if (!done) {
          notCompleted++;
          continue;
        }
        completedCount++;
        const person = requesters[first + j]!;
        if (!completed.has(key(person, s.course))) {
          completed.add(key(person, s.course));
          completers[s.course]!.push(person);
        }
      }
      continue;
    }
    // About `fill` requests per place (from 0.75 to 1.35 times as many: some sessions have room
    // left, popular ones a waiting list), never more than twice the capacity; what sessions with
    // prerequisites could not fill moves on to the free places of later sessions.
    const most = 2 * s.capacity;
    const wanted = Math.min(most, Math.round(s.capacity * fill * (0.75 + 0.6 * enrolRandom())));
    const extra = Math.min(carry, Math.max(0, s.capacity - wanted));
    carry -= extra;
    let target = Math.min(o.enrolments - requests, wanted + extra);
    firstEnrolment[s.index] = requests;
    const chosen = new Set<number>();
    const needs = prerequisites[s.course]!;
    if (needs.length === 0) {
      target = Math.min(target, trainees.length);
      for (let tries = 0; chosen.size < target && tries < target * 4; tries++)
        chosen.add(trainees[Math.floor(enrolRandom() * trainees.length)]!);
    } else {
      const pool = completers[needs[0]!]!;
      for (let tries = 0; pool.length && chosen.size < target && tries < target * 4; tries++) {
        const person = pool[Math.floor(enrolRandom() * pool.length)]!;
        if (needs.every((c) => completed.has(key(person, c)))) chosen.add(person);
      }
    }
    if (chosen.size < target) {
      shortfall += target - chosen.size;
      carry += target - chosen.size;
    }
    for (const person of chosen) requesters[requests++] = person;
    requestCount[s.index] = chosen.size;
  }

  // Marks: whole sessions (every enrolled trainee, every class day before `today`), in a seeded
  // order, while they fit the budget.
  const marksRandom = stream(3);
  let projectedMarks = 0;
  const markable: { s: SessionFacts; dates: string[]; enrolled: number }[] = [];
  for (const s of open) {
    const enrolled = Math.min(s.capacity, requestCount[s.index]!);
    if (s.startDate >= asOf || enrolled === 0) continue;
    const dates = classDatesBefore(s, asOf);
    projectedMarks += enrolled * dates.length;
    markable.push({ s, dates, enrolled });
  }
  for (let i = markable.length - 1; i > 0; i--) {
    const j = Math.floor(marksRandom() * (i + 1));
    [markable[i], markable[j]] = [markable[j]!, markable[i]!];
  }
  const marked = new Map<number, string[]>();
  let marks = 0;
  for (const m of markable) {
    const n = m.enrolled * m.dates.length;
    if (marks + n > o.marks) continue;
    marks += n;
    marked.set(m.s.index, m.dates);
  }

  let enrolled = 0;
  let sessionsWithRequests = 0;
  for (const s of open) {
    const n = requestCount[s.index]!;
    enrolled += Math.min(n, s.capacity);
    if (n) sessionsWithRequests++;
  }
  const stats: DecadePeopleStats = {
    institutions: o.institutions,
    people: o.people,
    trainees: trainees.length,
    instructors,
    requests,
    placed: enrolled,
    enrolled: enrolled - completedCount - notCompleted,
    waitlisted: requests - enrolled,
    completed: completedCount,
    notCompleted,
    marks,
    projectedMarks,
    markedSessions: marked.size,
    openSessions: requestable.length,
    sessionsWithRequests,
    prerequisiteShortfall: shortfall,
    closing: closing.length,
    calls:
      o.institutions + o.people + requests + completedCount + notCompleted + marks + closing.length,
  };

  function* batches(
    options: { phases?: readonly DecadePeoplePhase[] } = {},
  ): Generator<DecadePeopleBatch> {
    const wanted = (phase: DecadePeoplePhase) => !options.phases || options.phases.includes(phase);
    const start = at(decadeHistoryStart);
    const institutions = makeInstitutions(o.institutions, stream(4));
    const byCountry = new Map<string, string[]>();
    const domains = new Map<string, string>();
    for (const inst of institutions) {
      const list = byCountry.get(inst.country) ?? [];
      list.push(inst.id);
      byCountry.set(inst.country, list);
      domains.set(inst.id, inst.domain);
    }
    for (let i = 0; wanted('institutions') && i < institutions.length; i += o.batchSize)
      yield {
        phase: 'institutions',
        now: start,
        calls: institutions.slice(i, i + o.batchSize).map(({ id, name, country, city }) => ({
          name: 'institution.create',
          args: { id, name, country, city },
        })),
      };

    const random = stream(5);
    const countries = partnerCountries.filter((c) => byCountry.has(c));
    const countryTotal = countries.reduce((sum, c) => sum + countryPeople[c].weight, 0);
    const used = new Map<string, number>();
    const roleSets: readonly PersonRole[][] = [['trainee'], ['instructor'], ['coordinator']];
    const int = (n: number) => Math.floor(random() * n);
    const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
    let batch: MutationCall[] = [];
    for (let p = 0; wanted('people') && p < o.people; p++) {
      const country = countries.length
        ? weighted(random, countries, (c) => countryPeople[c].weight, countryTotal)
        : 'CN';
      const style: NameStyle = styles[pick(countryPeople[country].styles)];
      const female = random() < 0.5;
      const [givenNative, givenLatin] = split(pick(female ? style.female : style.male));
      let [familyNative, familyLatin] = split(pick(style.family));
      if (female && style.feminine)
        [familyNative, familyLatin] = style.feminine(familyNative, familyLatin);
      const nativeName = style.familyFirst
        ? `${familyNative}${style.joined ? '' : ' '}${givenNative}`
        : `${givenNative} ${familyNative}`;
      const latin = style.familyFirst
        ? `${familyLatin} ${givenLatin}`
        : `${givenLatin} ${familyLatin}`;
      const latinName = latin === nativeName ? '' : latin;
      const institution =
        byCountry.has(country) && random() < 0.95 ? pick(byCountry.get(country)!) : '';
      const domain = institution
        ? domains.get(institution)!
        : `mail.${country.toLowerCase()}.example.org`;
      const local = `${asciiSlug(givenLatin)}.${asciiSlug(familyLatin)}`;
      const address = `${local}@${domain}`;
      const n = (used.get(address) ?? 0) + 1;
      used.set(address, n);
      const languages: Language[] = [...style.languages];
      if (languages.length > 1 && random() < 0.3) languages.pop();
      const year = 1960 + int(43);
      batch.push({
        name: 'person.create',
        args: {
          id: personId(p),
          nativeName,
          latinName,
          preferredName:
            country === 'HK' && random() < 0.3
              ? `${pick(styles.en[female ? 'female' : 'male'])} ${familyLatin}`
              : '',
          email: n === 1 ? address : `${local}${n}@${domain}`,
          phone: '',
          country,
          institutionId: institution,
          gender: female ? 'female' : 'male',
          dateOfBirth:
            random() < 0.7 ? `${year}-${pad(1 + int(12), 2)}-${pad(1 + int(28), 2)}` : '',
          roles: roleSets[roles[p]!]!,
          languages,
          notes: '',
        },
      });
      if (batch.length === o.batchSize) {
        yield { phase: 'people', now: start, calls: batch };
        batch = [];
      }
    }
    if (batch.length) yield { phase: 'people', now: start, calls: batch };

    // The timeline, one batch per day and kind.
    /**
     * Present (or, one time in fifteen, late) with probability `attends`; else excused or absent.
     * Each session draws from its own stream, so its register is the same whatever else is marked.
     */
    const markStatus = (markRandom: () => number, attends: number): Status => {
      const r = markRandom();
      if (r < attends) return r < attends * 0.93 ? 'present' : 'late';
      return r < attends + (1 - attends) / 3 ? 'excused' : 'absent';
    };
    // Marks of sessions still running at `today` are recorded that day (recordDay is capped).
    type Step = { day: string; order: number; session?: SessionFacts };
    const steps: Step[] = [];
    for (const event of events)
      steps.push({ day: event.day, order: event.kind === 0 ? 1 : 3, session: event.session });
    for (const index of marked.keys())
      steps.push({ day: open[index]!.recordDay, order: 0, session: open[index]! });
    if (closing.length) steps.push({ day: asOf, order: 2 });
    steps.sort((a, b) =>
      a.day < b.day
        ? -1
        : a.day > b.day
          ? 1
          : a.order - b.order || (a.session?.index ?? 0) - (b.session?.index ?? 0),
    );
    const phases: DecadePeoplePhase[] = ['marks', 'outcomes', 'closing', 'enrolments'];
    let current: DecadePeopleBatch | undefined;
    for (const step of steps) {
      const phase = phases[step.order]!;
      if (!wanted(phase)) continue;
      // A day's calls of one kind, split after a session once they reach `batchSize` (a busy
      // admin day has ~50,000 marks).
      if (
        !current ||
        current.phase !== phase ||
        current.now !== at(step.day) ||
        current.calls.length >= o.batchSize
      ) {
        if (current?.calls.length) yield current;
        current = { phase, now: at(step.day), calls: [] };
      }
      if (!step.session) {
        for (const args of closing) {
          if (current.calls.length >= o.batchSize) {
            yield current;
            current = { phase, now: current.now, calls: [] };
          }
          current.calls.push({ name: 'session.update', args });
        }
        continue;
      }
      const calls = current.calls;
      const s = step.session;
      const first = firstEnrolment[s.index]!;
      const count = requestCount[s.index]!;
      if (phase === 'enrolments') {
        for (let j = 0; j < count; j++)
          calls.push({
            name: 'enrolment.request',
            args: {
              id: enrolmentId(first + j),
              personId: personId(requesters[first + j]!),
              sessionId: s.id,
            },
          });
      } else if (phase === 'outcomes') {
        for (let j = 0; j < Math.min(count, s.capacity); j++)
          calls.push({
            name: 'enrolment.setOutcome',
            args: {
              id: enrolmentId(first + j),
              outcome: outcome[first + j] === 1 ? 'completed' : 'not-completed',
            },
          });
      } else {
        const dates = marked.get(s.index)!;
        const markRandom = stream(1_000 + s.index);
        for (let j = 0; j < Math.min(count, s.capacity); j++) {
          const person = personId(requesters[first + j]!);
          const attends = outcome[first + j] === 2 ? 0.6 : 0.95;
          for (const date of dates)
            calls.push({
              name: 'attendance.mark',
              args: {
                meetingId: meetingId(s.id, date),
                personId: person,
                status: markStatus(markRandom, attends),
              },
            });
        }
      }
    }
    if (current?.calls.length) yield current;
  }

  return { stats, batches };
}

/** The batches of `planDecadePeople(options)`, in order. */
export function* decadePeopleBatches(
  options: DecadePeopleOptions = {},
): Generator<DecadePeopleBatch> {
  yield* planDecadePeople(options).batches();
}

/**
 * Every call of the people set, in order. Requests and marks are dated: run them through
 * `decadePeopleBatches` (each batch at its `now`), or the enrolment windows refuse them.
 */
export function decadePeople(options: DecadePeopleOptions = {}): MutationCall[] {
  const calls: MutationCall[] = [];
  for (const batch of decadePeopleBatches(options))
    for (const call of batch.calls) calls.push(call);
  return calls;
}
