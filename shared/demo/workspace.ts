import type { MutationArgs, MutationCall } from '../mutations';
import type { Assessment, CourseLevel, SessionMode, SessionStatus } from '../domain/catalogue';
import type { courseLanguages } from '../domain/values';
import { isIsoDate } from '../domain/values';
import { addDays, classDates, isoWeekday, meetingId } from '../domain/schedule';
import { demoCountries, type PartnerCountry } from './places';

type Language = (typeof courseLanguages)[number];
type ProgrammeKey = 'cubesat' | 'scientist' | 'lunar' | 'planetary' | 'asteroid';

/** Id of a demo programme, from its short key. */
export const demoProgrammeId = (key: ProgrammeKey): string => `demo-prog-${key}`;
/** Id of a demo course, from its code (CSD-101 → demo-course-csd-101). */
export const demoCourseId = (code: string): string => `demo-course-${code.toLowerCase()}`;
/** Id of an assessment of CSD-101, the course run as a team project in the demo. */
export const demoAssessmentId = (key: 'quiz' | 'pdr' | 'cdr'): string => `demo-asm-csd-101-${key}`;

/** The five programmes of the demo workspace (also named by the decade benchmark set). */
export const demoProgrammes: readonly (MutationArgs['programme.create'] & {
  key: ProgrammeKey;
  prefix: string;
})[] = [
  {
    key: 'cubesat',
    prefix: 'CSD',
    id: demoProgrammeId('cubesat'),
    name: 'CubeSat Design',
    description:
      'Hands-on training that takes university and agency teams from a mission idea to a flight-ready CubeSat: ' +
      'systems engineering, power and attitude control, communications and ground stations, payload design, and ' +
      'assembly, integration and test. Built for countries preparing their first satellites, it draws on the ' +
      'experience of ICUBE-Q, the Pakistani CubeSat that reached lunar orbit with Chang’e-6, and runs in English, ' +
      'Chinese, Arabic, French, Spanish and Turkish at partner sites from Islamabad to Lima.',
  },
  {
    key: 'scientist',
    prefix: 'DST',
    id: demoProgrammeId('scientist'),
    name: 'Deep-Space Scientist Training',
    description:
      'Short courses for early-career scientists and engineers at IDSEA member institutions who want to take part ' +
      'in deep-space missions: science and engineering fundamentals, writing competitive payload proposals, ' +
      'deep-space communications and navigation, open data pipelines and mission operations. Cohorts meet in ' +
      'Hefei, online and at regional hubs in Africa, Asia, Europe and Latin America, in support of the ' +
      'association’s aim of 100,000 individual scientist members within a decade.',
  },
  {
    key: 'lunar',
    prefix: 'LSS',
    id: demoProgrammeId('lunar'),
    name: 'Lunar Science and Samples',
    description:
      'Lunar geology, sample science and surface operations built around China’s lunar exploration programme: ' +
      'laboratory analysis of the Chang’e-5 samples lent to seven institutions in six countries, the far-side ' +
      'samples and international payloads of Chang’e-6, the south-pole partner payloads of Chang’e-7 (around 2026) ' +
      'and Chang’e-8 (around 2029), and operations planning for the International Lunar Research Station. Courses ' +
      'combine lectures with practice in curation, contamination control and analytical methods.',
  },
  {
    key: 'planetary',
    prefix: 'PEX',
    id: demoProgrammeId('planetary'),
    name: 'Planetary Exploration',
    description:
      'Planetary science and mission design beyond the Moon, with a focus on Mars: planetary geology and remote ' +
      'sensing, landing-site selection, and the architecture of the Tianwen-3 Mars sample return mission (around ' +
      '2028), which offers 20 kg of payload to international partners. Advanced courses cover planetary protection ' +
      'and sample containment. Run with partners including the Institut de Physique du Globe de Paris and the ' +
      '“Planetary Exploration, Horizon 2061” initiative.',
  },
  {
    key: 'asteroid',
    prefix: 'ADF',
    id: demoProgrammeId('asteroid'),
    name: 'Asteroid Defence',
    description:
      'Detection, tracking and characterisation of near-Earth objects, impact risk assessment and orbit ' +
      'determination, and the design of deflection missions such as kinetic impactors. Trainees work with open ' +
      'survey data and learn how observatories in member countries can contribute astrometry and follow-up ' +
      'observations to the international planetary-defence effort.',
  },
];

type CourseSpec = {
  programme: ProgrammeKey;
  code: string;
  level: CourseLevel;
  languages: Language[];
  title: string;
  summary: string;
  /** Syllabus modules: title and hours; the course hours are their sum. */
  modules: [string, number][];
  requires?: string[];
  tags: string[];
  attendance: number;
  note?: string;
  /** Assessments of the course; all of them are required for completion. */
  assessments?: Assessment[];
};

