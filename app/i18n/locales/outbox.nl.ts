/** Texts of the outbox pages (Dutch, the source language). */
export const outbox = {
  title: '',
};
