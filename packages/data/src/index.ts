/**
 * @module @care-atlas/data
 * Greater Manchester's integrated care system as Care Atlas domain records — system, places,
 * organisations and their history, GP practices and PCNs, LSOAs, neighbourhood schemes,
 * governance and strategy — each with its source; the Trafford postcode sample and a loader
 * for the ONS Postcode Directory; boundaries for maps.
 */
export { boundaryPaths, generatedPaths, loadAttribution, loadSnapshot } from "./Dataset.js";
export {
  loadLsoaAssignments,
  lsoaAssignmentColumns,
  lsoaAssignmentsPath,
} from "./LsoaAssignments.js";
export {
  loadPostcodes,
  type PostcodeCsvOptions,
  parsePostcodeCsv,
  postcodeColumns,
  postcodeRecordColumns,
  postcodesPath,
} from "./PostcodeCsv.js";
