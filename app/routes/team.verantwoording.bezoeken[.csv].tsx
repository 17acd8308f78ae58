import type { LoaderFunctionArgs } from '@remix-run/node';
import { readOnlyAction } from '~/auth/session.server';
import { accountabilityCsvResponse } from '~/services/accountability-download.server';

/** Every visit of a year with its report, as CSV for Dutch Excel. */
export const loader = ({ request }: LoaderFunctionArgs) => accountabilityCsvResponse(request, 'visits');

export const action = readOnlyAction('coordinator');
