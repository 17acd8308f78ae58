/**
 * Demo data for the seed (db/seed.ts): regions, supporters, support types and the texts the demo
 * history is written with. Region names and provinces follow /work/shared/data/sto-facts.md; every
 * person, school board and e-mail address is made up. Anything drawn at random is drawn from a
 * fixed-seed PRNG, so the data is the same on every run.
 */
import type { ContactRole, Language, PlanStatus } from './schema';
import type { ThemeKey } from '~/domain/themes';
import { THEME_KEYS } from '~/domain/themes';
import type { SupportTypeKey } from './reference-data';

// ---------------------------------------------------------------------------------------------
// A tiny deterministic PRNG (mulberry32)
// ---------------------------------------------------------------------------------------------

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(0, i);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    shuffle,
    sample: (items, count) => shuffle(items).slice(0, count),
  };
}

/** The seed of every draw in the demo data. */
export const SEED = 20190701;

// ---------------------------------------------------------------------------------------------
// Regions
// ---------------------------------------------------------------------------------------------

/** [name, province, penvoerder (made up), main town]. Real names from sto-facts.md come first per province. */
const REGION_ROWS: ReadonlyArray<readonly [string, string, string, string]> = [
  // Zuid-Holland (15)
  ['Haaglanden', 'Zuid-Holland', 'Stichting Voortgezet Onderwijs Haaglanden', 'Den Haag'],
  ['Leiden, Duin- en Bollenstreek', 'Zuid-Holland', 'Stichting Openbaar Voortgezet Onderwijs Leiden en Bollenstreek', 'Leiden'],
  ['Alphen aan den Rijn', 'Zuid-Holland', 'Stichting Christelijk Voortgezet Onderwijs Rijnstreek', 'Alphen aan den Rijn'],
  ['Capelle–Oostland', 'Zuid-Holland', 'Stichting Scholengroep Capelle en Oostland', 'Capelle aan den IJssel'],
  ['Barendrecht en Ridderkerk', 'Zuid-Holland', 'Stichting Voortgezet Onderwijs IJsselmonde-Oost', 'Barendrecht'],
  ['Voorne-Putten en Rozenburg', 'Zuid-Holland', 'Stichting Scholengemeenschap Voorne-Putten', 'Spijkenisse'],
  ['Dordrecht', 'Zuid-Holland', 'Stichting Openbaar Onderwijs Drechtsteden', 'Dordrecht'],
  ['Noordelijke Drechtsteden', 'Zuid-Holland', 'Vereniging Christelijk Voortgezet Onderwijs Alblasserdam-Papendrecht', 'Papendrecht'],
  ['Gouda', 'Zuid-Holland', 'Stichting Onderwijsgroep Midden-Holland', 'Gouda'],
  ['Goeree-Overflakkee en Hoeksche Waard', 'Zuid-Holland', 'Stichting Voortgezet Onderwijs De Eilanden', 'Oud-Beijerland'],
  ['Westland', 'Zuid-Holland', 'Stichting Katholiek Voortgezet Onderwijs Westland', 'Naaldwijk'],
  ['Delft', 'Zuid-Holland', 'Stichting Openbaar Voortgezet Onderwijs Delft', 'Delft'],
  ['Zoetermeer', 'Zuid-Holland', 'Stichting Scholengroep Zoetermeer', 'Zoetermeer'],
  ['Rotterdam-Zuid', 'Zuid-Holland', 'Stichting Vmbo Rotterdam-Zuid', 'Rotterdam'],
  ['Gorinchem en Alblasserwaard', 'Zuid-Holland', 'Stichting Christelijk Onderwijs Gorinchem e.o.', 'Gorinchem'],
  // Noord-Brabant (10)
  ['Zuidoost-Brabant', 'Noord-Brabant', 'Stichting Voortgezet Onderwijs Zuidoost-Brabant', 'Eindhoven'],
  ['Noordoost-Brabant', 'Noord-Brabant', 'Stichting Katholiek Voortgezet Onderwijs Maasland', 'Oss'],
  ['West-Brabant Midden', 'Noord-Brabant', 'Stichting Onderwijsgroep West-Brabant', 'Etten-Leur'],
  ['Tilburg en Midden-Brabant', 'Noord-Brabant', 'Stichting Scholengroep Midden-Brabant', 'Tilburg'],
  ['Breda e.o.', 'Noord-Brabant', 'Stichting Openbaar Voortgezet Onderwijs Breda', 'Breda'],
  ['West-Brabant West', 'Noord-Brabant', 'Stichting Scholengemeenschap Bergen op Zoom–Roosendaal', 'Bergen op Zoom'],
  ['Helmond-De Peel', 'Noord-Brabant', 'Stichting Katholiek Onderwijs De Peel', 'Helmond'],
  ["'s-Hertogenbosch e.o.", 'Noord-Brabant', "Stichting Voortgezet Onderwijs 's-Hertogenbosch", "'s-Hertogenbosch"],
  ['Land van Cuijk', 'Noord-Brabant', 'Stichting Onderwijsgroep Land van Cuijk', 'Boxmeer'],
  ['Waalwijk en Langstraat', 'Noord-Brabant', 'Stichting Scholengroep De Langstraat', 'Waalwijk'],
  // Noord-Holland (10)
  ['TechniekPact Kop van Noord-Holland', 'Noord-Holland', 'Stichting Openbaar Voortgezet Onderwijs Kop van Noord-Holland', 'Den Helder'],
  ['TechniekPact Noord-Kennemerland', 'Noord-Holland', 'Stichting Scholengroep Noord-Kennemerland', 'Alkmaar'],
  ['TechniekPact West-Friesland', 'Noord-Holland', 'Stichting Voortgezet Onderwijs West-Friesland', 'Hoorn'],
  ['Amstelland', 'Noord-Holland', 'Stichting Openbaar Onderwijs Amstelland', 'Amstelveen'],
  ['Haarlemmermeer', 'Noord-Holland', 'Stichting Voortgezet Onderwijs Haarlemmermeer', 'Hoofddorp'],
  ['Zuid-Kennemerland', 'Noord-Holland', 'Stichting Christelijk Voortgezet Onderwijs Kennemerland', 'Haarlem'],
  ['IJmond', 'Noord-Holland', 'Stichting Scholengemeenschap IJmond', 'Beverwijk'],
  ['Zaanstreek-Waterland', 'Noord-Holland', 'Stichting Onderwijsgroep Zaanstreek', 'Zaandam'],
  ['Amsterdam-Noord', 'Noord-Holland', 'Stichting Voortgezet Onderwijs Amsterdam-Noord', 'Amsterdam'],
  ['Gooi en Vechtstreek', 'Noord-Holland', 'Stichting Openbaar Voortgezet Onderwijs Gooi en Vecht', 'Hilversum'],
  // Gelderland (11)
  ['Apeldoorn e.o.', 'Gelderland', 'Stichting Christelijk Voortgezet Onderwijs Apeldoorn', 'Apeldoorn'],
  ['De Liemers', 'Gelderland', 'Stichting Scholengroep De Liemers', 'Zevenaar'],
  ['Arnhem en omstreken', 'Gelderland', 'Stichting Openbaar Voortgezet Onderwijs Arnhem', 'Arnhem'],
  ['Culemborg', 'Gelderland', 'Stichting Voortgezet Onderwijs Culemborg', 'Culemborg'],
  ['Achterhoek', 'Gelderland', 'Stichting Onderwijsgroep Achterhoek', 'Doetinchem'],
  ['Rivierenland', 'Gelderland', 'Stichting Scholengemeenschap Rivierenland', 'Tiel'],
  ['Food Valley', 'Gelderland', 'Stichting Christelijk Onderwijs Gelderse Vallei', 'Ede'],
  ['Rijk van Nijmegen', 'Gelderland', 'Stichting Katholiek Voortgezet Onderwijs Nijmegen', 'Nijmegen'],
  ['Noord-Veluwe', 'Gelderland', 'Vereniging Christelijk Voortgezet Onderwijs Noord-Veluwe', 'Harderwijk'],
  ['Zutphen e.o.', 'Gelderland', 'Stichting Openbaar Onderwijs Zutphen', 'Zutphen'],
  ['Bommelerwaard', 'Gelderland', 'Stichting Scholengroep Bommelerwaard', 'Zaltbommel'],
  // Overijssel (6)
  ['Techniekregio Twente', 'Overijssel', 'Stichting Voortgezet Onderwijs Twente', 'Hengelo'],
  ['Zwolle e.o.', 'Overijssel', 'Stichting Openbaar Voortgezet Onderwijs Zwolle', 'Zwolle'],
  ['Deventer e.o.', 'Overijssel', 'Stichting Scholengroep Deventer', 'Deventer'],
  ['Salland', 'Overijssel', 'Stichting Christelijk Voortgezet Onderwijs Salland', 'Raalte'],
  ['Vechtdal', 'Overijssel', 'Stichting Onderwijsgroep Vechtdal', 'Hardenberg'],
  ['Noordwest-Overijssel', 'Overijssel', 'Stichting Scholengemeenschap Kampen-Steenwijk', 'Kampen'],
  // Utrecht (5)
  ['Amersfoort e.o.', 'Utrecht', 'Stichting Voortgezet Onderwijs Eemland', 'Amersfoort'],
  ['Utrecht Stad', 'Utrecht', 'Stichting Openbaar Voortgezet Onderwijs Utrecht', 'Utrecht'],
  ['Utrecht-West', 'Utrecht', 'Stichting Scholengroep Woerden en Utrecht-West', 'Woerden'],
  ['Zuidoost-Utrecht', 'Utrecht', 'Stichting Christelijk Voortgezet Onderwijs Heuvelrug', 'Zeist'],
  ['Lekstroom', 'Utrecht', 'Stichting Onderwijsgroep Lekstroom', 'Nieuwegein'],
  // Friesland (5)
  ['Zuid Fryslân', 'Friesland', 'Stichting Voortgezet Onderwijs Zuid Fryslân', 'Heerenveen'],
  ['Zuidoost Fryslân', 'Friesland', 'Stichting Openbaar Onderwijs Zuidoost Fryslân', 'Drachten'],
  ['Zuidwest Fryslân', 'Friesland', 'Stichting Scholengroep Súdwest-Fryslân', 'Sneek'],
  ['Noordoost Fryslân', 'Friesland', 'Stichting Christelijk Voortgezet Onderwijs Noordoost Fryslân', 'Dokkum'],
  ['Noordwest Fryslân', 'Friesland', 'Stichting Onderwijsgroep Noordwest Fryslân', 'Harlingen'],
  // Limburg (4)
  ['Noord- en Midden-Limburg', 'Limburg', 'Stichting Voortgezet Onderwijs Noord- en Midden-Limburg', 'Venlo'],
  ['Parkstad Limburg', 'Limburg', 'Stichting Scholengroep Parkstad', 'Heerlen'],
  ['Maastricht-Heuvelland', 'Limburg', 'Stichting Openbaar Voortgezet Onderwijs Maastricht', 'Maastricht'],
  ['Westelijke Mijnstreek', 'Limburg', 'Stichting Katholiek Onderwijs Westelijke Mijnstreek', 'Sittard'],
  // Groningen (4)
  ['Zuidoost Groningen', 'Groningen', 'Stichting Openbaar Voortgezet Onderwijs Zuidoost Groningen', 'Stadskanaal'],
  ['Stad Groningen', 'Groningen', 'Stichting Scholengroep Stad Groningen', 'Groningen'],
  ['Eemsdelta', 'Groningen', 'Stichting Voortgezet Onderwijs Eemsdelta', 'Delfzijl'],
  ['Westerkwartier', 'Groningen', 'Stichting Christelijk Onderwijs Westerkwartier', 'Leek'],
  // Drenthe (3)
  ['Assen en regio', 'Drenthe', 'Stichting Openbaar Voortgezet Onderwijs Assen', 'Assen'],
  ['Zuidwest-Drenthe', 'Drenthe', 'Stichting Scholengroep Zuidwest-Drenthe', 'Meppel'],
  ['Zuidoost-Drenthe', 'Drenthe', 'Stichting Voortgezet Onderwijs Emmen', 'Emmen'],
  // Flevoland (3)
  ['Almere', 'Flevoland', 'Stichting Openbaar Voortgezet Onderwijs Almere', 'Almere'],
  ['Noordoostpolder-Urk', 'Flevoland', 'Stichting Christelijk Voortgezet Onderwijs Noordoostpolder-Urk', 'Emmeloord'],
  ['Lelystad-Dronten', 'Flevoland', 'Stichting Scholengroep Lelystad-Dronten', 'Lelystad'],
  // Zeeland (1), Caribisch Nederland (1)
  ['STO Zeeland', 'Zeeland', 'Stichting Voortgezet Onderwijs Zeeland', 'Goes'],
  ['Caribisch Nederland', 'Caribisch Nederland', 'Stichting Voortgezet Onderwijs Caribisch Nederland', 'Kralendijk (Bonaire)'],
];