// Listed in prerequisite order: a course comes after every course it requires.
const courses: readonly CourseSpec[] = [
  // ── CubeSat Design ────────────────────────────────────────────────────────────────────────
  {
    programme: 'cubesat',
    code: 'CSD-101',
    level: 'introductory',
    languages: ['en'],
    title: 'CubeSat Systems Engineering Fundamentals',
    summary:
      'Mission design, subsystems and budgets for a 1U–3U CubeSat. Trainees learn to turn a mission objective into ' +
      'requirements, size the power, mass and link budgets, and review a design as a team. The course closes with a ' +
      'concept review in front of engineers from a partner agency.',
    modules: [
      ['Mission analysis and requirements', 8],
      ['Structures and thermal design', 6],
      ['Power and energy budgets', 8],
      ['Communications and link budgets', 8],
      ['Concept design review', 6],
    ],
    tags: ['cubesat', 'systems engineering', 'beginner'],
    attendance: 80,
    note: 'Trainees must present their team’s concept design at the final review.',
    assessments: [
      {
        id: demoAssessmentId('quiz'),
        title: 'Subsystems and budgets quiz',
        kind: 'individual',
        passScore: 60,
      },
      {
        id: demoAssessmentId('pdr'),
        title: 'Preliminary Design Review',
        kind: 'team',
        passScore: 60,
      },
      { id: demoAssessmentId('cdr'), title: 'Critical Design Review', kind: 'team', passScore: 60 },
    ],
  },
  {
    programme: 'cubesat',
    code: 'CSD-102',
    level: 'introductory',
    languages: ['zh', 'en'],
    title: '立方星设计入门',
    summary:
      '面向初学者的立方星（CubeSat）系统设计课程：任务分析、结构、电源、通信与姿态控制的基本概念，以及质量与功率预算。' +
      '学员分组完成一颗1U立方星的概念设计，并在结课时进行方案评审。课程以巴基斯坦立方星ICUBE-Q随嫦娥六号飞往月球的经验为案例。',
    modules: [
      ['立方星任务分析', 8],
      ['结构与热设计', 6],
      ['电源与能量预算', 8],
      ['通信链路与地面站', 8],
      ['概念设计评审', 6],
    ],
    tags: ['cubesat', '立方星', 'ICUBE-Q'],
    attendance: 80,
    note: '结课评审须以小组形式完成。',
  },
  {
    programme: 'cubesat',
    code: 'CSD-110',
    level: 'introductory',
    languages: ['ar'],
    title: 'مقدمة في تصميم الأقمار الصناعية المكعبة',
    summary:
      'دورة تمهيدية في تصميم الأقمار الصناعية المكعبة (CubeSat): تحليل المهمة، والهيكل، ونظام الطاقة، والاتصالات، ' +
      'والتحكم في الاتجاه. يعمل المتدربون في فرق لإعداد تصميم مفاهيمي لقمر بحجم 1U وعرضه في مراجعة ختامية.',
    modules: [
      ['تحليل المهمة والمتطلبات', 8],
      ['الهيكل والتصميم الحراري', 6],
      ['نظام الطاقة وميزانية القدرة', 8],
      ['الاتصالات والمحطات الأرضية', 8],
      ['مراجعة التصميم المفاهيمي', 6],
    ],
    tags: ['cubesat', 'أقمار مكعبة', 'beginner'],
    attendance: 80,
    note: 'يشترط حضور المراجعة الختامية.',
  },
  {
    programme: 'cubesat',
    code: 'CSD-120',
    level: 'introductory',
    languages: ['tr', 'en'],
    title: 'Küp Uydu Tasarımı Atölyesi',
    summary:
      'Uygulamalı küp uydu (CubeSat) tasarım atölyesi: görev analizi, alt sistem seçimi, güç ve kütle bütçeleri. ' +
      'Katılımcılar ekipler hâlinde 1U bir uydunun kavramsal tasarımını hazırlar ve ODTÜ’de yapılan bir tasarım ' +
      'gözden geçirmesinde sunar. Türkiye’nin yanı sıra Azerbaycan ve Orta Asya’dan katılımcılara açıktır.',
    modules: [
      ['Görev analizi ve gereksinimler', 6],
      ['Alt sistemler ve bileşen seçimi', 8],
      ['Güç, kütle ve bağlantı bütçeleri', 8],
      ['Tasarım gözden geçirmesi', 6],
    ],
    tags: ['cubesat', 'küp uydu', 'workshop'],
    attendance: 80,
  },
  {
    programme: 'cubesat',
    code: 'CSD-201',
    level: 'intermediate',
    languages: ['en'],
    title: 'CubeSat Power and Attitude Subsystems',
    summary:
      'Designing and testing the electrical power system and the attitude determination and control system of a ' +
      'CubeSat. Trainees size solar arrays and batteries, choose sensors and actuators, and tune a detumbling and ' +
      'pointing controller on a hardware-in-the-loop bench.',
    modules: [
      ['Solar arrays, batteries and power distribution', 10],
      ['Attitude sensors and actuators', 8],
      ['Control laws: detumbling and pointing', 10],
      ['Hardware-in-the-loop testing', 12],
    ],
    requires: ['CSD-101'],
    tags: ['cubesat', 'power', 'ADCS'],
    attendance: 85,
    note: 'All bench sessions are compulsory.',
  },
  {
    programme: 'cubesat',
    code: 'CSD-205',
    level: 'intermediate',
    languages: ['en', 'es'],
    title: 'Ground Stations and Amateur-Band Communications',
    summary:
      'Building and operating a low-cost ground station for a university CubeSat: antennas, software-defined radio, ' +
      'frequency coordination with the IARU and the ITU, and scheduling passes. Each team receives telemetry from a ' +
      'satellite in orbit before the course ends.',
    modules: [
      ['Link budgets and antennas', 8],
      ['Software-defined radio receivers', 8],
      ['Frequency coordination (IARU, ITU)', 4],
      ['Pass planning and operations', 8],
    ],
    requires: ['CSD-101'],
    tags: ['ground station', 'communications', 'SDR'],
    attendance: 80,
  },
  {
    programme: 'cubesat',
    code: 'CSD-210',
    level: 'intermediate',
    languages: ['fr'],
    title: 'Conception de nanosatellites : charge utile et intégration',
    summary:
      'Du besoin scientifique à la charge utile : choix des capteurs, interfaces électriques et mécaniques, budget de ' +
      'données et essais d’intégration. Les équipes conçoivent la charge utile d’un CubeSat 3U et présentent leur ' +
      'dossier à une revue de conception préliminaire.',
    modules: [
      ['Du besoin scientifique aux exigences', 6],
      ['Capteurs et instruments miniaturisés', 8],
      ['Interfaces et documents de contrôle', 6],
      ['Essais d’intégration et d’environnement', 8],
      ['Revue de conception préliminaire', 4],
    ],
    requires: ['CSD-101'],
    tags: ['cubesat', 'charge utile', 'francophone'],
    attendance: 80,
    note: 'Présence obligatoire à la revue de conception.',
  },
  {
    programme: 'cubesat',
    code: 'CSD-220',
    level: 'intermediate',
    languages: ['es'],
    title: 'Diseño de misiones CubeSat: de la idea al lanzamiento',
    summary:
      'Curso práctico de diseño de misiones CubeSat en español: definición de objetivos, análisis de órbitas, ' +
      'presupuestos de masa y potencia, y planificación de la campaña de lanzamiento. Incluye casos de CubeSats ' +
      'universitarios de América Latina y un proyecto en equipo.',
    modules: [
      ['Objetivos y requisitos de la misión', 6],
      ['Análisis orbital y cobertura', 8],
      ['Presupuestos de masa, potencia y enlace', 8],
      ['Campaña de lanzamiento y operaciones', 6],
      ['Proyecto en equipo', 8],
    ],
    requires: ['CSD-101'],
    tags: ['cubesat', 'misiones', 'América Latina'],
    attendance: 75,
  },
  {
    programme: 'cubesat',
    code: 'CSD-301',
    level: 'advanced',
    languages: ['en', 'ur'],
    title: 'Lessons from ICUBE-Q: A CubeSat to the Moon',
    summary:
      'A case-study course on ICUBE-Q, the CubeSat built by Pakistan’s Institute of Space Technology with SUPARCO ' +
      'and Shanghai Jiao Tong University that flew to lunar orbit on Chang’e-6. Trainees follow the mission from proposal to operations: payload ' +
      'accommodation on a host spacecraft, radiation and thermal design for cislunar space, and deep-space ' +
      'communications with a small satellite.',
    modules: [
      ['Riding on a host spacecraft: interfaces and reviews', 8],
      ['Radiation and thermal design beyond low Earth orbit', 8],
      ['Cislunar communications and ranging', 8],
      ['Operations and lessons learned', 6],
    ],
    requires: ['CSD-201'],
    tags: ['cubesat', 'ICUBE-Q', "Chang'e-6", 'lunar orbit'],
    attendance: 85,
  },
  {
    programme: 'cubesat',
    code: 'CSD-310',
    level: 'advanced',
    languages: ['en', 'pt'],
    title: 'Assembly, Integration and Test for Launch Readiness',
    summary:
      'Taking a CubeSat through assembly, integration and environmental testing: clean-room practice, vibration and ' +
      'thermal-vacuum campaigns, and the documentation a launch provider expects. Laboratory work uses the test ' +
      'facilities of the host site.',
    modules: [
      ['Clean-room practice and handling', 6],
      ['Integration procedures and checklists', 8],
      ['Vibration and shock testing', 8],
      ['Thermal-vacuum testing', 8],
      ['Launch readiness documentation', 6],
    ],
    requires: ['CSD-201', 'CSD-205'],
    tags: ['cubesat', 'AIT', 'testing'],
    attendance: 90,
    note: 'Laboratory safety induction required on day one.',
  },
  // ── Deep-Space Scientist Training ─────────────────────────────────────────────────────────
  {
    programme: 'scientist',
    code: 'DST-101',
    level: 'introductory',
    languages: ['en', 'zh'],
    title: 'Foundations of Deep-Space Science',
    summary:
      'An introduction for early-career scientists: orbital mechanics, the space environment, remote-sensing and ' +
      'in-situ instruments, and how mission data reach researchers. Examples come from the Chang’e lunar missions ' +
      'and Tianwen-1.',
    modules: [
      ['Orbital mechanics for scientists', 8],
      ['The deep-space environment', 6],
      ['Remote-sensing and in-situ instruments', 8],
      ['From telemetry to science data', 6],
    ],
    tags: ['deep space', 'early career', 'foundations'],
    attendance: 75,
  },
  {
    programme: 'scientist',
    code: 'DST-110',
    level: 'introductory',
    languages: ['ru'],
    title: 'Основы исследования дальнего космоса',
    summary:
      'Вводный курс для молодых учёных: небесная механика, среда дальнего космоса, научные приборы и обработка ' +
      'данных. Рассматриваются лунные миссии «Чанъэ» и миссия «Тяньвэнь-3» по доставке грунта с Марса.',
    modules: [
      ['Небесная механика и траектории', 8],
      ['Радиационная среда и защита', 6],
      ['Научные приборы космических аппаратов', 8],
      ['Обработка и анализ данных', 8],
    ],
    tags: ['дальний космос', 'deep space', 'early career'],
    attendance: 75,
  },
  {
    programme: 'scientist',
    code: 'DST-120',
    level: 'introductory',
    languages: ['ar'],
    title: 'أساسيات علوم الفضاء السحيق',
    summary:
      'مدخل إلى علوم استكشاف الفضاء السحيق للعلماء في بداية مسيرتهم: ميكانيكا المدارات، وبيئة الفضاء، وأجهزة ' +
      'الاستشعار، وتحليل البيانات العلمية. تستعرض الدورة بعثات تشانغ آه إلى القمر وبعثة تيانون-3 لإعادة عينات من المريخ.',
    modules: [
      ['ميكانيكا المدارات', 8],
      ['بيئة الفضاء والإشعاع', 6],
      ['الأجهزة العلمية والاستشعار', 8],
      ['تحليل البيانات العلمية', 8],
    ],
    tags: ['الفضاء السحيق', 'deep space', 'early career'],
    attendance: 75,
  },
  {
    programme: 'scientist',
    code: 'DST-210',
    level: 'intermediate',
    languages: ['en'],
    title: 'Writing Competitive Payload Proposals',
    summary:
      'How international partners win a place on a mission: reading an announcement of opportunity, science ' +
      'traceability matrices, mass, power and data budgets, and the review process. The running example is the ' +
      '20 kg of payload Tianwen-3 offers to international partners, alongside the partner payloads of Chang’e-7 ' +
      'and Chang’e-8.',
    modules: [
      ['Announcements of opportunity and selection', 4],
      ['Science traceability matrix', 8],
      ['Resource budgets and accommodation', 6],
      ['Proposal writing workshop', 10],
      ['Mock review panel', 4],
    ],
    requires: ['DST-101'],
    tags: ['proposals', 'payloads', 'Tianwen-3'],
    attendance: 85,
    note: 'A draft proposal is required to complete the course.',
  },
  {
    programme: 'scientist',
    code: 'DST-220',
    level: 'intermediate',
    languages: ['en', 'ru'],
    title: 'Deep-Space Communications and Navigation',
    summary:
      'Tracking, telemetry and command beyond Earth orbit: deep-space networks, radiometric ranging and Doppler, ' +
      'delta-DOR and VLBI, and orbit determination for lunar and Mars missions. Includes exercises with recorded ' +
      'tracking data.',
    modules: [
      ['Deep-space networks and link design', 8],
      ['Ranging, Doppler and delta-DOR', 8],
      ['Orbit determination', 10],
      ['Exercises with tracking data', 6],
    ],
    requires: ['DST-101'],
    tags: ['communications', 'navigation', 'VLBI'],
    attendance: 80,
  },
  {
    programme: 'scientist',
    code: 'DST-230',
    level: 'intermediate',
    languages: ['en', 'pt', 'id'],
    title: 'Space Science Data Pipelines with Open Tools',
    summary:
      'Finding, reading and processing planetary mission data with open-source tools: data archives and formats, ' +
      'calibration levels, reproducible notebooks and version control. Designed for trainees who work offline much ' +
      'of the time, from Jakarta to São Paulo.',
    modules: [
      ['Planetary data archives and formats', 6],
      ['Calibration levels and metadata', 6],
      ['Reproducible notebooks', 8],
      ['Working offline and sharing results', 4],
    ],
    requires: ['DST-101'],
    tags: ['data', 'open source', 'reproducibility'],
    attendance: 75,
  },
  {
    programme: 'scientist',
    code: 'DST-310',
    level: 'advanced',
    languages: ['en', 'zh'],
    title: 'Mission Operations and Science Planning',
    summary:
      'How a science team runs an instrument in flight: operations concepts, command sequences, daily planning ' +
      'cycles, anomaly handling and data release. Trainees take shifts in a simulated operations centre modelled on ' +
      'Chang’e surface operations.',
    modules: [
      ['Operations concepts and roles', 6],
      ['Planning cycles and command sequences', 8],
      ['Anomaly handling', 6],
      ['Simulated operations shifts', 12],
    ],
    requires: ['DST-210', 'DST-220'],
    tags: ['operations', 'science planning', 'simulation'],
    attendance: 90,
  },
  // ── Lunar Science and Samples ─────────────────────────────────────────────────────────────
  {
    programme: 'lunar',
    code: 'LSS-101',
    level: 'introductory',
    languages: ['en'],
    title: 'Introduction to Lunar Geology',
    summary:
      'The Moon’s origin, crust and volcanic history, impact cratering and regolith, and what the Apollo, Luna and ' +
      'Chang’e samples have taught us. Trainees read lunar maps and identify rock types in thin sections.',
    modules: [
      ['Origin and evolution of the Moon', 6],
      ['Impact cratering and regolith', 6],
      ['Mare volcanism and highland crust', 6],
      ['Reading lunar maps and thin sections', 8],
    ],
    tags: ['lunar', 'geology', 'beginner'],
    attendance: 75,
  },
  {
    programme: 'lunar',
    code: 'LSS-201',
    level: 'intermediate',
    languages: ['zh', 'en'],
    title: '嫦娥五号月球样品的实验室分析',
    summary:
      '介绍嫦娥五号返回的月球样品：采样背景、样品分类与借用程序，以及岩石学、矿物学和同位素年代学的常用分析方法。' +
      '课程结合2025年向六个国家七家机构出借样品的实践，讲授洁净操作、数据记录与成果发表规范。',
    modules: [
      ['嫦娥五号任务与采样区地质', 6],
      ['样品借用申请与管理规范', 4],
      ['岩石学与矿物学分析', 10],
      ['同位素年代学', 8],
      ['数据记录与论文写作', 6],
    ],
    requires: ['LSS-101'],
    tags: ["Chang'e-5", '月球样品', 'laboratory'],
    attendance: 85,
    note: '实验课须全部出席。',
  },
  {
    programme: 'lunar',
    code: 'LSS-210',
    level: 'intermediate',
    languages: ['zh'],
    title: '嫦娥六号：月球背面采样与国际载荷',
    summary:
      '嫦娥六号首次从月球背面南极-艾特肯盆地采样返回，并搭载了巴基斯坦立方星ICUBE-Q以及法国、瑞典和意大利的科学载荷。' +
      '本课程讲解任务设计、国际载荷的接口与协调流程，以及月球背面样品的科学意义。',
    modules: [
      ['任务概况与着陆区', 6],
      ['国际载荷：ICUBE-Q、DORN、NILS与INRRI', 8],
      ['载荷接口控制文件', 6],
      ['月球背面样品的科学问题', 6],
    ],
    requires: ['LSS-101'],
    tags: ["Chang'e-6", '月球背面', '国际合作'],
    attendance: 80,
  },
  {
    programme: 'lunar',
    code: 'LSS-220',
    level: 'intermediate',
    languages: ['en', 'fr'],
    title: 'Curation and Contamination Control for Returned Samples',
    summary:
      'How returned extraterrestrial samples are received, stored, split and lent without contaminating them: ' +
      'clean-room and glovebox practice, chain of custody, and the loan agreements used for the Chang’e-5 samples. ' +
      'Taught with curators from partner laboratories.',
    modules: [
      ['Curation facilities and glovebox practice', 8],
      ['Contamination control and witness plates', 6],
      ['Chain of custody and loan agreements', 4],
      ['Sample splitting practicum', 8],
    ],
    requires: ['LSS-101'],
    tags: ['curation', 'samples', 'clean room'],
    attendance: 90,
  },
  {
    programme: 'lunar',
    code: 'LSS-230',
    level: 'intermediate',
    languages: ['ru'],
    title: 'Лунные ретрорефлекторы и лазерная локация Луны',
    summary:
      'Курс о лазерной локации Луны: принципы работы уголковых отражателей, измерение расстояния Земля — Луна и задачи ' +
      'лунной геодезии. Разбираются ретрорефлектор INRRI на «Чанъэ-6» и отражатели, которые планируются для ' +
      'Международной научной лунной станции.',
    modules: [
      ['Принципы лазерной локации', 6],
      ['Конструкция уголковых отражателей', 6],
      ['Обработка нормальных точек', 8],
      ['Лунная геодезия и проверка теории гравитации', 6],
    ],
    requires: ['LSS-101'],
    tags: ['ретрорефлекторы', 'laser ranging', 'ILRS'],
    attendance: 80,
  },
  {
    programme: 'lunar',
    code: 'LSS-305',
    level: 'advanced',
    languages: ['en', 'zh'],
    title: 'Chang’e-7 and Chang’e-8 Payload Science at the Lunar South Pole',
    summary:
      'The science cases and partner payloads of Chang’e-7 (around 2026) and Chang’e-8 (around 2029, Leibnitz-Beta ' +
      'Plateau): rovers, robots, spectrometers, retroreflectors and radio arrays. Trainees analyse landing-site data ' +
      'and draft an observation plan for one partner instrument.',
    modules: [
      ['The lunar south pole: volatiles and illumination', 6],
      ['Chang’e-7 payloads and science objectives', 8],
      ['Chang’e-8 and the Leibnitz-Beta Plateau', 8],
      ['Observation planning for a partner instrument', 10],
    ],
    requires: ['LSS-201'],
    tags: ["Chang'e-7", "Chang'e-8", 'south pole', 'payloads'],
    attendance: 85,
  },
  {
    programme: 'lunar',
    code: 'LSS-310',
    level: 'advanced',
    languages: ['en', 'zh', 'ru'],
    title: 'International Lunar Research Station: Surface Operations Planning',
    summary:
      'Planning long-duration robotic operations for the International Lunar Research Station: power and thermal ' +
      'survival through the lunar night, communications relays, shared infrastructure and interfaces for partner ' +
      'payloads. Teams produce an operations concept for one ILRS experiment.',
    modules: [
      ['ILRS architecture and phases', 6],
      ['Surviving the lunar night', 6],
      ['Relays, networks and shared infrastructure', 6],
      ['Partner payload interfaces', 6],
      ['Team operations concept', 8],
    ],
    requires: ['LSS-305'],
    tags: ['ILRS', 'operations', 'lunar base'],
    attendance: 85,
  },
  // ── Planetary Exploration ─────────────────────────────────────────────────────────────────
  {
    programme: 'planetary',
    code: 'PEX-101',
    level: 'introductory',
    languages: ['en'],
    title: 'Planetary Science for Engineers',
    summary:
      'A tour of the Solar System for engineers joining science missions: planetary interiors, surfaces and ' +
      'atmospheres, and the measurements that reveal them. Each topic ends with the instrument requirements it ' +
      'implies.',
    modules: [
      ['Formation of the Solar System', 4],
      ['Planetary interiors and surfaces', 6],
      ['Atmospheres and climates', 6],
      ['From science question to instrument requirement', 6],
    ],
    tags: ['planetary science', 'engineers', 'beginner'],
    attendance: 75,
  },
  {
    programme: 'planetary',
    code: 'PEX-220',
    level: 'intermediate',
    languages: ['en', 'zh'],
    title: 'Tianwen-3 Mars Sample Return: Mission Architecture',
    summary:
      'The architecture of China’s Tianwen-3 Mars sample return mission (around 2028): launch and cruise, entry, ' +
      'descent and landing, sample acquisition, Mars ascent and Earth return. The course also explains how partners ' +
      'can propose for the 20 kg of international payload.',
    modules: [
      ['Mission phases and launch windows', 6],
      ['Entry, descent and landing', 8],
      ['Sample acquisition and Mars ascent', 8],
      ['Earth return and sample receiving', 6],
      ['International payload opportunities', 4],
    ],
    requires: ['PEX-101'],
    tags: ['Tianwen-3', 'Mars', 'sample return'],
    attendance: 80,
  },
  {
    programme: 'planetary',
    code: 'PEX-230',
    level: 'intermediate',
    languages: ['fr'],
    title: 'Géologie martienne et choix des sites d’atterrissage',
    summary:
      'Introduction à la géologie de Mars pour les futures missions de retour d’échantillons, dont Tianwen-3 (vers ' +
      '2028). Les stagiaires étudient les unités géologiques, les contraintes d’ingénierie et les critères ' +
      'scientifiques qui guident le choix d’un site d’atterrissage, avec l’initiative « Horizon 2061 ».',
    modules: [
      ['Histoire géologique de Mars', 6],
      ['Minéralogie et habitabilité', 6],
      ['Contraintes d’ingénierie de l’atterrissage', 6],
      ['Atelier : évaluer un site candidat', 8],
    ],
    requires: ['PEX-101'],
    tags: ['Mars', 'géologie', 'sites d’atterrissage'],
    attendance: 80,
  },
  {
    programme: 'planetary',
    code: 'PEX-240',
    level: 'intermediate',
    languages: ['ar'],
    title: 'الاستشعار عن بعد لأسطح الكواكب',
    summary:
      'تقنيات الاستشعار عن بعد لدراسة أسطح الكواكب: التصوير الطيفي، والرادار، وقياس الارتفاعات بالليزر. ' +
      'يتدرب المشاركون على معالجة بيانات مفتوحة من بعثات إلى القمر والمريخ لرسم خرائط جيولوجية واختيار مواقع الهبوط.',
    modules: [
      ['مبادئ الاستشعار عن بعد', 6],
      ['التصوير الطيفي ورسم خرائط المعادن', 8],
      ['الرادار وقياس الارتفاعات', 6],
      ['مشروع: خريطة جيولوجية لموقع هبوط', 8],
    ],
    requires: ['PEX-101'],
    tags: ['الاستشعار عن بعد', 'remote sensing', 'Mars'],
    attendance: 80,
  },
  {
    programme: 'planetary',
    code: 'PEX-310',
    level: 'advanced',
    languages: ['en'],
    title: 'Planetary Protection and Sample Containment',
    summary:
      'Protecting other worlds from Earth life and Earth from returned samples: COSPAR categories, bioburden ' +
      'reduction, and the containment chain for Mars samples from capsule recovery to the receiving facility.',
    modules: [
      ['COSPAR policy and mission categories', 4],
      ['Bioburden reduction and assays', 8],
      ['Restricted Earth return and containment', 8],
      ['Sample receiving facility design', 6],
    ],
    requires: ['PEX-220'],
    tags: ['planetary protection', 'COSPAR', 'Mars'],
    attendance: 90,
  },
  // ── Asteroid Defence ──────────────────────────────────────────────────────────────────────
  {
    programme: 'asteroid',
    code: 'ADF-110',
    level: 'introductory',
    languages: ['en'],
    title: 'Near-Earth Objects: Detection and Tracking',
    summary:
      'How near-Earth asteroids and comets are found and followed up: survey telescopes, astrometry and photometry, ' +
      'reporting to the Minor Planet Center, and what a small observatory can contribute. Includes night-time ' +
      'observing where the weather allows.',
    modules: [
      ['The near-Earth object population', 4],
      ['Surveys and follow-up observation', 6],
      ['Astrometry and reporting', 8],
      ['Observing night', 4],
    ],
    tags: ['asteroids', 'NEO', 'astrometry'],
    attendance: 75,
  },
  {
    programme: 'asteroid',
    code: 'ADF-210',
    level: 'intermediate',
    languages: ['en'],
    title: 'Impact Risk Assessment and Orbit Determination',
    summary:
      'From a handful of observations to an impact probability: orbit determination, uncertainty propagation, ' +
      'keyholes and close approaches, and the Torino and Palermo scales. Trainees compute the risk corridor of a ' +
      'fictitious asteroid.',
    modules: [
      ['Orbit determination from astrometry', 8],
      ['Uncertainty and close approaches', 8],
      ['Impact probability and risk scales', 6],
      ['Exercise: a fictitious impactor', 6],
    ],
    requires: ['ADF-110'],
    tags: ['asteroids', 'impact risk', 'orbits'],
    attendance: 80,
  },
  {
    programme: 'asteroid',
    code: 'ADF-220',
    level: 'intermediate',
    languages: ['zh'],
    title: '近地小行星监测与防御',
    summary:
      '系统介绍近地小行星的发现、编目与轨道确定，撞击风险评估方法，以及动能撞击等防御技术路线。' +
      '课程包括利用公开观测数据进行轨道拟合的上机实践。',
    modules: [
      ['近地天体概况与巡天项目', 6],
      ['天体测量与轨道确定', 8],
      ['撞击风险评估', 6],
      ['动能撞击与防御任务设计', 8],
      ['上机实践：轨道拟合', 6],
    ],
    requires: ['ADF-110'],
    tags: ['小行星防御', 'asteroids', 'planetary defence'],
    attendance: 80,
  },
  {
    programme: 'asteroid',
    code: 'ADF-310',
    level: 'advanced',
    languages: ['en', 'zh'],
    title: 'Kinetic Impactor Mission Design',
    summary:
      'Designing a mission to deflect an asteroid: target selection, trajectory design, autonomous terminal ' +
      'guidance, momentum transfer and the observations that measure the result, drawing on the DART experience ' +
      'and China’s planned kinetic-impact test.',
    modules: [
      ['Deflection techniques compared', 4],
      ['Target selection and trajectory design', 8],
      ['Autonomous terminal guidance', 8],
      ['Momentum transfer and measuring the deflection', 8],
    ],
    requires: ['ADF-210'],
    tags: ['planetary defence', 'kinetic impactor', 'mission design'],
    attendance: 85,
  },
];

