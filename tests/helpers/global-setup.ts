/** Runs once before the vitest suite. Tests create their own databases (tests/helpers/db.ts). */
export default function setup(): void {
  process.env.TZ ??= 'Europe/Amsterdam';
}
