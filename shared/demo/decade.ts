import type { MutationCall } from '../mutations';
import type { CourseLevel, SessionMode, SessionStatus } from '../domain/catalogue';
import { partnerCountries, type courseLanguages } from '../domain/values';
import { addDays, maxMeetingsPerSession } from '../domain/schedule';
import { demoCountries, type PartnerCountry } from './places';
import { demoProgrammes } from './workspace';

type Language = (typeof courseLanguages)[number];

/** Options of the decade benchmark set; every field has a default. */
export type DecadeOptions = {
  programmes?: number;
  courses?: number;
  sessions?: number;
  /** Seed of the PRNG: the same seed (and sizes) gives the same calls. */
  seed?: number;
  /** The date sessions are dated against (statuses: past closed, future open). */
  today?: string;
};

/** The default size of the decade set: what IDSEA's catalogue might hold after ten years. */
export const decadeDefaults = {
  programmes: 5,
  courses: 2_000,
  sessions: 10_000,
  seed: 20_250_707,
  today: '2026-01-15',
} as const satisfies Required<DecadeOptions>;

/** A tiny seeded PRNG (mulberry32): uniform floats in [0, 1), the same sequence for a seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// The same fifteen topics in every language, so a course's tags (English slugs) match its title.
const topicSlugs = [
  'orbital-mechanics',
  'cubesat-avionics',
  'lunar-regolith',
  'mars-samples',
  'deep-space-navigation',
  'asteroid-photometry',
  'ground-stations',
  'planetary-remote-sensing',
  'payload-integration',
  'mission-operations',
  'space-weather',
  'attitude-determination',
  'thermal-design',
  'radio-science',
  'impact-risk',
] as const;

type TitleLanguage = 'en' | 'zh' | 'ar' | 'ru' | 'fr' | 'es' | 'tr';
type Words = {
  topics: readonly string[];
  /** Variants that turn a topic into a title. */
  forms: readonly ((topic: string) => string)[];
  summary: (topic: string, hours: number) => string;
  modules: readonly string[];
};

