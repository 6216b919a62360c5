/**
 * @module @care-atlas/imports
 * Readers of the official publications' layouts — ODS's organisation, PCN and successor
 * files, ONS's postcode directories and LSOA lookups — as pure functions from a file's
 * bytes to typed rows; each refuses a file of another layout with a {@link LayoutError}
 * naming what is missing.
 */
export { bytesOf, chunksOf, type FileBytes, textChunksOf } from "./FileInput.js";
export { LayoutError } from "./LayoutError.js";
export {
  type EpcnMemberRow,
  type EpcnPcnRow,
  type EpcnWorkbook,
  epcnSheets,
  readEpcn,
} from "./layouts/epcn.js";
export {
  type CodedArea,
  type LookupCommissioner,
  type LsoaCommissionerRow,
  type LsoaLookupHeader,
  type LsoaLookupRow,
  type LsoaWardRow,
  readLsoaLookup,
} from "./layouts/lsoaLookups.js";
export {
  type OdsOrganisationLayout,
  type OdsOrganisationRow,
  odsColumnCount,
  odsLayoutNames,
  readOdsOrganisations,
} from "./layouts/odsOrganisations.js";
export {
  type PostcodeDirectory,
  type PostcodeRow,
  readPostcodes,
} from "./layouts/postcodes.js";
export { readSuccessions, type SuccessionRow, successorColumnCount } from "./layouts/successors.js";
export { planEpcn } from "./plan/epcn.js";
export { type AssignmentView, type LsoaLookupPlan, planLsoaLookup } from "./plan/lsoaLookups.js";
export {
  type NewOrganisation,
  type OdsRecord,
  planOdsOrganisations,
  planOrganisation,
} from "./plan/organisations.js";
export {
  monthNumber,
  monthText,
  PostcodeColumns,
  type PostcodeFields,
  type ReadPostcodes,
  readPostcodeColumns,
} from "./plan/PostcodeColumns.js";
export { type PostcodePlan, type PostcodeView, planPostcodes } from "./plan/postcodes.js";
export { planSuccessions } from "./plan/successions.js";
export { type PlanCounts, type PlanSummary, planActions, summarise } from "./plan/summary.js";
export { Tally } from "./plan/Tally.js";
export {
  type ImportContext,
  type PlanAction,
  type PlanItem,
  type PlannedHistory,
  type RegisterView,
  sameName,
  Working,
} from "./plan/Working.js";
