// People (участники, кураторы) and organizations (investors, state bodies) of a region.
import { z } from 'zod';
import { binIssue, checkBin } from './bin';
import type { recordMeta } from './record';
import { optionalText, requiredLine } from './text';

/** The longest a person's texts may be (characters). */
export const PERSON_TEXT_MAX = { fullName: 200, position: 300 } as const;

export const personFieldsSchema = z.object({
  fullName: requiredLine(PERSON_TEXT_MAX.fullName),
  /** Position as the minutes print it, e.g. «аким Актюбинской области». */
  position: optionalText(PERSON_TEXT_MAX.position),
  regionId: z.string().min(1),
});
export type PersonFields = z.output<typeof personFieldsSchema>;
export type Person = z.infer<typeof recordMeta> & PersonFields;

export const ORGANIZATION_KINDS = ['investor', 'state_body', 'other'] as const;

export const organizationFieldsSchema = z.object({
  name: requiredLine(300),
  kind: z.enum(ORGANIZATION_KINDS),
  bin: z.preprocess((v) => (v === '' ? undefined : v), z.string().refine((s) => checkBin(s).ok, { error: (issue) => binIssue(String(issue.input)) ?? 'invalid_bin' }).optional()),
  regionId: z.string().min(1),
});
export type OrganizationFields = z.output<typeof organizationFieldsSchema>;
export type Organization = z.infer<typeof recordMeta> & OrganizationFields;
