import type { partnerCountries } from '../domain/values';

/** A partner country code (ISO 3166 alpha-2) from the association's reports. */
export type PartnerCountry = (typeof partnerCountries)[number];

/** One host institution where sessions run. */
export type DemoHost = { site: string; city: string };

/** What the demo data knows about a partner country: its zone, hosts and instructor names. */
export type DemoCountry = {
  /** IANA zone of the hosts listed (the capital's zone where the country has several). */
  timeZone: string;
  hosts: readonly DemoHost[];
  /** Instructor names written the way they are written locally. */
  instructors: readonly string[];
};

/** Hosts, time zones and instructor names for every partner country, used by both demo data sets. */
export const demoCountries: Record<PartnerCountry, DemoCountry> = {
  CN: {
    timeZone: 'Asia/Shanghai',
    hosts: [
      { site: 'Deep Space Exploration Laboratory', city: 'Hefei' },
      { site: 'Lunar Exploration and Space Program Center, CNSA', city: 'Beijing' },
      { site: 'University of Science and Technology of China', city: 'Hefei' },
    ],
    instructors: ['王海涛', '陈静', '刘晓燕', '张伟 (Zhang Wei)', '赵磊'],
  },
  HK: {
    timeZone: 'Asia/Hong_Kong',
    hosts: [
      { site: 'Hong Kong Polytechnic University', city: 'Hong Kong' },
      { site: 'Hong Kong University of Science and Technology', city: 'Hong Kong' },
    ],
    instructors: ['黃家明 (Wong Ka-ming)', 'Dr. Cheung Wai-lam', '李詠詩'],
  },
  PK: {
    timeZone: 'Asia/Karachi',
    hosts: [
      { site: 'SUPARCO Training Centre', city: 'Islamabad' },
      { site: 'Institute of Space Technology', city: 'Islamabad' },
    ],
    instructors: [
      'Dr. Ayesha Siddiqui',
      'Engr. Usman Qureshi',
      'ڈاکٹر فرحان ملک',
      'Dr. Sana Javed',
    ],
  },
  TR: {
    timeZone: 'Europe/Istanbul',
    hosts: [
      { site: 'Middle East Technical University (ODTÜ), Aerospace Engineering', city: 'Ankara' },
      { site: 'İstanbul Teknik Üniversitesi, Uzay Sistemleri Laboratuvarı', city: 'İstanbul' },
    ],
    instructors: [
      'Prof. Dr. Elif Şahin',
      'Doç. Dr. Murat Öztürk',
      'Dr. Zeynep Çelik',
      'Dr. Barış Güneş',
    ],
  },
  EG: {
    timeZone: 'Africa/Cairo',
    hosts: [
      { site: 'Egyptian Space Agency, Space City', city: 'Cairo' },
      { site: 'Cairo University, Faculty of Engineering', city: 'Giza' },
    ],
    instructors: ['د. منى عبد الرحمن', 'م. أحمد السيد', 'Dr. Yasmin Farouk', 'د. كريم حسن'],
  },
  BH: {
    timeZone: 'Asia/Bahrain',
    hosts: [{ site: 'National Space Science Agency', city: 'Manama' }],
    instructors: ['د. نورة المناعي', 'Dr. Hamad Al-Doseri', 'م. ليلى جناحي'],
  },
  TH: {
    timeZone: 'Asia/Bangkok',
    hosts: [
      { site: 'Geo-Informatics and Space Technology Development Agency (GISTDA)', city: 'Bangkok' },
      { site: "King Mongkut's Institute of Technology Ladkrabang", city: 'Bangkok' },
    ],
    instructors: ['ดร. สมชาย วงศ์สวัสดิ์', 'Dr. Kanokwan Srisuk', 'ผศ.ดร. ปิยะนุช ศรีสุข'],
  },
  ZA: {
    timeZone: 'Africa/Johannesburg',
    hosts: [
      { site: 'South African National Space Agency (SANSA)', city: 'Pretoria' },
      { site: "French South African Institute of Technology (F'SATI), CPUT", city: 'Cape Town' },
    ],
    instructors: [
      'Prof. Thandiwe Nkosi',
      'Dr. Pieter van der Merwe',
      'Dr. Lerato Mokoena',
      'Dr. Sipho Dlamini',
    ],
  },
  PE: {
    timeZone: 'America/Lima',
    hosts: [
      {
        site: 'Universidad Nacional de Ingeniería, Centro de Tecnologías de Información',
        city: 'Lima',
      },
      { site: 'CONIDA, Agencia Espacial del Perú', city: 'Lima' },
    ],
    instructors: ['Dra. Lucía Quispe Mamani', 'Ing. José Huamán Ríos', 'Dr. Martín Chávez'],
  },
  IR: {
    timeZone: 'Asia/Tehran',
    hosts: [{ site: 'University of Tehran, Institute of Geophysics', city: 'Tehran' }],
    instructors: ['دکتر سارا رضایی', 'Dr. Reza Karimi', 'دکتر مهدی احمدی'],
  },
  RU: {
    timeZone: 'Europe/Moscow',
    hosts: [
      { site: 'Space Research Institute (IKI RAN)', city: 'Moscow' },
      { site: 'Vernadsky Institute of Geochemistry and Analytical Chemistry', city: 'Moscow' },
    ],
    instructors: ['Ирина Соколова', 'Дмитрий Волков', 'Dr. Anna Kuznetsova', 'Сергей Морозов'],
  },
  IT: {
    timeZone: 'Europe/Rome',
    hosts: [{ site: 'INFN, Laboratori Nazionali di Frascati', city: 'Frascati' }],
    instructors: ['Dr.ssa Giulia Romano', 'Prof. Marco Bianchi', 'Dr. Luca Ferrari'],
  },
  FR: {
    timeZone: 'Europe/Paris',
    hosts: [
      { site: 'Institut de Physique du Globe de Paris', city: 'Paris' },
      { site: 'Institut de Recherche en Astrophysique et Planétologie (IRAP)', city: 'Toulouse' },
    ],
    instructors: [
      'Dr Hélène Moreau',
      'Pr François Lefèvre',
      'Dr Camille Bérard',
      'Dr Théo Mercier',
    ],
  },
  DE: {
    timeZone: 'Europe/Berlin',
    hosts: [
      { site: 'University of Cologne, Institute of Geology and Mineralogy', city: 'Cologne' },
    ],
    instructors: ['Prof. Dr. Katrin Müller', 'Dr. Jörg Schäfer', 'Dr. Lena Weiß'],
  },
  JP: {
    timeZone: 'Asia/Tokyo',
    hosts: [{ site: 'Osaka University, Graduate School of Science', city: 'Osaka' }],
    instructors: ['田中 美咲', 'Dr. Kenji Watanabe', '佐藤 健太'],
  },
  GB: {
    timeZone: 'Europe/London',
    hosts: [{ site: 'The Open University, School of Physical Sciences', city: 'Milton Keynes' }],
    instructors: ['Dr. Sarah Whitfield', 'Prof. James Okoro', 'Dr. Eleanor Hughes'],
  },
  US: {
    timeZone: 'America/New_York',
    hosts: [
      { site: 'Brown University, Earth, Environmental and Planetary Sciences', city: 'Providence' },
      { site: 'Stony Brook University, Department of Geosciences', city: 'Stony Brook' },
    ],
    instructors: ['Dr. Emily Carter', 'Prof. Daniel Reyes', 'Dr. Michael Chen'],
  },
  CH: {
    timeZone: 'Europe/Zurich',
    hosts: [{ site: 'Universität Bern, Physikalisches Institut', city: 'Bern' }],
    instructors: ['Dr. Nicolas Favre', 'Prof. Andrea Zürcher', 'Dr. Sophie Rüegg'],
  },
  SE: {
    timeZone: 'Europe/Stockholm',
    hosts: [{ site: 'Swedish Institute of Space Physics (IRF)', city: 'Kiruna' }],
    instructors: ['Dr. Karin Lindqvist', 'Prof. Anders Sjöberg', 'Dr. Åsa Nyström'],
  },
  BR: {
    timeZone: 'America/Sao_Paulo',
    hosts: [
      { site: 'Instituto Nacional de Pesquisas Espaciais (INPE)', city: 'São José dos Campos' },
      { site: 'Universidade de São Paulo, Instituto de Astronomia', city: 'São Paulo' },
    ],
    instructors: ['Dra. Ana Beatriz Gonçalves', 'Dr. João Pedro Araújo', 'Dra. Fernanda Conceição'],
  },
  ID: {
    timeZone: 'Asia/Jakarta',
    hosts: [
      { site: 'Badan Riset dan Inovasi Nasional (BRIN)', city: 'Jakarta' },
      { site: 'Institut Teknologi Bandung', city: 'Bandung' },
    ],
    instructors: ['Dr. Siti Rahmawati', 'Dr. Agus Hidayat', 'Dr. Dewi Lestari'],
  },
  NG: {
    timeZone: 'Africa/Lagos',
    hosts: [{ site: 'National Space Research and Development Agency (NASRDA)', city: 'Abuja' }],
    instructors: ['Dr. Chiamaka Okafor', 'Engr. Babatunde Adeyemi', 'Dr. Aisha Bello'],
  },
  ET: {
    timeZone: 'Africa/Addis_Ababa',
    hosts: [
      { site: 'Space Science and Geospatial Institute (SSGI)', city: 'Addis Ababa' },
      { site: 'Entoto Observatory and Research Center', city: 'Addis Ababa' },
    ],
    instructors: ['ዶ/ር ሰላም ተስፋዬ', 'Dr. Abebe Girma', 'Dr. Hiwot Bekele'],
  },
  SD: {
    timeZone: 'Africa/Khartoum',
    hosts: [{ site: 'Institute of Space Research and Aerospace (ISRA)', city: 'Khartoum' }],
    instructors: ['د. عوض الكريم محمد', 'Dr. Samah Osman', 'د. هبة الطيب'],
  },
  DZ: {
    timeZone: 'Africa/Algiers',
    hosts: [
      {
        site: 'Centre de Recherche en Astronomie, Astrophysique et Géophysique (CRAAG)',
        city: 'Algiers',
      },
      { site: 'Agence Spatiale Algérienne', city: 'Algiers' },
    ],
    instructors: ['Dr Karim Benali', 'Dr Yasmine Boudiaf', 'د. سليم بوزيد'],
  },
  AZ: {
    timeZone: 'Asia/Baku',
    hosts: [
      { site: 'Azercosmos', city: 'Baku' },
      { site: 'Şamaxı Astrofizika Rəsədxanası', city: 'Şamaxı' },
    ],
    instructors: ['Dr. Günel Məmmədova', 'Rəşad Əliyev', 'Dr. Elçin Hüseynov'],
  },
  BY: {
    timeZone: 'Europe/Minsk',
    hosts: [{ site: 'Belarusian State University, Faculty of Physics', city: 'Minsk' }],
    instructors: ['Ольга Ковалёва', 'Андрей Лукашевич', 'Dr. Natallia Baranava'],
  },
  NI: {
    timeZone: 'America/Managua',
    hosts: [{ site: 'Universidad Nacional de Ingeniería (UNI)', city: 'Managua' }],
    instructors: ['Ing. Carlos Ortega', 'Dra. María José Pérez', 'Ing. Sofía Núñez'],
  },
  RS: {
    timeZone: 'Europe/Belgrade',
    hosts: [{ site: 'Astronomical Observatory of Belgrade', city: 'Belgrade' }],
    instructors: ['Dr. Milica Jovanović', 'Др Никола Петровић', 'Dr. Stefan Đorđević'],
  },
  VE: {
    timeZone: 'America/Caracas',
    hosts: [{ site: 'Agencia Bolivariana para Actividades Espaciales (ABAE)', city: 'Caracas' }],
    instructors: ['Ing. Andrés Rodríguez', 'Dra. Valentina Márquez', 'Ing. Gabriel Peña'],
  },
  KZ: {
    timeZone: 'Asia/Almaty',
    hosts: [{ site: 'Fesenkov Astrophysical Institute', city: 'Almaty' }],
    instructors: ['Айгерим Ахметова', 'Нурлан Сейткали', 'Dr. Dana Zhakupova'],
  },
  SN: {
    timeZone: 'Africa/Dakar',
    hosts: [
      { site: 'Université Cheikh Anta Diop, Faculté des Sciences et Techniques', city: 'Dakar' },
      { site: "Agence Sénégalaise d'Études Spatiales", city: 'Diamniadio' },
    ],
    instructors: ['Dr Aminata Diop', 'Pr Mamadou Ndiaye', 'Dr Fatou Sow'],
  },
};