/** Known registration numbers; every other region draws one from STO19001–STO19087. */
const FIXED_REGISTRATION_NUMBERS: Record<string, string> = {
  'TechniekPact Kop van Noord-Holland': 'STO19072',
};

/** Approved on 1 July 2019 according to the record. */
const KNOWN_APPROVED_2019_07 = ['Zuid Fryslân', 'Zuidoost Fryslân'];

/** 45 + 20 + 6 + 7 = 78. */
export const PLAN_STATUS_COUNTS: Record<PlanStatus, number> = {
  approved_2019_07: 45,
  approved_2019_12: 20,
  lichtgroen: 6,
  resubmit: 7,
};

export const PROVINCE_COUNTS: Record<string, number> = {
  'Zuid-Holland': 15,
  'Noord-Brabant': 10,
  'Noord-Holland': 10,
  Gelderland: 11,
  Overijssel: 6,
  Utrecht: 5,
  Friesland: 5,
  Limburg: 4,
  Groningen: 4,
  Drenthe: 3,
  Flevoland: 3,
  Zeeland: 1,
  'Caribisch Nederland': 1,
};

export interface SeedContact {
  name: string;
  email: string;
  role: ContactRole;
}

export interface SeedRegion {
  registrationNumber: string;
  name: string;
  province: string;
  planStatus: PlanStatus;
  penvoerder: string;
  speerpunten: ThemeKey[];
  /** The main town, used for visit locations. */
  town: string;
  contacts: SeedContact[];
}