/** How a session meets: weekdays (ISO, 1 = Monday), times, and the first/last day's offset from Monday. */
const patterns = {
  /** Monday to Friday, a full teaching day. */
  weekdays: { weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '16:00', first: 0, last: 4 },
  /** Sunday to Thursday, the working week in Egypt, Bahrain, Sudan and Algeria. */
  sunThu: { weekdays: [7, 1, 2, 3, 4], startTime: '09:00', endTime: '15:00', first: -1, last: 3 },
  /** Monday to Thursday. */
  monThu: { weekdays: [1, 2, 3, 4], startTime: '08:30', endTime: '15:30', first: 0, last: 3 },
  /** Weekday mornings, for hybrid rooms that share the day with remote trainees. */
  mornings: { weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '13:00', first: 0, last: 4 },
  /** Tuesday and Thursday evenings, online. */
  tueThuEvening: { weekdays: [2, 4], startTime: '18:00', endTime: '20:00', first: 1, last: 3 },
  /** Monday and Wednesday evenings, online. */
  monWedEvening: { weekdays: [1, 3], startTime: '17:30', endTime: '19:30', first: 0, last: 2 },
  /** Sunday and Tuesday evenings, online where the week starts on Sunday. */
  sunTueEvening: { weekdays: [7, 2], startTime: '19:00', endTime: '21:00', first: -1, last: 1 },
} as const;
type PatternKey = keyof typeof patterns;

