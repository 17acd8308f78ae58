/**
 * The demo seeders, in the order they run (each may use what the ones before it made). To add demo
 * content for a feature, write a DemoSeeder in this folder and add it to the list.
 */
import { demoHistory } from './history';
import { demoHolidays } from './holidays';
import { demoPeople } from './people';
import { demoPublicContent } from './public-content';
import { demoRegions } from './regions';
import type { DemoSeeder } from './seeder';

export const DEMO_SEEDERS: readonly DemoSeeder[] = [demoRegions, demoPeople, demoHistory, demoPublicContent, demoHolidays];

export type { DemoContext, DemoOptions, DemoSeeder, DemoWriter } from './seeder';