const FIRST_NAMES = [
  'Anouk', 'Bas', 'Carla', 'Dennis', 'Esther', 'Frank', 'Gerda', 'Henk', 'Inge', 'Joost', 'Karin', 'Lars',
  'Mirjam', 'Niels', 'Olga', 'Pieter', 'Renske', 'Sjoerd', 'Tessa', 'Usha', 'Vincent', 'Wendy', 'Youssef',
  'Zoë', 'Arjen', 'Brigitte', 'Cor', 'Daphne', 'Evert', 'Femke', 'Gijs', 'Hanneke', 'Ivo', 'Jolanda',
  'Koen', 'Lotte', 'Maarten', 'Nadia', 'Otto', 'Paulien', 'Rik', 'Saskia', 'Teun', 'Vera', 'Wim', 'Yara',
] as const;

const LAST_NAMES = [
  'Aalbers', 'Bakker', 'van den Broek', 'Claassen', 'Dekker', 'van Dijk', 'Eising', 'Feenstra', 'de Groot',
  'Hendriks', 'Hoogland', 'IJzerman', 'de Jong', 'Kramer', 'Lammers', 'Meijer', 'Nijhof', 'Oosterhuis',
  'Peters', 'Quint', 'Rietveld', 'Schouten', 'Terpstra', 'Uijttewaal', 'de Vries', 'Wolters', 'Zandbergen',
  'van Beek', 'Coenen', 'Dijkstra', 'Evers', 'van der Heijden', 'Jacobs', 'Koster', 'van der Linden',
  'Martens', 'Nauta', 'Postma', 'Reinders', 'Sanders', 'Timmermans', 'Verhoeven', 'Willemsen', 'El Amrani',
] as const;

