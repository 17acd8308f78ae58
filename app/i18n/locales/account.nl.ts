/** Texts of one's own account: the page where a temporary password is replaced (/wachtwoord). */
export const account = {
  password: {
    title: 'Kies uw eigen wachtwoord',
    titleVoluntary: 'Wachtwoord wijzigen',
    intro: 'U bent ingelogd met een tijdelijk wachtwoord. Kies eerst een eigen wachtwoord; daarna gaat u verder naar uw startpagina.',
    introVoluntary: 'Na het wijzigen wordt u op alle andere apparaten uitgelogd.',
    temporaryPassword: 'Tijdelijk wachtwoord',
    submit: 'Wachtwoord opslaan',
    signOutHint: 'Niet nu? Met de knop Uitloggen bovenaan stopt u zonder iets te wijzigen.',
  },
  errors: {
    samePassword: 'Kies een nieuw wachtwoord dat anders is dan het huidige.',
  },
};
