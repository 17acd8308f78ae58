/** Run with tsx under some TZ: prints the sample .ics files as JSON (see calendar-samples.ts). */
import { renderSamples } from './calendar-samples';

process.stdout.write(JSON.stringify({ tz: process.env.TZ, offsetMinutes: new Date(Date.UTC(2019, 9, 27, 8)).getTimezoneOffset(), samples: renderSamples() }));
