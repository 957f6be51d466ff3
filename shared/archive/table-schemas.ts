// The fields schema of every synced table, in one place: what a record of each table must satisfy
// wherever it comes from (a workspace archive, a backup). Declared as a Record over SyncedTable, so
// a new synced table does not compile until it has its schema here.
import type { z } from 'zod';
import type { SyncedTable } from '../sync/contract';
import { barrierFieldsSchema, projectFieldsSchema, stageLogFieldsSchema } from '../domain/project.schema';
import { organizationFieldsSchema, personFieldsSchema } from '../domain/people.schema';
import { investmentStatFieldsSchema } from '../domain/investment-stat.schema';
import { agendaItemFieldsSchema, attendanceFieldsSchema, meetingFieldsSchema, minutesFieldsSchema } from '../domain/meeting.schema';
import { assignmentFieldsSchema, calendarDayFieldsSchema, extensionFieldsSchema, reportFieldsSchema } from '../domain/assignment.schema';
import { attachmentFieldsSchema } from '../domain/attachment.schema';

export const TABLE_FIELD_SCHEMAS: Readonly<Record<SyncedTable, z.ZodType>> = {
  people: personFieldsSchema,
  organizations: organizationFieldsSchema,
  projects: projectFieldsSchema,
  barriers: barrierFieldsSchema,
  stageLog: stageLogFieldsSchema,
  investmentStats: investmentStatFieldsSchema,
  meetings: meetingFieldsSchema,
  agendaItems: agendaItemFieldsSchema,
  attendance: attendanceFieldsSchema,
  minutes: minutesFieldsSchema,
  assignments: assignmentFieldsSchema,
  extensions: extensionFieldsSchema,
  reports: reportFieldsSchema,
  calendarDays: calendarDayFieldsSchema,
  attachments: attachmentFieldsSchema,
};
