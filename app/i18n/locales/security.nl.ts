/** Texts of the edges' safeguards: suspected floods of the public form. */
export const security = {
  flood: {
    title: 'Mogelijk misbruik van het aanvraagformulier',
    intro: 'Deze regio’s kregen het afgelopen etmaal ongewoon veel aanvragen. Het formulier blijft open; kijk of de aanvragen echt zijn en wijs onechte af.',
    line: '{{region}} ({{number}}): {{count}} aanvragen in 24 uur',
    link: 'Bekijk de aanvragen in de inbox',
  },
};