/** Lower case, accents off, everything else a hyphen: 'Zuid Fryslân' → 'zuid-fryslan'. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** 'Renske', 'van der Linden' → 'renske.vanderlinden'. */
export function emailLocalPart(firstName: string, lastName: string): string {
  return `${slugify(firstName).replace(/-/g, '')}.${slugify(lastName).replace(/-/g, '')}`;
}

function regionDomain(name: string): string {
  if (name === 'TechniekPact Kop van Noord-Holland') return 'techniekpact-kop.example';
  const slug = slugify(name);
  return /^(techniek|sto-)/.test(slug) ? `${slug}.example` : `sto-${slug}.example`;
}

function buildRegions(): SeedRegion[] {
  const random = createRandom(SEED);

  // Registration numbers: the fixed ones, the rest drawn without repetition from 001–087.
  const fixed = new Set(Object.values(FIXED_REGISTRATION_NUMBERS));
  const pool = random.shuffle(
    Array.from({ length: 87 }, (_, i) => `STO19${String(i + 1).padStart(3, '0')}`).filter((n) => !fixed.has(n)),
  );

  // Plan statuses: the known ones first, then the remaining counts over the other regions at random.
  const statusByName = new Map<string, PlanStatus>(KNOWN_APPROVED_2019_07.map((name) => [name, 'approved_2019_07']));
  const remaining = { ...PLAN_STATUS_COUNTS, approved_2019_07: PLAN_STATUS_COUNTS.approved_2019_07 - statusByName.size };
  const statuses = (Object.keys(remaining) as PlanStatus[]).flatMap((status) => Array<PlanStatus>(remaining[status]).fill(status));
  const others = random.shuffle(REGION_ROWS.map(([name]) => name).filter((name) => !statusByName.has(name)));
  others.forEach((name, i) => statusByName.set(name, statuses[i]!));

  const usedContactNames = new Set<string>();
  const contactName = (): [string, string] => {
    for (;;) {
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      if (!usedContactNames.has(`${first} ${last}`)) {
        usedContactNames.add(`${first} ${last}`);
        return [first, last];
      }
    }
  };
  const roles: ContactRole[] = ['projectleider', 'penvoerder', 'docent'];

  return REGION_ROWS.map(([name, province, penvoerder, town]) => {
    const registrationNumber = FIXED_REGISTRATION_NUMBERS[name] ?? pool.shift()!;
    const speerpunten = random.sample(THEME_KEYS, random.int(2, 4));
    const domain = regionDomain(name);
    const contacts = roles.slice(0, random.int(1, 3)).map((role) => {
      const [first, last] = contactName();
      return { name: `${first} ${last}`, email: `${emailLocalPart(first, last)}@${domain}`, role };
    });
    return { registrationNumber, name, province, planStatus: statusByName.get(name)!, penvoerder, speerpunten, town, contacts };
  });
}

