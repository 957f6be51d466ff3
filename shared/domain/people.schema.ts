// People (участники, кураторы) and organizations (investors, state bodies) of a region.
import { z } from 'zod';
import { binIssue, checkBin } from './bin';
import type { recordMeta } from './record';
import { optionalText, requiredLine } from './text';

export const personFieldsSchema = z.object({
  fullName: requiredLine(200),
  /** Position as the minutes print it, e.g. «аким Актюбинской области». */
  position: optionalText(300),
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
