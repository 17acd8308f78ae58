/**
 * Demo: the public face's content — questions and answers written from the programme's own
 * answers of autumn 2019 (sto-facts.md), and a few latest developments of regions with an
 * approved plan. No real people; links point at example addresses.
 */
import { faqEntries, regionDevelopments } from '../schema';
import type { DemoSeeder } from './seeder';

type Entry = { category: string; questionNl: string; answerNl: string; questionEn: string; answerEn: string };

export const DEMO_FAQ: readonly Entry[] = [
  {
    category: 'aanvragen',
    questionNl: 'Ons plan is goedgekeurd. Welke ondersteuning kunnen we nu krijgen?',
    answerNl:
      'Na goedkeuring kan elke regio een **critical friend** vragen: iemand die kosteloos langskomt om mee te denken over de uitvoering van het plan, hoogstens twee keer en alleen tot december 2019. Daarnaast is er ondersteuning op thema’s voor projectleiders, penvoerders en docenten.\n\nVraag het aan via het [aanvraagformulier](/aanvragen).',
    questionEn: 'Our plan was approved. What support can we get now?',
    answerEn:
      'After approval every region can ask for a **critical friend**: someone who visits free of charge to think along about carrying out the plan, at most twice and only until December 2019. There is also support on themes for project leaders, penvoerders and teachers.\n\nAsk through the [request form](/aanvragen).',
  },
  {
    category: 'plan',
    questionNl: 'We moeten (een deel van) ons plan herschrijven. Kan iemand helpen?',
    answerNl:
      'Ja. Ook bij het herschrijven en opnieuw indienen van een plan of een deel ervan is ondersteuning mogelijk. Neem contact op met uw ondersteuner, of met het ondersteuningsteam via het [aanvraagformulier](/aanvragen).',
    questionEn: 'We have to rewrite (part of) our plan. Can someone help?',
    answerEn:
      'Yes. Support is also available for rewriting and resubmitting a plan or part of it. Contact your supporter, or the support team through the [request form](/aanvragen).',
  },
  {
    category: 'plan',
    questionNl: 'Mogen we al vóór 1 januari 2020 beginnen?',
    answerNl:
      'Het subsidiegeld voor 2020 kan niet in 2019 worden uitgegeven. Wel kunt u met de begroting voor 2018 en 2019 alvast starten, en een schoolbestuur mag zelf investeren.',
    questionEn: 'May we start before 1 January 2020?',
    answerEn:
      'Grant money for 2020 cannot be spent in 2019. You can, however, start with the 2018 and 2019 budget, and a school board may invest itself.',
  },
  {
    category: 'subsidie',
    questionNl: 'In onze begroting ontbreken de leerlingen van het vso. Wat nu?',
    answerNl:
      'Regio’s waarvan de goedgekeurde begroting de leerlingen van het voortgezet speciaal onderwijs (vso) niet meetelde, konden tot 1 oktober 2019 extra subsidie vragen met een wijzigingsverzoek per e-mail aan het subsidieloket van OCW. Daarin stonden:\n\n- de vso-school die partner is;\n- het aantal vso-leerlingen in een technisch profiel op de teldatum 1 oktober 2018;\n- een addendum over wat er in plan en begroting verandert.\n\nPer leerling ging het in totaal om € 15.895,00.',
    questionEn: 'Our budget leaves out the pupils of special secondary education. What now?',
    answerEn:
      'Regions whose approved budget did not count pupils of special secondary education (vso) could, until 1 October 2019, ask for extra grant through a change request by e-mail to OCW’s grant desk, stating:\n\n- the partner vso school;\n- the number of vso pupils in a technical profile on the count date of 1 October 2018;\n- an addendum on how the plan and budget change.\n\nThe total per pupil was EUR 15,895.00.',
  },
  {
    category: 'verantwoording',
    questionNl: 'Hoe verantwoorden we de subsidie?',
    answerNl:
      'Het programma schrijft samen met OCW en DUS-I een handreiking voor de verantwoording; die komt vóór eind 2019. Eind oktober 2019 was er een bijeenkomst over verantwoording voor projectleiders en controllers. Regio’s met een goedgekeurd plan horen meer van DUS-I.',
    questionEn: 'How do we account for the grant?',
    answerEn:
      'The programme is writing a guide on accounting for the grant together with OCW and DUS-I; it is due before the end of 2019. At the end of October 2019 there was a meeting on accountability for project leaders and controllers. Regions with an approved plan will hear from DUS-I.',
  },
  {
    category: 'verantwoording',
    questionNl: 'Een bureau biedt ons hulp bij de verantwoording aan. Moeten we tekenen?',
    answerNl:
      'Wacht daar nog mee. Het advies is om nog geen contracten te sluiten met commerciële bureaus die verantwoordingsdiensten aanbieden: het is nog niet bekend of uren verantwoord moeten worden.',
    questionEn: 'A firm offers to help us with accountability. Should we sign?',
    answerEn:
      'Not yet. The advice is not to sign contracts with commercial firms offering accountability services for now: it is not yet known whether hours will have to be accounted for.',
  },
  {
    category: 'dus-i',
    questionNl: 'Het uploaden bij DUS-I lukt niet. Hoe lever ik mijn documenten aan?',
    answerNl:
      'U kunt tien extra documenten uploaden onder “overige documenten”, elk hoogstens 5 MB; splits een groot bestand in delen. Scans zijn meestal kleiner. Lukt het dan nog niet, mail de documenten dan, met het registratienummer (STO19XXX) in het onderwerp.',
    questionEn: 'Uploading to DUS-I fails. How do I send my documents?',
    answerEn:
      'You can upload ten extra documents under “overige documenten”, each at most 5 MB; split a large file into parts. Scans are usually smaller. If it still fails, e-mail the documents with the registration number (STO19XXX) in the subject.',
  },
  {
    category: 'plan',
    questionNl: 'Hoeveel regioplannen zijn goedgekeurd?',
    answerNl:
      'Op 1 juli 2019 schreef minister Slob de Tweede Kamer dat meer dan de helft van de ingediende regioplannen was goedgekeurd: 45 plannen. Op 17 december 2019 volgden er nog 26 (20 goedgekeurd, 6 “lichtgroen”).',
    questionEn: 'How many regional plans were approved?',
    answerEn:
      'On 1 July 2019 minister Slob told parliament by letter that more than half of the submitted regional plans were approved: 45 plans. On 17 December 2019, 26 more followed (20 approved, 6 “light green”).',
  },
];