export const REGIONS: readonly SeedRegion[] = buildRegions();

function registrationNumberOf(regionName: string): string {
  const region = REGIONS.find((r) => r.name === regionName);
  if (!region) throw new Error(`seed data: unknown region ${regionName}`);
  return region.registrationNumber;
}

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

export const DEMO_COORDINATOR = {
  name: 'Coördinator Demo',
  email: 'coordinator@sto-ondersteuning.example',
  password: 'demo-coordinator-2019',
} as const;

export const DEMO_SUPPORTER_PASSWORD = 'demo-ondersteuner-2019';

export interface SeedSupporter {
  name: string;
  email: string;
  language: Language;
  themes: ThemeKey[];
  /** The region they work in, by registration number; they never serve it. */
  homeRegistrationNumber: string;
  active: boolean;
}

/** [first name, last name, language, themes, home region, active]. Made-up people. */
const SUPPORTER_ROWS: ReadonlyArray<readonly [string, string, Language, ThemeKey[], string, boolean]> = [
  ['Marieke', 'Bosman', 'nl', ['lob', 'leerlijnen', 'docenten'], 'Gouda', true],
  ['Erik', 'de Wit', 'nl', ['bedrijfsleven', 'faciliteiten', 'innovatie'], 'Achterhoek', true],
  ['Annemiek', 'Hoekstra', 'nl', ['governance', 'docenten'], 'Noordoost Fryslân', true],
  ['Ruud', 'van Leeuwen', 'nl', ['instroom', 'po', 'lob'], 'Haaglanden', true],
  ['Sandra', 'Kuipers', 'nl', ['leerlijnen', 'profielen', 'governance'], 'Zwolle e.o.', true],
  ['Jeroen', 'Mulder', 'nl', ['innovatie', 'faciliteiten'], 'Zuidoost-Brabant', true],
  ['Petra', 'van Dam', 'nl', ['docenten', 'lob', 'po', 'instroom'], 'Utrecht Stad', true],
  ['Hans', 'Verbeek', 'nl', ['governance', 'bedrijfsleven'], 'Parkstad Limburg', true],
  ['Ilse', 'Brouwer', 'nl', ['profielen', 'leerlijnen'], 'Amstelland', true],
  ['Martijn', 'Smit', 'nl', ['bedrijfsleven', 'innovatie', 'instroom'], 'Dordrecht', true],
  ['Linda', 'Huisman', 'en', ['docenten', 'governance', 'leerlijnen'], 'Rijk van Nijmegen', true],
  ['Thomas', 'Visscher', 'en', ['innovatie', 'profielen'], 'Stad Groningen', true],
  ['Yvonne', 'de Graaf', 'nl', ['po', 'instroom', 'lob'], 'Breda e.o.', true],
  ['Bert', 'Jansen', 'nl', ['faciliteiten', 'governance', 'bedrijfsleven'], 'Techniekregio Twente', false],
];

