/**
 * Reading what messages and feeds say about visits and requests: one joined query each, usable
 * inside a transaction (Tx) or on the database.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import { perConnection } from '~/services/common.server';
import type { Queryable } from '~db/client';
import { regions, supportRequests, supportTypes, users, visits } from '~db/schema';
import type { RequestMessageFacts, VisitMessageFacts } from './templates';

export type VisitRecord = ReturnType<typeof selectVisitRecords>[number];

const visitRecordColumns = {
  visitId: visits.id,
  uid: visits.calendarUid,
  sequence: visits.sequence,
  status: visits.status,
  startsAt: visits.startsAt,
  endsAt: visits.endsAt,
  location: visits.location,
  requestId: supportRequests.id,
  question: supportRequests.question,
  contactName: supportRequests.contactName,
  contactEmail: supportRequests.contactEmail,
  contactLanguage: supportRequests.contactLanguage,
  regionId: regions.id,
  regionName: regions.name,
  registrationNumber: regions.registrationNumber,
  supportTypeNl: supportTypes.nameNl,
  supportTypeEn: supportTypes.nameEn,
  supporterId: users.id,
  supporterName: users.name,
  supporterEmail: users.email,
  supporterLanguage: users.language,
};

function visitRecordQuery(q: Queryable) {
  return q
    .select(visitRecordColumns)
    .from(visits)
    .innerJoin(supportRequests, eq(supportRequests.id, visits.requestId))
    .innerJoin(regions, eq(regions.id, visits.regionId))
    .innerJoin(supportTypes, eq(supportTypes.id, visits.supportTypeId))
    .innerJoin(users, eq(users.id, visits.supporterId))
    .$dynamic();
}

/** Visits with their request, region, support type and supporter, in start order. */
export function selectVisitRecords(q: Queryable, where?: SQL) {
  return visitRecordQuery(q).where(where).orderBy(visits.startsAt, visits.id).all();
}

/** One visit's record: prepared once per connection, since every booking change reads it. */
const oneVisitRecord = perConnection((q) =>
  visitRecordQuery(q)
    .where(eq(visits.id, sql.placeholder('id')))
    .prepare(),
);

export function requireVisitRecord(q: Queryable, visitId: number): VisitRecord {
  const record = oneVisitRecord(q).get({ id: visitId });
  if (!record) throw new Error(`Visit ${visitId} not found`);
  return record;
}

export function visitMessageFacts(record: VisitRecord): VisitMessageFacts {
  return {
    uid: record.uid,
    sequence: record.sequence,
    startsAt: record.startsAt,
    endsAt: record.endsAt,
    location: record.location,
    question: record.question,
    regionName: record.regionName,
    registrationNumber: record.registrationNumber,
    supportTypeName: { nl: record.supportTypeNl, en: record.supportTypeEn },
    supporterName: record.supporterName,
  };
}

export function requireRequestRecord(q: Queryable, requestId: number) {
  const record = q
    .select({
      requestId: supportRequests.id,
      question: supportRequests.question,
      contactName: supportRequests.contactName,
      contactEmail: supportRequests.contactEmail,
      contactLanguage: supportRequests.contactLanguage,
      regionName: regions.name,
      registrationNumber: regions.registrationNumber,
      supportTypeNl: supportTypes.nameNl,
      supportTypeEn: supportTypes.nameEn,
    })
    .from(supportRequests)
    .innerJoin(regions, eq(regions.id, supportRequests.regionId))
    .innerJoin(supportTypes, eq(supportTypes.id, supportRequests.supportTypeId))
    .where(eq(supportRequests.id, requestId))
    .get();
  if (!record) throw new Error(`Support request ${requestId} not found`);
  return record;
}

export type RequestRecord = ReturnType<typeof requireRequestRecord>;

export function requestMessageFacts(record: RequestRecord): RequestMessageFacts {
  return {
    regionName: record.regionName,
    registrationNumber: record.registrationNumber,
    supportTypeName: { nl: record.supportTypeNl, en: record.supportTypeEn },
    question: record.question,
  };
}
