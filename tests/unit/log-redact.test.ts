import { describe, expect, it } from 'vitest';
import { loggablePath, loggableValue, redactSecrets } from '~/security/log.server';

const TOKEN = 'Qm9vZ2llV29vZ2llLXRva2VuLWZvci10ZXN0cy0xMjM0NTY';

describe('log redaction', () => {
  it('masks the secret of status links and feeds wherever it stands', () => {
    expect(loggablePath(`/aanvraag/${TOKEN}`)).toBe('/aanvraag/…');
    expect(loggablePath(`/aanvraag/${TOKEN}.data`)).toBe('/aanvraag/….data');
    expect(loggablePath(`/aanvraag/${TOKEN}/bezoek/12.ics?x=1`)).toBe('/aanvraag/…/bezoek/12.ics');
    expect(loggablePath(`/agenda/${TOKEN}.ics`)).toBe('/agenda/….ics');
    expect(loggablePath(`http://localhost:3000/agenda/short.ics`)).toBe('/agenda/….ics');
    expect(redactSecrets(`Error: You made a POST request to "/agenda/${TOKEN}.ics" but did not provide an action`)).toBe(
      'Error: You made a POST request to "/agenda/….ics" but did not provide an action',
    );
    // A token anywhere else (a query string, a message) is masked by its shape.
    expect(redactSecrets(`redirectTo=%2Fx%2F${TOKEN}`)).not.toContain(TOKEN);
    expect(loggablePath('/aanvragen')).toBe('/aanvragen');
    expect(loggablePath('/team/aanvragen/12')).toBe('/team/aanvragen/12');
  });

  it('keeps a client-sent value on one short line', () => {
    expect(loggableValue('application/json\r\n2026-01-01 GET /fake 200')).toBe('application/json 2026-01-01 GET /fake 200');
    expect(loggableValue('text/plain '.repeat(50))).toHaveLength(60);
    expect(loggableValue(undefined)).toBe('-');
  });
});
