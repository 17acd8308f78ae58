/** Texts of the admin pages (Dutch, the source language). */
export const admin = {
  title: '',
};
