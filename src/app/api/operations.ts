import { contributionOps } from './ops/contributions';
import { excelOps } from './ops/excel';
import { guideOps } from './ops/guides';
import { planOps } from './ops/plan';
import { projectOps } from './ops/projects';
import { referenceWageOps } from './ops/referenceWages';
/**
 * The one list of operations. Each family lives in src/app/api/ops/<family>.ts and is spread in here;
 * the renderer's client type is derived from this object (src/app/api/client.ts).
 */
export const operations = {
  ...guideOps,
  ...referenceWageOps,
  ...contributionOps,
  ...projectOps,
  ...planOps,
  ...excelOps,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
