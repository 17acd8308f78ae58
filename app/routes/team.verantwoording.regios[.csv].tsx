import type { LoaderFunctionArgs } from '@remix-run/node';
import { readOnlyAction } from '~/auth/session.server';
import { accountabilityCsvResponse } from '~/services/accountability-download.server';

/** The figures per region for a year, as CSV for Dutch Excel. */
export const loader = ({ request }: LoaderFunctionArgs) => accountabilityCsvResponse(request, 'regions');

export const action = readOnlyAction('coordinator');