const words: Record<TitleLanguage, Words> = {
  en: {
    topics: [
      'Orbital Mechanics',
      'CubeSat Avionics',
      'Lunar Regolith Analysis',
      'Mars Sample Curation',
      'Deep-Space Navigation',
      'Asteroid Photometry',
      'Ground Station Operations',
      'Planetary Remote Sensing',
      'Payload Integration',
      'Mission Operations',
      'Space Weather',
      'Attitude Determination',
      'Thermal Design',
      'Radio Science',
      'Impact Hazard Assessment',
    ],
    forms: [
      (t) => `Introduction to ${t}`,
      (t) => `Applied ${t}`,
      (t) => `${t} in Practice`,
      (t) => `${t} for Small Satellites`,
      (t) => `${t} with Open Data`,
      (t) => `Advanced ${t}`,
      (t) => `${t} Field School`,
      (t) => `${t} for Early-Career Scientists`,
    ],
    summary: (t, h) =>
      `A ${h}-hour course on ${t.toLowerCase()} for trainees at IDSEA member institutions. Lectures alternate with hands-on exercises, and the course ends with a team project.`,
    modules: [
      'Foundations',
      'Methods and tools',
      'Laboratory practice',
      'Case studies',
      'Team project',
      'Review and assessment',
    ],
  },
  zh: {
    topics: [
      '轨道力学',
      '立方星电子学',
      '月壤分析',
      '火星样品管理',
      '深空导航',
      '小行星测光',
      '地面站运行',
      '行星遥感',
      '载荷集成',
      '任务运行',
      '空间天气',
      '姿态确定',
      '热设计',
      '射电科学',
      '撞击风险评估',
    ],
    forms: [
      (t) => `${t}导论`,
      (t) => `${t}实践`,
      (t) => `${t}高级研讨班`,
      (t) => `${t}暑期学校`,
      (t) => `${t}工作坊`,
    ],
    summary: (t, h) =>
      `面向IDSEA成员机构学员的${t}课程，共${h}学时，包括讲授、上机练习和结课团队项目。`,
    modules: ['基础理论', '方法与工具', '实验实践', '案例研究', '团队项目', '复习与考核'],
  },
  ar: {
    topics: [
      'ميكانيكا المدارات',
      'إلكترونيات الأقمار المكعبة',
      'تحليل تربة القمر',
      'إدارة عينات المريخ',
      'الملاحة في الفضاء السحيق',
      'قياس ضوء الكويكبات',
      'تشغيل المحطات الأرضية',
      'الاستشعار عن بعد للكواكب',
      'دمج الحمولات العلمية',
      'عمليات البعثات',
      'طقس الفضاء',
      'تحديد الاتجاه',
      'التصميم الحراري',
      'علوم الراديو',
      'تقييم خطر الاصطدام',
    ],
    forms: [
      (t) => `مدخل إلى ${t}`,
      (t) => `ورشة عمل في ${t}`,
      (t) => `مبادئ ${t}`,
      (t) => `تطبيقات ${t}`,
      (t) => `دورة متقدمة في ${t}`,
    ],
    summary: (t, h) =>
      `دورة في ${t} لمتدربي المؤسسات الأعضاء في الرابطة، مدتها ${h} ساعة، تتضمن تمارين عملية ومشروعًا ختاميًا.`,
    modules: [
      'الأسس النظرية',
      'الأساليب والأدوات',
      'التطبيق المخبري',
      'دراسات حالة',
      'مشروع جماعي',
      'المراجعة والتقييم',
    ],
  },
  ru: {
    topics: [
      'Небесная механика',
      'Бортовая электроника кубсатов',
      'Анализ лунного реголита',
      'Хранение образцов с Марса',
      'Навигация в дальнем космосе',
      'Фотометрия астероидов',
      'Работа наземных станций',
      'Дистанционное зондирование планет',
      'Интеграция полезной нагрузки',
      'Управление миссией',
      'Космическая погода',
      'Определение ориентации',
      'Тепловое проектирование',
      'Радионаука',
      'Оценка астероидной опасности',
    ],
    forms: [
      (t) => `${t}: введение`,
      (t) => `${t}: практикум`,
      (t) => `${t}: углублённый курс`,
      (t) => `${t}: летняя школа`,
      (t) => `${t}: семинар`,
    ],
    summary: (t, h) =>
      `Курс «${t}» (${h} ч) для слушателей из организаций — членов IDSEA: лекции, практические занятия и итоговый командный проект.`,
    modules: [
      'Основы',
      'Методы и инструменты',
      'Лабораторный практикум',
      'Разбор примеров',
      'Командный проект',
      'Итоговая аттестация',
    ],
  },
  fr: {
    topics: [
      'Mécanique orbitale',
      'Avionique des CubeSats',
      'Analyse du régolithe lunaire',
      'Conservation des échantillons martiens',
      'Navigation en espace lointain',
      'Photométrie des astéroïdes',
      'Exploitation des stations sol',
      'Télédétection planétaire',
      'Intégration de charges utiles',
      'Opérations de mission',
      'Météorologie de l’espace',
      'Détermination d’attitude',
      'Conception thermique',
      'Radioscience',
      'Évaluation du risque d’impact',
    ],
    forms: [
      (t) => `${t} : initiation`,
      (t) => `${t} : atelier pratique`,
      (t) => `${t} : cours avancé`,
      (t) => `${t} : école d’été`,
      (t) => `${t} : séminaire`,
    ],
    summary: (t, h) =>
      `Cours « ${t} » de ${h} heures pour les stagiaires des institutions membres de l’IDSEA, avec travaux pratiques et projet d’équipe.`,
    modules: [
      'Fondamentaux',
      'Méthodes et outils',
      'Travaux pratiques',
      'Études de cas',
      'Projet en équipe',
      'Bilan et évaluation',
    ],
  },
  es: {
    topics: [
      'Mecánica orbital',
      'Aviónica de CubeSats',
      'Análisis del regolito lunar',
      'Curación de muestras de Marte',
      'Navegación en el espacio profundo',
      'Fotometría de asteroides',
      'Operación de estaciones terrenas',
      'Teledetección planetaria',
      'Integración de cargas útiles',
      'Operaciones de misión',
      'Clima espacial',
      'Determinación de actitud',
      'Diseño térmico',
      'Radiociencia',
      'Evaluación del riesgo de impacto',
    ],
    forms: [
      (t) => `${t}: introducción`,
      (t) => `${t}: taller práctico`,
      (t) => `${t}: curso avanzado`,
      (t) => `${t}: escuela de verano`,
      (t) => `${t}: seminario`,
    ],
    summary: (t, h) =>
      `Curso «${t}» de ${h} horas para participantes de las instituciones miembro de IDSEA, con prácticas y un proyecto en equipo.`,
    modules: [
      'Fundamentos',
      'Métodos y herramientas',
      'Prácticas de laboratorio',
      'Estudios de caso',
      'Proyecto en equipo',
      'Repaso y evaluación',
    ],
  },
  tr: {
    topics: [
      'Yörünge mekaniği',
      'Küp uydu aviyoniği',
      'Ay regoliti analizi',
      'Mars örneklerinin korunması',
      'Derin uzay seyrüseferi',
      'Asteroit fotometrisi',
      'Yer istasyonu işletimi',
      'Gezegen uzaktan algılama',
      'Faydalı yük entegrasyonu',
      'Görev operasyonları',
      'Uzay havası',
      'Yönelim belirleme',
      'Isıl tasarım',
      'Radyo bilimi',
      'Çarpma riski değerlendirmesi',
    ],
    forms: [
      (t) => `${t}: giriş`,
      (t) => `${t}: uygulamalı atölye`,
      (t) => `${t}: ileri düzey kurs`,
      (t) => `${t}: yaz okulu`,
      (t) => `${t}: seminer`,
    ],
    summary: (t, h) =>
      `IDSEA üye kurumlarının katılımcıları için “${t}” kursu (${h} saat): uygulamalı çalışmalar ve ekip projesi içerir.`,
    modules: [
      'Temel kavramlar',
      'Yöntemler ve araçlar',
      'Laboratuvar uygulaması',
      'Vaka çalışmaları',
      'Ekip projesi',
      'Değerlendirme',
    ],
  },
};