export const SUPPORTERS: readonly SeedSupporter[] = SUPPORTER_ROWS.map(([first, last, language, themes, home, active]) => ({
  name: `${first} ${last}`,
  email: `${emailLocalPart(first, last)}@sto-ondersteuning.example`,
  language,
  themes,
  homeRegistrationNumber: registrationNumberOf(home),
  active,
}));

// Support types and settings are reference data (db/reference-data.ts); re-exported for the demo.
export { SUPPORT_TYPES, SETTINGS, CRITICAL_FRIEND_CUT_OFF, DEFAULT_HALF_DAYS_PER_YEAR, type SupportTypeKey, type SeedSupportType } from './reference-data';

// ---------------------------------------------------------------------------------------------
// Texts for the demo history
// ---------------------------------------------------------------------------------------------

export const SCHOOL_NAMES = [
  'Techniekcollege',
  'Vakcollege',
  'Scholengemeenschap De Brug',
  'Vmbo Het Baken',
  'Praktijkschool De Werkplaats',
  'Mbo-college Techniek',
  'Techlab',
  'Lyceum en vmbo De Horizon',
] as const;

export const QUESTIONS: Record<Exclude<SupportTypeKey, 'thema'>, readonly string[]> = {
  critical_friend: [
    'Wij willen graag een critical friend die met onze projectleider en penvoerder kijkt of de aanpak in ons plan haalbaar is voordat we in januari starten.',
    'Graag een gesprek met een critical friend over de verdeling van taken tussen de vmbo-scholen en het mbo in ons plan.',
    'Kan een critical friend met ons meekijken naar de planning en de mijlpalen van het eerste jaar?',
    'Wij zoeken een kritische blik van buiten op de governance van ons samenwerkingsverband en de rol van de penvoerder.',
    'Graag een critical friend die met ons de cofinanciering door het bedrijfsleven doorloopt: is die stevig genoeg onderbouwd?',
  ],
  samenwerking: [
    'De samenwerking met het bedrijfsleven komt moeizaam op gang. Wie denkt met ons mee over een vaste overlegstructuur met de werkgevers?',
    'Onze vier vmbo-scholen werken nog vooral naast elkaar. We zoeken hulp om tot gezamenlijke afspraken over het techlab te komen.',
    'De gemeente wil meer betrokken worden bij ons plan. Hoe richten we dat in zonder dat het overleg te zwaar wordt?',
    'Wij willen de rolverdeling tussen het mbo en de vmbo-scholen in de stuurgroep opnieuw bekijken. Graag iemand die dit gesprek begeleidt.',
    'Hoe betrekken we kleine mkb-bedrijven bij gastlessen en stages? Nu doen alleen de grote bedrijven mee.',
  ],
  docenten_uitvoering: [
    'Onze docenten techniek vragen hoe zij de nieuwe keuzevakken samen met het mbo kunnen vormgeven. Wie helpt ons bij een eerste werksessie?',
    'We willen een studiemiddag voor docenten over de doorlopende leerlijn vmbo–mbo. Kan iemand deze met ons voorbereiden en begeleiden?',
    'De docenten weten nog te weinig van wat er in ons plan staat. Hoe maken we het plan concreet voor de werkvloer?',
    'Wij zoeken ondersteuning bij het opzetten van hybride docentschap met bedrijven in de regio.',
    'Graag hulp bij het inrichten van intervisie voor docenten die lessen in het gedeelde techlab verzorgen.',
  ],
  herschrijven: [
    'Ons plan moet opnieuw worden ingediend. Wij zoeken hulp bij het aanscherpen van de doelen en de begroting.',
    'De beoordelingscommissie vraagt om een duidelijkere onderbouwing van de cofinanciering. Kan iemand meelezen en meeschrijven?',
    'Wij moeten het plan verduidelijken voor 1 juni. Graag ondersteuning bij het herschrijven van de paragrafen over samenwerking en borging.',
    'Graag hulp bij het opnieuw formuleren van de speerpunten, zodat ze beter aansluiten bij de regionale arbeidsmarkt.',
  ],
  verantwoording: [
    'De tussentijdse verantwoording komt eraan. Wie helpt ons bij het opzetten van de inhoudelijke rapportage?',
    'Wij twijfelen hoe we de urenverantwoording van docenten in de cofinanciering moeten opnemen. Graag advies.',
    'Graag hulp bij het inrichten van de monitor: welke gegevens moeten we per school bijhouden?',
    'Hoe verantwoorden we investeringen in machines die door meerdere scholen worden gebruikt?',
  ],
};

