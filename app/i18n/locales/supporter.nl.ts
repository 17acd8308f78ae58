/** Texts of the supporter pages (Dutch, the source language). */
export const supporter = {
  title: '',
};