/** Title languages with their weights (out of 100). */
const languageWeights: readonly [TitleLanguage, number][] = [
  ['en', 40],
  ['zh', 15],
  ['ar', 10],
  ['ru', 10],
  ['fr', 10],
  ['es', 8],
  ['tr', 7],
];
/** Countries where a course in that language is most often run. */
const languageCountries: Record<TitleLanguage, readonly PartnerCountry[]> = {
  en: partnerCountries,
  zh: ['CN', 'HK'],
  ar: ['EG', 'BH', 'SD', 'DZ'],
  ru: ['RU', 'KZ', 'BY', 'AZ'],
  fr: ['FR', 'SN', 'DZ', 'CH'],
  es: ['PE', 'VE', 'NI'],
  tr: ['TR', 'AZ'],
};
const levels: readonly CourseLevel[] = ['introductory', 'intermediate', 'advanced'];

/**
 * Weekly patterns of decade sessions, with how many weeks they run: the short courses and schools
 * of one to three weeks IDSEA's members run, and a few longer part-time courses (evening classes
 * online, afternoons in hybrid), so 10,000 sessions make ~108,000 class days (~10.8 each).
 * `first`/`last` are the offsets of the first and last class day from Monday.
 */
const decadePatterns: readonly {
  weight: number;
  weekdays: number[];
  first: number;
  last: number;
  weeks: number;
  startTime: string;
  endTime: string;
  mode: SessionMode;
}[] = [
  // A one-week workshop: 5 days.
  {
    weight: 20,
    weekdays: [1, 2, 3, 4, 5],
    first: 0,
    last: 4,
    weeks: 1,
    startTime: '09:00',
    endTime: '16:00',
    mode: 'in-person',
  },
  // A two-week school: 10 days.
  {
    weight: 25,
    weekdays: [1, 2, 3, 4, 5],
    first: 0,
    last: 4,
    weeks: 2,
    startTime: '09:00',
    endTime: '16:00',
    mode: 'in-person',
  },
  // A three-week field or summer school: 15 days.
  {
    weight: 15,
    weekdays: [1, 2, 3, 4, 5],
    first: 0,
    last: 4,
    weeks: 3,
    startTime: '08:30',
    endTime: '15:30',
    mode: 'in-person',
  },
  // Two evenings a week online for eight weeks: 16 days.
  {
    weight: 15,
    weekdays: [2, 4],
    first: 1,
    last: 3,
    weeks: 8,
    startTime: '18:00',
    endTime: '20:00',
    mode: 'online',
  },
  // Three afternoons a week for four weeks: 12 days.
  {
    weight: 15,
    weekdays: [1, 3, 5],
    first: 0,
    last: 4,
    weeks: 4,
    startTime: '14:00',
    endTime: '17:00',
    mode: 'hybrid',
  },
  // Two weeks of mornings, Monday to Thursday: 8 days.
  {
    weight: 10,
    weekdays: [1, 2, 3, 4],
    first: 0,
    last: 3,
    weeks: 2,
    startTime: '09:00',
    endTime: '13:00',
    mode: 'hybrid',
  },
];