/** Questions for support on a theme, one per speerpunt. */
export const THEME_QUESTIONS: Record<ThemeKey, string> = {
  instroom: 'Hoe zetten we een techniekbus of ons techlab in om meer leerlingen voor techniek te laten kiezen, zonder dat het een losse activiteit blijft?',
  lob: 'Wij willen onze LOB-activiteiten beter laten aansluiten op de technieksector in de regio. Graag ondersteuning op dit speerpunt.',
  leerlijnen: 'Hoe maken we de doorlopende leerlijn vmbo–mbo concreet voor installatietechniek en elektrotechniek? De examenprogramma’s sluiten nog niet aan.',
  docenten: 'Wij verliezen techniekdocenten aan het bedrijfsleven. Wie denkt mee over professionalisering en het behoud van onze docenten?',
  bedrijfsleven: 'Hoe krijgen we meer gastlessen en stageplekken bij bedrijven in de regio, en hoe houden we dat na het eerste jaar vol?',
  faciliteiten: 'Graag ondersteuning bij het gezamenlijk gebruik van machines en faciliteiten tussen de scholen: planning, vervoer en onderhoud.',
  profielen: 'We willen techniek ook een plek geven in de TL/mavo en in vmbo Groen. Graag iemand met ervaring op dit thema.',
  innovatie: 'Ons speerpunt duurzaamheid en energietransitie vraagt om nieuwe lesmodules. Wie denkt mee over de opzet?',
  po: 'Wij willen structureel samenwerken met de basisscholen, bijvoorbeeld met techniekmiddagen voor groep 7 en 8. Hoe pakken we dat aan?',
  governance: 'Hoe borgen we de regionale organisatie na de subsidieperiode? We zoeken hulp bij een eerste verkenning.',
};

/** Questions for regions that write in English (Caribisch Nederland). */
export const QUESTIONS_EN: readonly string[] = [
  'We would like someone to think along about how our schools on Bonaire, Sint Eustatius and Saba can share the technology programme despite the distances.',
  'Could a supporter help us set up internships with local businesses for our vmbo students?',
];