/**
 * Where a session stands relative to today: past (closed), running now, open for enrolment now,
 * upcoming with enrolment not yet open, draft, cancelled.
 */
type Kind = 'past' | 'finished' | 'running' | 'enrolling' | 'upcoming' | 'draft' | 'cancelled';
const statusOf: Record<Kind, SessionStatus> = {
  past: 'closed',
  // Ended, but still open so late paperwork goes through: its trainees wait for certificates.
  finished: 'open',
  running: 'open',
  enrolling: 'open',
  upcoming: 'open',
  draft: 'draft',
  cancelled: 'cancelled',
};

type SessionSpec = {
  course: string;
  country: PartnerCountry;
  /** Index into the country's hosts (default 0). */
  host?: number;
  kind: Kind;
  /** First week, counted from the week of `today` (0 = this week). */
  week: number;
  weeks: number;
  pattern: PatternKey;
  mode: SessionMode;
  capacity: number;
  /** Instructors; default the first two of the country's list. */
  teach?: string[];
  title?: string;
  /** An online session with no hosting room: site ''. */
  noSite?: boolean;
  /** Running, with enrolment still open for late joiners until two days after today. */
  lateEnrolment?: boolean;
};

// One line per session, read as a table.
// prettier-ignore
const sessions: readonly SessionSpec[] = [
  // CubeSat Design
  { course: 'CSD-101', country: 'PK', kind: 'past', week: -30, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 30 },
  { course: 'CSD-101', country: 'ET', kind: 'past', week: -12, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 24 },
  { course: 'CSD-101', country: 'NG', kind: 'running', week: -1, weeks: 3, pattern: 'weekdays', mode: 'in-person', capacity: 12, title: 'Team project cohort (Africa and Asia)', lateEnrolment: true },
  { course: 'CSD-101', country: 'CN', kind: 'enrolling', week: 4, weeks: 5, pattern: 'tueThuEvening', mode: 'online', capacity: 40, teach: ['陈静', 'Dr. Ayesha Siddiqui'], title: 'Evening cohort (online, Beijing time)' },
  { course: 'CSD-102', country: 'CN', kind: 'past', week: -20, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 36 },
  { course: 'CSD-102', country: 'HK', kind: 'enrolling', week: 5, weeks: 2, pattern: 'mornings', mode: 'hybrid', capacity: 30 },
  { course: 'CSD-110', country: 'EG', kind: 'past', week: -16, weeks: 2, pattern: 'sunThu', mode: 'in-person', capacity: 30 },
  { course: 'CSD-110', country: 'BH', kind: 'enrolling', week: 3, weeks: 2, pattern: 'sunThu', mode: 'in-person', capacity: 20 },
  { course: 'CSD-110', country: 'SD', kind: 'enrolling', week: 4, weeks: 5, pattern: 'sunTueEvening', mode: 'online', capacity: 35, noSite: true, teach: ['د. عوض الكريم محمد', 'د. منى عبد الرحمن'] },
  { course: 'CSD-120', country: 'TR', kind: 'past', week: -26, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 24 },
  { course: 'CSD-120', country: 'TR', host: 1, kind: 'enrolling', week: 7, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 28, teach: ['Dr. Zeynep Çelik', 'Dr. Barış Güneş'] },
  { course: 'CSD-201', country: 'PK', host: 1, kind: 'past', week: -8, weeks: 3, pattern: 'weekdays', mode: 'in-person', capacity: 24, teach: ['Dr. Sana Javed', 'ڈاکٹر فرحان ملک'] },
  { course: 'CSD-201', country: 'ZA', host: 1, kind: 'running', week: -1, weeks: 3, pattern: 'weekdays', mode: 'in-person', capacity: 20 },
  { course: 'CSD-205', country: 'PE', kind: 'enrolling', week: 8, weeks: 2, pattern: 'mornings', mode: 'hybrid', capacity: 26 },
  { course: 'CSD-210', country: 'SN', kind: 'enrolling', week: 6, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 25 },
  { course: 'CSD-210', country: 'DZ', kind: 'past', week: -10, weeks: 2, pattern: 'sunThu', mode: 'in-person', capacity: 22 },
  { course: 'CSD-220', country: 'PE', kind: 'past', week: -18, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 30 },
  { course: 'CSD-220', country: 'VE', kind: 'enrolling', week: 4, weeks: 5, pattern: 'tueThuEvening', mode: 'online', capacity: 40 },
  { course: 'CSD-220', country: 'NI', kind: 'draft', week: 18, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 20 },
  { course: 'CSD-301', country: 'PK', host: 1, kind: 'enrolling', week: 9, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 20, title: 'ICUBE-Q team case study' },
  { course: 'CSD-310', country: 'BR', kind: 'enrolling', week: 10, weeks: 3, pattern: 'weekdays', mode: 'in-person', capacity: 16 },
  { course: 'CSD-310', country: 'TH', kind: 'running', week: -1, weeks: 3, pattern: 'monThu', mode: 'in-person', capacity: 16 },
  // Deep-Space Scientist Training
  { course: 'DST-101', country: 'CN', kind: 'past', week: -32, weeks: 3, pattern: 'weekdays', mode: 'in-person', capacity: 40, title: 'Hefei summer school' },
  { course: 'DST-101', country: 'TH', kind: 'finished', week: -2, weeks: 1, pattern: 'weekdays', mode: 'in-person', capacity: 20, title: 'Bangkok short course (finished)', lateEnrolment: true },
  { course: 'DST-101', country: 'CN', kind: 'running', week: -2, weeks: 5, pattern: 'tueThuEvening', mode: 'online', capacity: 40, teach: ['刘晓燕', '张伟 (Zhang Wei)'] },
  { course: 'DST-110', country: 'KZ', kind: 'enrolling', week: 5, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 25 },
  { course: 'DST-110', country: 'BY', kind: 'past', week: -15, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 25 },
  { course: 'DST-120', country: 'EG', host: 1, kind: 'running', week: -1, weeks: 3, pattern: 'sunThu', mode: 'in-person', capacity: 32, teach: ['Dr. Yasmin Farouk', 'د. كريم حسن'] },
  { course: 'DST-120', country: 'BH', kind: 'enrolling', week: 6, weeks: 4, pattern: 'sunTueEvening', mode: 'online', capacity: 40 },
  { course: 'DST-210', country: 'FR', kind: 'past', week: -6, weeks: 2, pattern: 'mornings', mode: 'hybrid', capacity: 24 },
  { course: 'DST-210', country: 'JP', kind: 'enrolling', week: 3, weeks: 4, pattern: 'monWedEvening', mode: 'online', capacity: 40, teach: ['Dr. Kenji Watanabe', '田中 美咲'] },
  { course: 'DST-220', country: 'RU', kind: 'enrolling', week: 8, weeks: 2, pattern: 'mornings', mode: 'hybrid', capacity: 24 },
  { course: 'DST-220', country: 'ZA', kind: 'past', week: -28, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 20 },
  { course: 'DST-230', country: 'ID', kind: 'past', week: -4, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 30, teach: ['Dr. Siti Rahmawati', 'Dr. Dewi Lestari'] },
  { course: 'DST-230', country: 'BR', host: 1, kind: 'enrolling', week: 7, weeks: 4, pattern: 'tueThuEvening', mode: 'online', capacity: 40, teach: ['Dra. Fernanda Conceição'] },
  { course: 'DST-310', country: 'CN', kind: 'upcoming', week: 16, weeks: 3, pattern: 'weekdays', mode: 'in-person', capacity: 20 },
  // Lunar Science and Samples
  { course: 'LSS-101', country: 'GB', kind: 'past', week: -24, weeks: 2, pattern: 'mornings', mode: 'hybrid', capacity: 30 },
  { course: 'LSS-101', country: 'US', kind: 'enrolling', week: 3, weeks: 4, pattern: 'tueThuEvening', mode: 'online', capacity: 40 },
  { course: 'LSS-201', country: 'CN', kind: 'running', week: -1, weeks: 3, pattern: 'weekdays', mode: 'in-person', capacity: 16, teach: ['赵磊', '陈静'] },
  { course: 'LSS-201', country: 'CN', host: 1, kind: 'enrolling', week: 10, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 16, teach: ['刘晓燕', '王海涛'] },
  { course: 'LSS-210', country: 'CN', kind: 'past', week: -9, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 30 },
  { course: 'LSS-210', country: 'HK', host: 1, kind: 'enrolling', week: 4, weeks: 4, pattern: 'monWedEvening', mode: 'online', capacity: 40, teach: ['黃家明 (Wong Ka-ming)', '李詠詩'] },
  { course: 'LSS-220', country: 'FR', kind: 'enrolling', week: 8, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 14 },
  { course: 'LSS-230', country: 'RU', host: 1, kind: 'past', week: -11, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 20, teach: ['Сергей Морозов', 'Ирина Соколова'] },
  { course: 'LSS-305', country: 'DE', kind: 'upcoming', week: 15, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 20 },
  { course: 'LSS-305', country: 'SE', kind: 'past', week: -36, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 18 },
  { course: 'LSS-310', country: 'CN', kind: 'upcoming', week: 20, weeks: 3, pattern: 'weekdays', mode: 'in-person', capacity: 24, title: 'ILRS partners’ workshop' },
  // Planetary Exploration
  { course: 'PEX-101', country: 'US', host: 1, kind: 'past', week: -5, weeks: 4, pattern: 'tueThuEvening', mode: 'online', capacity: 40 },
  { course: 'PEX-220', country: 'CH', kind: 'past', week: -13, weeks: 2, pattern: 'mornings', mode: 'hybrid', capacity: 24 },
  { course: 'PEX-220', country: 'CN', kind: 'enrolling', week: 11, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 30 },
  { course: 'PEX-230', country: 'FR', host: 1, kind: 'enrolling', week: 6, weeks: 4, pattern: 'tueThuEvening', mode: 'online', capacity: 40 },
  { course: 'PEX-240', country: 'DZ', host: 1, kind: 'enrolling', week: 5, weeks: 2, pattern: 'sunThu', mode: 'in-person', capacity: 24, teach: ['د. سليم بوزيد', 'Dr Yasmine Boudiaf'] },
  { course: 'PEX-310', country: 'AZ', kind: 'cancelled', week: 6, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 18 },
  // Asteroid Defence
  { course: 'ADF-110', country: 'RS', kind: 'past', week: -7, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 20 },
  { course: 'ADF-110', country: 'TH', kind: 'enrolling', week: 4, weeks: 2, pattern: 'mornings', mode: 'hybrid', capacity: 28 },
  { course: 'ADF-210', country: 'IR', kind: 'past', week: -17, weeks: 2, pattern: 'weekdays', mode: 'in-person', capacity: 20 },
  { course: 'ADF-210', country: 'IT', kind: 'enrolling', week: 7, weeks: 2, pattern: 'mornings', mode: 'hybrid', capacity: 24 },
  { course: 'ADF-220', country: 'CN', host: 1, kind: 'enrolling', week: 5, weeks: 4, pattern: 'tueThuEvening', mode: 'online', capacity: 40, teach: ['张伟 (Zhang Wei)', '赵磊'] },
  { course: 'ADF-310', country: 'CN', kind: 'upcoming', week: 18, weeks: 3, pattern: 'weekdays', mode: 'in-person', capacity: 20 },
];

