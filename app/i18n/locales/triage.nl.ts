/** Texts of the triage pages (Dutch, the source language). */
export const triage = {
  title: '',
};