export const PREFERRED_PERIODS = [
  'Zo snel mogelijk',
  'Binnen een maand, bij voorkeur op dinsdag of donderdag',
  'Na de eerstvolgende schoolvakantie',
  'In overleg; maandag en vrijdag kunnen niet',
  'Woensdagmiddag heeft de voorkeur',
  'Over ongeveer zes weken',
  'Vóór de volgende stuurgroepvergadering',
  'Liefst op een studiedag van de docenten',
] as const;

/** Short reports of a critical-friend visit, in three parts: what was discussed, what was seen, what was agreed. */
export const CRITICAL_FRIEND_REPORT_PARTS = {
  discussed: [
    'Gesprek gevoerd met projectleider en penvoerder over de voortgang van het plan.',
    'Met de projectleider, de penvoerder en twee teamleiders techniek het plan doorgelopen.',
    'Bezoek aan het techlab en daarna een gesprek met de stuurgroep over de planning.',
    'Gesprek met projectleider en penvoerder, aangevuld met een vertegenwoordiger van het mbo.',
  ],
  seen: [
    'De samenwerking tussen de vmbo-scholen is goed; het bedrijfsleven is nog weinig zichtbaar.',
    'De doelen zijn helder, maar de mijlpalen voor het eerste jaar zijn nog te algemeen.',
    'De rol van het mbo in de doorlopende leerlijn verdient meer aandacht.',
    'De cofinanciering is rond, de inzet van docenten is nog niet goed in uren vertaald.',
    'Er is veel energie bij de docenten; de borging na de subsidieperiode is nog een open vraag.',
  ],
  agreed: [
    'Afgesproken: de projectleider werkt de jaarplanning uit en deelt die met de stuurgroep.',
    'Afgesproken: voor de start in januari een overleg met de werkgevers plannen.',
    'Afgesproken: de penvoerder legt de taakverdeling tussen de scholen vast.',
    'Afgesproken: een tweede bezoek in november om de voortgang te bespreken.',
    'Afgesproken: de regio vraagt ondersteuning op het thema LOB aan.',
  ],
} as const;

export const VISIT_REPORTS = [
  'Werksessie met docenten van drie scholen. De eerste opzet voor een gezamenlijke lesmodule staat; vervolg in de eigen secties.',
  'Overleg met stuurgroep en twee werkgevers. Er is een vaste overlegvorm afgesproken, vier keer per jaar.',
  'Met de projectleider de concepttekst doorgenomen en de begroting aangescherpt. Nieuwe versie volgt binnen twee weken.',
  'Studiemiddag begeleid voor circa twintig docenten. Veel vragen over roosters en de inzet van het techlab.',
  'Gesprek met penvoerder en controller over de verantwoording. De urenregistratie wordt per school vereenvoudigd.',
  'Verkenning met basisscholen en twee vmbo-scholen; er komt een pilot met techniekmiddagen voor groep 7 en 8.',
  'Samen met de projectleider de monitor ingericht; de scholen leveren hun gegevens voortaan per kwartaal aan.',
] as const;

export const CANCEL_REASONS = [
  'De projectleider is ziek; we plannen een nieuwe datum.',
  'Valt samen met de open dag van het mbo; verplaatst op verzoek van de regio.',
  'Te weinig docenten beschikbaar door een griepgolf.',
  'Op verzoek van de penvoerder uitgesteld tot na de bestuursvergadering.',
] as const;

export const DECLINE_MESSAGES = {
  critical_friend: 'Een critical friend kon alleen vóór 1 december 2019 op bezoek komen. We denken graag mee over een andere vorm van ondersteuning.',
  other: 'Deze vraag valt buiten het ondersteuningsaanbod. We verwijzen u graag naar de themabijeenkomsten.',
} as const;

export const WITHDRAW_MESSAGES = [
  'De vraag is intussen binnen de regio opgelost.',
  'We stellen de vraag later opnieuw, na de bestuurswisseling.',
] as const;