const firstMonday = '2020-01-06';
// Start weeks: Mondays from 2020-01-06 to 2030-11-04, so the longest pattern (eight weeks of
// Tuesdays and Thursdays) still ends in 2030.
const startWeeks = 566;
/**
 * Weeks of history: Mondays before the week of the default `today` (2026-01-12). Most sessions
 * start in them (`historyShare`), uniformly: a catalogue ten years on is mostly its past, with
 * the coming year planned and a few sessions further ahead. Fixed, not taken from
 * `options.today`, so `decadeHistoryCatalogue` (another `today`) makes the same sessions.
 */
const historyWeeks = Math.floor(
  (Date.parse(`${decadeDefaults.today}T00:00:00Z`) - Date.parse(`${firstMonday}T00:00:00Z`)) /
    (7 * 86_400_000),
);
const historyShare = 0.88;

/** Places in a session: a room holds 16–45, a hybrid class 20–60, an online class 30–90. */
function capacityOf(mode: SessionMode, int: (n: number) => number): number {
  if (mode === 'online') return 30 + int(61);
  if (mode === 'hybrid') return 20 + int(41);
  return 16 + int(30);
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

/**
 * The "decade" benchmark dataset: programmes, courses and sessions (with ~10–11 class days each)
 * spread over 2020–2030, most of them held before `today`, in many languages and scripts. Deterministic for a seed and sizes.
 * Ids start with `decade-` and codes carry four digits, so it loads beside the demo workspace.
 */
export function decadeCatalogue(options: DecadeOptions = {}): MutationCall[] {
  const { programmes, courses, sessions, seed, today } = { ...decadeDefaults, ...options };
  if (courses > 0 && programmes < 1)
    throw new RangeError('decadeCatalogue: courses need at least one programme');
  const random = mulberry32(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const calls: MutationCall[] = [];

  const programmeIds: string[] = [];
  const prefixes: string[] = [];
  for (let p = 0; p < programmes; p++) {
    const demo = demoProgrammes[p];
    const id = `decade-prog-${demo ? demo.key : String(p + 1).padStart(2, '0')}`;
    programmeIds.push(id);
    prefixes.push(demo ? demo.prefix : `G${String(p + 1).padStart(2, '0')}`);
    calls.push({
      name: 'programme.create',
      args: {
        id,
        name: demo ? demo.name : `Programme ${p + 1}`,
        description: demo
          ? demo.description
          : `Generated programme ${p + 1} of the decade benchmark set.`,
      },
    });
  }

  const languageTotal = languageWeights.reduce((sum, [, w]) => sum + w, 0);
  const courseIds: string[] = [];
  const courseLanguage: TitleLanguage[] = [];
  for (let c = 0; c < courses; c++) {
    const p = c % programmes;
    const id = `decade-course-${String(c + 1).padStart(5, '0')}`;
    const lang = weighted(random, languageWeights, ([, w]) => w, languageTotal)[0];
    const list = words[lang];
    const topicIndex = int(list.topics.length);
    const topic = list.topics[topicIndex]!;
    const tier = Math.floor(c / programmes) % 5; // 2 in 5 introductory, 2 intermediate, 1 advanced
    const level = levels[tier < 2 ? 0 : tier < 4 ? 1 : 2]!;
    const moduleCount = 3 + int(3);
    const moduleStart = int(list.modules.length - moduleCount + 1);
    const modules = list.modules
      .slice(moduleStart, moduleStart + moduleCount)
      .map((title) => ({ title, hours: 4 + 2 * int(5) }));
    const hours = modules.reduce((sum, m) => sum + m.hours, 0);
    const languages: Language[] = lang !== 'en' && random() < 0.5 ? [lang, 'en'] : [lang];

    // About one in five require an earlier course of the same programme (one in five of those,
    // two): most short courses stand alone, and few trainees have completed two given courses.
    const prerequisites: string[] = [];
    const earlier = Math.floor(c / programmes);
    if (earlier > 0 && random() < 0.2) {
      const wanted = random() < 0.8 ? 1 : 2;
      for (let k = 0; k < wanted; k++) {
        const back = 1 + int(Math.min(earlier, 10));
        const pre = courseIds[c - back * programmes]!;
        if (!prerequisites.includes(pre)) prerequisites.push(pre);
      }
    }

    courseIds.push(id);
    courseLanguage.push(lang);
    calls.push({
      name: 'course.create',
      args: {
        id,
        programmeId: programmeIds[p]!,
        code: `${prefixes[p]!}-${String(1000 + Math.floor(c / programmes)).padStart(4, '0')}`,
        title: pick(list.forms)(topic),
        summary: list.summary(topic, hours),
        level,
        languages,
        hours,
        modules,
        prerequisites,
        tags: [prefixes[p]!.toLowerCase(), topicSlugs[topicIndex]!, level, lang],
        completionRule: { minAttendancePercent: 75 + 5 * int(4), note: '' },
      },
    });
  }

  const patternTotal = decadePatterns.reduce((sum, d) => sum + d.weight, 0);
  // Dates as day numbers from the first Monday, formatted once each (a few thousand, not 40,000).
  const dayCache = new Map<number, string>();
  const day = (n: number): string => {
    let date = dayCache.get(n);
    if (date === undefined) dayCache.set(n, (date = addDays(firstMonday, n)));
    return date;
  };
  for (let s = 0; s < sessions && courses > 0; s++) {
    const c = int(courses);
    const lang = courseLanguage[c]!;
    const country = random() < 0.5 ? pick(languageCountries[lang]) : pick(partnerCountries);
    const place = demoCountries[country];
    const host = pick(place.hosts);
    const pattern = weighted(random, decadePatterns, (d) => d.weight, patternTotal);
    const week =
      random() < historyShare
        ? int(historyWeeks)
        : historyWeeks + Math.floor((startWeeks - historyWeeks) * random() ** 2);
    const start = 7 * week + pattern.first;
    const startDate = day(start);
    const endDate = day(start - pattern.first + 7 * (pattern.weeks - 1) + pattern.last);
    const enrolmentOpens = day(start - 60);
    const enrolmentCloses = day(start - 7);
    const roll = random();
    let status: SessionStatus;
    if (endDate < today) status = roll < 0.03 ? 'cancelled' : 'closed';
    else if (startDate <= today) status = 'open';
    else if (roll < 0.02) status = 'cancelled';
    else if (roll < 0.1 && enrolmentOpens > today) status = 'draft';
    else status = 'open';
    const instructors = random() < 0.6 ? [pick(place.instructors)] : place.instructors.slice(0, 2);

    calls.push({
      name: 'session.create',
      args: {
        id: `decade-session-${String(s + 1).padStart(6, '0')}`,
        courseId: courseIds[c]!,
        title: '',
        startDate,
        endDate,
        timeZone: place.timeZone,
        mode: pattern.mode,
        site: pattern.mode === 'online' && random() < 0.5 ? '' : host.site,
        city: host.city,
        country,
        capacity: capacityOf(pattern.mode, int),
        instructors,
        enrolmentOpens,
        enrolmentCloses,
        status,
        schedule: {
          weekdays: [...pattern.weekdays],
          startTime: pattern.startTime,
          endTime: pattern.endTime,
        },
      },
    });
  }
  return calls;
}

/** What a list of calls creates, by table: the bench reports these after loading the decade set. */
export type CatalogueCounts = {
  programmes: number;
  courses: number;
  sessions: number;
  meetings: number;
};

/**
 * How many dates `classDates` gives for a session, counted without making them (ten times faster
 * over the ~108,000 class days of the decade set).
 */
export function classDayCount(
  startDate: string,
  endDate: string,
  weekdays: readonly number[],
): number {
  const first = Date.parse(`${startDate}T00:00:00Z`) / 86_400_000;
  const last = Date.parse(`${endDate}T00:00:00Z`) / 86_400_000;
  let count = 0;
  for (let day = first; day <= last && count <= maxMeetingsPerSession; day++)
    // Day 0, 1970-01-01, was a Thursday (ISO weekday 4).
    if (weekdays.includes(((((day + 3) % 7) + 7) % 7) + 1)) count++;
  return count;
}

/** Counts the programmes, courses, sessions and generated class days a list of create calls makes. */
export function decadeCounts(calls: readonly MutationCall[]): CatalogueCounts {
  const counts: CatalogueCounts = { programmes: 0, courses: 0, sessions: 0, meetings: 0 };
  for (const call of calls) {
    if (call.name === 'programme.create') counts.programmes++;
    else if (call.name === 'course.create') counts.courses++;
    else if (call.name === 'session.create') {
      counts.sessions++;
      counts.meetings += classDayCount(
        call.args.startDate,
        call.args.endDate,
        call.args.schedule.weekdays,
      );
    }
  }
  return counts;
}
