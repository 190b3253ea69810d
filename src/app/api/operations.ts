import { compareOps } from './ops/compare';
import { contributionOps } from './ops/contributions';
import { draftOps } from './ops/drafts';
import { excelOps } from './ops/excel';
import { fitOps } from './ops/fit';
import { gradingOps } from './ops/grading';
import { guideOps } from './ops/guides';
import { historyOps } from './ops/history';
import { jobOps } from './ops/jobs';
import { planOps } from './ops/plan';
import { projectOps } from './ops/projects';
import { referenceWageOps } from './ops/referenceWages';
import { reviewOps } from './ops/review';
import { rosterOps } from './ops/roster';
import { tableImportOps } from './ops/tableImport';
/**
 * The one list of operations. Each family lives in src/app/api/ops/<family>.ts and is spread in here;
 * the renderer's client type is derived from this object (src/app/api/client.ts).
 */
export const operations = {
  ...guideOps,
  ...referenceWageOps,
  ...contributionOps,
  ...projectOps,
  ...compareOps,
  ...tableImportOps,
  ...historyOps,
  ...draftOps,
  ...planOps,
  ...rosterOps,
  ...gradingOps,
  ...excelOps,
  ...reviewOps,
  ...fitOps,
  ...jobOps,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