/** [title, text, date, link] of the demo developments of TechniekPact Kop van Noord-Holland. */
const DEMO_DEVELOPMENTS: ReadonlyArray<readonly [string, string, string, string | null]> = [
  ['Gastlessen techniek op alle basisscholen', 'Leerlingen van groep 7 en 8 maken dit schooljaar kennis met techniek in gastlessen van vmbo-docenten en bedrijven uit de regio.', '2019-10-10', null],
  ['Gedeeld techniekatelier geopend', 'Vmbo-scholen en het mbo delen vanaf deze maand een atelier met machines voor metaal- en installatietechniek.', '2019-11-04', 'https://www.example.org/techniekatelier'],
  ['Docenten lopen stage bij bedrijven', 'Twaalf techniekdocenten liepen een week mee bij bedrijven om hun lessen actueler te maken.', '2019-11-21', null],
];

const DAY = 86_400_000;

export const demoPublicContent: DemoSeeder = {
  name: 'public content',
  prepare: () => (tx, ctx) => {
    DEMO_FAQ.forEach((e, i) => {
      tx.insert(faqEntries)
        .values({ ...e, sortOrder: i + 1, published: true, createdAt: ctx.now - (DEMO_FAQ.length - i) * DAY, updatedAt: ctx.now - (DEMO_FAQ.length - i) * DAY })
        .run();
    });
    const fixed = ctx.regions.get('STO19072');
    const regionIds = fixed ? [fixed.id] : [...ctx.regions.values()].slice(0, 1).map((r) => r.id);
    let written = 0;
    for (const regionId of regionIds) {
      for (const [title, body, date, link] of DEMO_DEVELOPMENTS) {
        tx.insert(regionDevelopments)
          .values({ regionId, title, body, linkUrl: link, date, status: 'published', createdById: ctx.coordinator?.id ?? null, decidedById: ctx.coordinator?.id ?? null, decidedAt: ctx.now, createdAt: ctx.now, updatedAt: ctx.now })
          .run();
        written++;
      }
    }
    return { faq: DEMO_FAQ.length, developments: written };
  },
};