/** A short ASCII slug of a place name for ids (São José dos Campos → sao-jose-dos-campos). */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function courseCall(spec: CourseSpec): MutationCall {
  return {
    name: 'course.create',
    args: {
      id: demoCourseId(spec.code),
      programmeId: demoProgrammeId(spec.programme),
      code: spec.code,
      title: spec.title,
      summary: spec.summary,
      level: spec.level,
      languages: spec.languages,
      hours: spec.modules.reduce((sum, [, hours]) => sum + hours, 0),
      modules: spec.modules.map(([title, hours]) => ({ title, hours })),
      prerequisites: (spec.requires ?? []).map(demoCourseId),
      tags: spec.tags,
      completionRule: {
        minAttendancePercent: spec.attendance,
        note: spec.note ?? '',
        requiredAssessments: (spec.assessments ?? []).map((a) => a.id),
      },
      assessments: spec.assessments ?? [],
    },
  };
}

function sessionCall(
  spec: SessionSpec,
  index: number,
  today: string,
  monday: string,
  usedIds: Set<string>,
  instructorIds: ReadonlyMap<string, string>,
): MutationCall {
  const place = demoCountries[spec.country];
  const host = place.hosts[spec.host ?? 0] ?? place.hosts[0]!;
  const pattern = patterns[spec.pattern];
  const instructors = spec.teach ?? place.instructors.slice(0, 2);
  const startDate = addDays(monday, 7 * spec.week + pattern.first);
  const endDate = addDays(monday, 7 * (spec.week + spec.weeks - 1) + pattern.last);
  let enrolmentOpens = addDays(
    startDate,
    spec.kind === 'upcoming' || spec.kind === 'draft' ? -42 : -56,
  );
  if (spec.kind === 'enrolling' || spec.kind === 'cancelled')
    enrolmentOpens = addDays(today, -(7 + ((index * 5) % 21)));
  const enrolmentCloses = spec.lateEnrolment ? addDays(today, 2) : addDays(startDate, -7);

  let id = `demo-session-${spec.course.toLowerCase()}-${slug(host.city)}${spec.mode === 'online' ? '-online' : ''}`;
  for (let n = 2; usedIds.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
  usedIds.add(id);

  return {
    name: 'session.create',
    args: {
      id,
      courseId: demoCourseId(spec.course),
      title: spec.title ?? '',
      startDate,
      endDate,
      timeZone: place.timeZone,
      mode: spec.mode,
      site: spec.noSite ? '' : host.site,
      city: host.city,
      country: spec.country,
      capacity: spec.capacity,
      instructors,
      instructorIds: instructors.flatMap((name) => instructorIds.get(name) ?? []),
      enrolmentOpens,
      enrolmentCloses,
      status: statusOf[spec.kind],
      schedule: {
        weekdays: [...pattern.weekdays],
        startTime: pattern.startTime,
        endTime: pattern.endTime,
      },
    },
  };
}

// ── People ────────────────────────────────────────────────────────────────────────────────

type InstitutionKey =
  | 'dsel'
  | 'suparco'
  | 'ist'
  | 'metu'
  | 'cologne'
  | 'osaka'
  | 'ipgp'
  | 'open'
  | 'nasrda'
  | 'cairo'
  | 'gistda'
  | 'tehran'
  | 'iki'
  | 'ssgi';

/** Id of a demo institution, from its short key. */
export const demoInstitutionId = (key: InstitutionKey): string => `demo-inst-${key}`;

/** Member institutions: hosts of demo sessions (named as in places.ts), by country and host index. */
const institutions: readonly [InstitutionKey, PartnerCountry, number][] = [
  ['dsel', 'CN', 0],
  ['suparco', 'PK', 0],
  ['ist', 'PK', 1],
  ['metu', 'TR', 0],
  ['cologne', 'DE', 0],
  ['osaka', 'JP', 0],
  ['ipgp', 'FR', 0],
  ['open', 'GB', 0],
  ['nasrda', 'NG', 0],
  ['cairo', 'EG', 1],
  ['gistda', 'TH', 0],
  ['tehran', 'IR', 0],
  ['iki', 'RU', 0],
  ['ssgi', 'ET', 0],
];

/** The example mail domain of each country's people (example.edu.pk, example.ac.uk…). */
const mailDomains: Partial<Record<PartnerCountry, string>> = {
  CN: 'example.edu.cn',
  PK: 'example.edu.pk',
  TR: 'example.edu.tr',
  DE: 'example.de',
  JP: 'example.ac.jp',
  FR: 'example.fr',
  GB: 'example.ac.uk',
  NG: 'example.edu.ng',
  EG: 'example.edu.eg',
  TH: 'example.ac.th',
  IR: 'example.ac.ir',
  RU: 'example.ru',
  ET: 'example.edu.et',
  SD: 'example.edu.sd',
  SN: 'example.sn',
  KZ: 'example.kz',
  BY: 'example.by',
  AZ: 'example.az',
  BH: 'example.bh',
  PE: 'example.edu.pe',
  BR: 'example.br',
  ID: 'example.ac.id',
};

type Gender = 'female' | 'male';
/** key, name in the person's own script, Latin name, country, institution ('' = none), languages, gender. */
type PersonRow = [string, string, string, PartnerCountry, InstitutionKey | '', Language[], Gender];

/** Coordinators of the demo workspace. */
// prettier-ignore
const coordinators: readonly PersonRow[] = [
  ['li-ming', '李明', 'Li Ming', 'CN', 'dsel', ['zh', 'en'], 'male'],
  ['sadia-rehman', 'سعدیہ رحمان', 'Sadia Rehman', 'PK', 'suparco', ['ur', 'en'], 'female'],
];

/**
 * Instructors, each with the label sessions name them by (places.ts): a session whose instructor
 * list holds the label gets the person in `instructorIds`, so "Acting as" them shows its class days.
 */
// prettier-ignore
const instructorRows: readonly PersonRow[] = [
  ['chiamaka-okafor', 'Chiamaka Okafor', 'Chiamaka Okafor', 'NG', 'nasrda', ['en'], 'female'],
  ['babatunde-adeyemi', 'Babátúndé Adéyẹmí', 'Babatunde Adeyemi', 'NG', 'nasrda', ['en'], 'male'],
  ['chen-jing', '陈静', 'Chen Jing', 'CN', 'dsel', ['zh', 'en'], 'female'],
  ['liu-xiaoyan', '刘晓燕', 'Liu Xiaoyan', 'CN', 'dsel', ['zh', 'en'], 'female'],
  ['ayesha-siddiqui', 'عائشہ صدیقی', 'Ayesha Siddiqui', 'PK', 'suparco', ['ur', 'en'], 'female'],
  ['kanokwan-srisuk', 'กนกวรรณ ศรีสุข', 'Kanokwan Srisuk', 'TH', 'gistda', ['th', 'en'], 'female'],
  ['yasmin-farouk', 'ياسمين فاروق', 'Yasmin Farouk', 'EG', 'cairo', ['ar', 'en'], 'female'],
];
/** The label each instructor has in session instructor lists. */
const instructorLabels: Record<string, string> = {
  'chiamaka-okafor': 'Dr. Chiamaka Okafor',
  'babatunde-adeyemi': 'Engr. Babatunde Adeyemi',
  'chen-jing': '陈静',
  'liu-xiaoyan': '刘晓燕',
  'ayesha-siddiqui': 'Dr. Ayesha Siddiqui',
  'kanokwan-srisuk': 'Dr. Kanokwan Srisuk',
  'yasmin-farouk': 'Dr. Yasmin Farouk',
};

/** The fourteen who ask for a place in the CSD-101 team-project cohort, in request order (12 places). */
// prettier-ignore
const cohort: readonly PersonRow[] = [
  ['oluwaseyi-adebayo', 'Olúwasèyí Adébáyọ̀', 'Oluwaseyi Adebayo', 'NG', 'nasrda', ['en'], 'male'],
  ['ngozi-eze', 'Ngozi Eze', 'Ngozi Eze', 'NG', 'nasrda', ['en'], 'female'],
  ['abubakar-sani', 'Abubakar Sani', 'Abubakar Sani', 'NG', 'nasrda', ['en'], 'male'],
  ['ifeoma-nwachukwu', 'Ifeoma Nwachukwu', 'Ifeoma Nwachukwu', 'NG', 'nasrda', ['en'], 'female'],
  ['henok-tadesse', 'ሄኖክ ታደሰ', 'Henok Tadesse', 'ET', 'ssgi', ['en'], 'male'],
  ['marta-gebremedhin', 'ማርታ ገብረመድኅን', 'Marta Gebremedhin', 'ET', 'ssgi', ['en'], 'female'],
  ['omar-elshenawy', 'عمر الشناوي', 'Omar El-Shenawy', 'EG', 'cairo', ['ar', 'en'], 'male'],
  ['nour-hussein', 'نور حسين', 'Nour Hussein', 'EG', 'cairo', ['ar', 'en'], 'female'],
  ['musab-osman', 'مصعب عثمان', 'Musab Osman', 'SD', '', ['ar', 'en'], 'male'],
  ['hamza-khan', 'حمزہ خان', 'Hamza Khan', 'PK', 'ist', ['ur', 'en'], 'male'],
  ['maryam-iqbal', 'مریم اقبال', 'Maryam Iqbal', 'PK', 'ist', ['ur', 'en'], 'female'],
  ['cagla-yildirim', 'Çağla Yıldırım', 'Cagla Yildirim', 'TR', 'metu', ['tr', 'en'], 'female'],
  ['awa-ndiaye', 'Awa Ndiaye', 'Awa Ndiaye', 'SN', '', ['fr', 'en'], 'female'],
  ['negar-mousavi', 'نگار موسوی', 'Negar Mousavi', 'IR', 'tehran', ['fa', 'en'], 'female'],
];

/** Other trainees; some have asked for places in sessions open for enrolment. */
// prettier-ignore
const trainees: readonly PersonRow[] = [
  ['wang-fang', '王芳', 'Wang Fang', 'CN', 'dsel', ['zh', 'en'], 'female'],
  ['li-qiang', '李强', 'Li Qiang', 'CN', 'dsel', ['zh'], 'male'],
  ['zhao-xue', '赵雪', 'Zhao Xue', 'CN', 'dsel', ['zh', 'en'], 'female'],
  ['sun-haoran', '孙浩然', 'Sun Haoran', 'CN', 'dsel', ['zh', 'en'], 'male'],
  ['zhou-ting', '周婷', 'Zhou Ting', 'CN', 'dsel', ['zh', 'en'], 'female'],
  ['yamamoto-aya', '山本 彩', 'Yamamoto Aya', 'JP', 'osaka', ['ja', 'en'], 'female'],
  ['nakamura-shota', '中村 翔太', 'Nakamura Shota', 'JP', 'osaka', ['ja', 'en'], 'male'],
  ['nattawut-jaidee', 'ณัฐวุฒิ ใจดี', 'Nattawut Jaidee', 'TH', 'gistda', ['th', 'en'], 'male'],
  ['pimchanok-kaewmanee', 'พิมพ์ชนก แก้วมณี', 'Pimchanok Kaewmanee', 'TH', 'gistda', ['th', 'en'], 'female'],
  ['aleksei-smirnov', 'Алексей Смирнов', 'Aleksei Smirnov', 'RU', 'iki', ['ru', 'en'], 'male'],
  ['ekaterina-pavlova', 'Екатерина Павлова', 'Ekaterina Pavlova', 'RU', 'iki', ['ru'], 'female'],
  ['aidana-serikova', 'Айдана Серикова', 'Aidana Serikova', 'KZ', '', ['ru', 'en'], 'female'],
  ['pavel-kovalchuk', 'Павел Ковальчук', 'Pavel Kovalchuk', 'BY', '', ['ru'], 'male'],
  ['ali-razavi', 'علی رضوی', 'Ali Razavi', 'IR', 'tehran', ['fa', 'en'], 'male'],
  ['zahra-kazemi', 'زهرا کاظمی', 'Zahra Kazemi', 'IR', 'tehran', ['fa', 'en'], 'female'],
  ['emre-aydin', 'Emre Aydın', 'Emre Aydin', 'TR', 'metu', ['tr', 'en'], 'male'],
  ['leyla-huseynova', 'Leyla Hüseynova', 'Leyla Huseynova', 'AZ', '', ['tr', 'ru'], 'female'],
  ['jonas-weber', 'Jonas Weber', 'Jonas Weber', 'DE', 'cologne', ['de', 'en'], 'male'],
  ['sophie-krueger', 'Sophie Krüger', 'Sophie Krueger', 'DE', 'cologne', ['de', 'en'], 'female'],
  ['elodie-rousseau', 'Élodie Rousseau', 'Elodie Rousseau', 'FR', 'ipgp', ['fr', 'en'], 'female'],
  ['mathis-lefebvre', 'Mathis Lefebvre', 'Mathis Lefebvre', 'FR', 'ipgp', ['fr', 'en'], 'male'],
  ['priya-raman', 'Priya Raman', 'Priya Raman', 'GB', 'open', ['en'], 'female'],
  ['thomas-bennett', 'Thomas Bennett', 'Thomas Bennett', 'GB', 'open', ['en'], 'male'],
  ['sara-abdallah', 'سارة عبد الله', 'Sara Abdallah', 'EG', 'cairo', ['ar', 'en'], 'female'],
  ['maryam-albinali', 'مريم البنعلي', 'Maryam Al-Binali', 'BH', '', ['ar', 'en'], 'female'],
  ['ahmed-eltayeb', 'أحمد الطيب', 'Ahmed Eltayeb', 'SD', '', ['ar'], 'male'],
  ['rosa-huamani', 'Rosa Huamaní Quispe', 'Rosa Huamani Quispe', 'PE', '', ['es'], 'female'],
  ['diego-mamani', 'Diego Mamani', 'Diego Mamani', 'PE', '', ['es', 'en'], 'male'],
  ['luiza-carvalho', 'Luíza Carvalho', 'Luiza Carvalho', 'BR', '', ['pt', 'en'], 'female'],
  ['rizky-pratama', 'Rizky Pratama', 'Rizky Pratama', 'ID', '', ['id', 'en'], 'male'],
  ['bilal-ahmed', 'بلال احمد', 'Bilal Ahmed', 'PK', 'suparco', ['ur', 'en'], 'male'],
  ['zainab-fatima', 'زینب فاطمہ', 'Zainab Fatima', 'PK', 'suparco', ['ur', 'en'], 'female'],
  ['yonas-bekele', 'ዮናስ በቀለ', 'Yonas Bekele', 'ET', 'ssgi', ['en'], 'male'],
  ['ola-ogunleye', 'Ọlá Ògúnlẹ́yẹ', 'Ola Ogunleye', 'NG', 'nasrda', ['en'], 'male'],
  ['moussa-diallo', 'Moussa Diallo', 'Moussa Diallo', 'SN', '', ['fr'], 'male'],
];

/** Id of a demo person, from their key (demo-person-ngozi-eze). */
export const demoPersonId = (key: string): string => `demo-person-${key}`;

/** Trainees' requests in other sessions open for enrolment: course code, country, person keys. */
const otherRequests: readonly [string, PartnerCountry, string[]][] = [
  ['CSD-102', 'HK', ['wang-fang', 'li-qiang', 'zhou-ting']],
  ['CSD-120', 'TR', ['emre-aydin', 'leyla-huseynova']],
  ['CSD-110', 'BH', ['sara-abdallah', 'maryam-albinali']],
  ['DST-110', 'KZ', ['aidana-serikova', 'pavel-kovalchuk']],
  ['ADF-110', 'TH', ['nattawut-jaidee', 'pimchanok-kaewmanee']],
  ['LSS-101', 'US', ['priya-raman', 'thomas-bennett']],
];

/** The three teams of the CSD-101 cohort, each designing a 1U CubeSat; the first has passed its PDR. */
const teams: readonly [string, string, string[]][] = [
  [
    'zuma',
    'ZumaSat: crop monitoring',
    ['oluwaseyi-adebayo', 'henok-tadesse', 'omar-elshenawy', 'hamza-khan'],
  ],
  [
    'aso',
    'AsoSat: flood early warning',
    ['ngozi-eze', 'marta-gebremedhin', 'musab-osman', 'cagla-yildirim'],
  ],
  [
    'olumo',
    'OlumoSat: amateur-radio relay',
    ['abubakar-sani', 'ifeoma-nwachukwu', 'nour-hussein', 'maryam-iqbal'],
  ],
];

/**
 * Attendance of the cohort on the class days already held (index 0 = the first day): everyone
 * present unless listed. One trainee misses enough days to fall short of the 80% rule.
 */
const attendanceExceptions: Record<string, Record<number, 'late' | 'excused' | 'absent'>> = {
  'henok-tadesse': { 0: 'late', 2: 'late' },
  'cagla-yildirim': { 1: 'late' },
  'abubakar-sani': { 4: 'late' },
  'nour-hussein': { 1: 'excused' },
  'musab-osman': { 1: 'absent', 3: 'absent', 4: 'absent' },
  'ifeoma-nwachukwu': { 3: 'absent' },
};

/** Quiz scores (pass mark 60), taken on the third class day. */
const quizScores: Record<string, number> = {
  'oluwaseyi-adebayo': 84,
  'ngozi-eze': 91,
  'abubakar-sani': 67,
  'ifeoma-nwachukwu': 73,
  'henok-tadesse': 78,
  'marta-gebremedhin': 88,
  'omar-elshenawy': 70,
  'nour-hussein': 81,
  'musab-osman': 52,
  'hamza-khan': 76,
  'maryam-iqbal': 93,
  'cagla-yildirim': 64,
};

/** The finished DST-101 short course: two trainees fall short of its attendance rule. */
const finishedExceptions: Record<string, Record<number, 'late' | 'excused' | 'absent'>> = {
  'musab-osman': { 1: 'absent', 2: 'absent' },
  'awa-ndiaye': { 0: 'absent', 3: 'absent', 4: 'absent' },
  'negar-mousavi': { 2: 'late' },
};

/** The id of the finished DST-101 short course in Bangkok, whose trainees are ready for certificates. */
export const demoFinishedSessionId = 'demo-session-dst-101-bangkok';

/** The id of the CSD-101 session run as a team project. */
export const demoTeamSessionId = 'demo-session-csd-101-abuja';

function personCall(
  row: PersonRow,
  roles: ('trainee' | 'instructor' | 'coordinator')[],
): MutationCall {
  const [key, nativeName, latinName, country, institution, languages, gender] = row;
  const domain = mailDomains[country] ?? 'example.org';
  return {
    name: 'person.create',
    args: {
      id: demoPersonId(key),
      nativeName,
      latinName,
      preferredName: instructorLabels[key] ?? '',
      email: `${key.replace('-', '.')}@${domain}`,
      phone: '',
      country,
      institutionId: institution ? demoInstitutionId(institution) : '',
      gender,
      dateOfBirth: '',
      roles,
      languages,
      notes: '',
    },
  };
}

/** Enrolments, teams, attendance and results of the demo, after the sessions they concern. */
function peopleActivity(today: string, sessionCalls: readonly MutationCall[]): MutationCall[] {
  const sessionArgs = sessionCalls.flatMap((c) => (c.name === 'session.create' ? [c.args] : []));
  const openSessionId = (code: string, country: PartnerCountry): string => {
    const found = sessionArgs.find(
      (s) => s.courseId === demoCourseId(code) && s.country === country && s.status === 'open',
    );
    if (!found) throw new Error(`demoWorkspace: no open ${code} session in ${country}`);
    return found.id;
  };
  const enrolmentId = (sessionId: string, key: string) =>
    `demo-enr-${sessionId.replace(/^demo-session-/, '')}-${key}`;
  const calls: MutationCall[] = [];

  const team = sessionArgs.find((s) => s.id === demoTeamSessionId)!;
  for (const [key] of cohort)
    calls.push({
      name: 'enrolment.request',
      args: { id: enrolmentId(team.id, key), personId: demoPersonId(key), sessionId: team.id },
    });
  for (const [code, country, keys] of otherRequests) {
    const sessionId = openSessionId(code, country);
    for (const key of keys)
      calls.push({
        name: 'enrolment.request',
        args: { id: enrolmentId(sessionId, key), personId: demoPersonId(key), sessionId },
      });
  }

  // A short course that ended last week: everyone attended but two, so most are ready for a certificate.
  const finished = sessionArgs.find((s) => s.id === demoFinishedSessionId)!;
  for (const [key] of cohort)
    calls.push({
      name: 'enrolment.request',
      args: { id: enrolmentId(finished.id, key), personId: demoPersonId(key), sessionId: finished.id },
    });
  const teamId = (key: string) => `demo-team-csd-101-${key}`;
  for (const [key, name] of teams)
    calls.push({ name: 'team.create', args: { id: teamId(key), sessionId: team.id, name } });
  for (const [key, , members] of teams)
    for (const member of members)
      calls.push({
        name: 'team.assign',
        args: { enrolmentId: enrolmentId(team.id, member), teamId: teamId(key) },
      });

  const held = classDates(team.startDate, team.endDate, team.schedule.weekdays).filter(
    (date) => date < today,
  );
  const members = teams.flatMap(([, , keys]) => keys);
  held.forEach((date, day) => {
    for (const key of members)
      calls.push({
        name: 'attendance.mark',
        args: {
          meetingId: meetingId(team.id, date),
          personId: demoPersonId(key),
          status: attendanceExceptions[key]?.[day] ?? 'present',
        },
      });
  });

  classDates(finished.startDate, finished.endDate, finished.schedule.weekdays).forEach((date, day) => {
    for (const [key] of cohort)
      calls.push({
        name: 'attendance.mark',
        args: { meetingId: meetingId(finished.id, date), personId: demoPersonId(key), status: finishedExceptions[key]?.[day] ?? 'present' },
      });
  });

  for (const key of members)
    calls.push({
      name: 'assessment.record',
      args: {
        enrolmentId: enrolmentId(team.id, key),
        assessmentId: demoAssessmentId('quiz'),
        passed: quizScores[key]! >= 60,
        score: quizScores[key]!,
        note: '',
      },
    });
  calls.push({
    name: 'assessment.recordTeam',
    args: {
      teamId: teamId('zuma'),
      assessmentId: demoAssessmentId('pdr'),
      passed: true,
      score: 82,
      note: 'Mass and power budgets closed; recheck the downlink margin before the CDR.',
    },
  });
  return calls;
}

/**
 * The "Load demo workspace" content a new user sees on first run: five IDSEA-style programmes,
 * their courses (in several languages and scripts) and sessions at partner sites, dated relative
 * to `today` (YYYY-MM-DD) so some are past, some running and several open for enrolment; member
 * institutions and people (coordinators, instructors named on sessions, trainees with names in
 * their own scripts); enrolments in open sessions; and a running CSD-101 cohort taught as a team
 * project: 12 places and 2 on the waiting list, three teams, attendance on the days already held,
 * quiz results and one team's Preliminary Design Review.
 * Ordered so that every call's references exist. Enrolment windows are judged on the runner's
 * clock, so load it with `now` on `today`.
 */
export function demoWorkspace(today: string): MutationCall[] {
  if (!isIsoDate(today))
    throw new RangeError(`demoWorkspace: today must be YYYY-MM-DD, got "${today}"`);
  const monday = addDays(today, 1 - isoWeekday(today));
  const usedIds = new Set<string>();
  const instructorIds = new Map(
    instructorRows.map(([key]) => [instructorLabels[key]!, demoPersonId(key)] as const),
  );
  const sessionCalls = sessions.map((spec, index) =>
    sessionCall(spec, index, today, monday, usedIds, instructorIds),
  );
  return [
    ...demoProgrammes.map(({ id, name, description }): MutationCall => ({
      name: 'programme.create',
      args: { id, name, description },
    })),
    ...courses.map(courseCall),
    ...institutions.map(([key, country, host]): MutationCall => {
      const place = demoCountries[country].hosts[host]!;
      return {
        name: 'institution.create',
        args: { id: demoInstitutionId(key), name: place.site, country, city: place.city },
      };
    }),
    ...coordinators.map((row) => personCall(row, ['coordinator'])),
    ...instructorRows.map((row) => personCall(row, ['instructor'])),
    ...cohort.map((row) => personCall(row, ['trainee'])),
    ...trainees.map((row) => personCall(row, ['trainee'])),
    ...sessionCalls,
    ...peopleActivity(today, sessionCalls),
  ];
}
