/**
 * @module epcn (plan)
 * Planning an ePCN workbook against the register as of its date: PCNs whose sub-ICB
 * location the register holds are created, renamed (a new version from the file's date) or
 * ended; each practice → PCN membership becomes a `member-of` relationship, its period
 * clipped to the lives of the practice and the PCN; a membership the file ends is ended.
 */
import { History, type IsoDate, type Relationship, stableId } from "@care-atlas/domain";
import type { EpcnWorkbook } from "../layouts/epcn.js";
import { planOrganisation } from "./organisations.js";
import { type ImportContext, nextDay, type Working } from "./Working.js";

const earlier = (a: IsoDate | null, b: IsoDate | null): IsoDate | null =>
  a === null ? b : b === null ? a : a < b ? a : b;

/** Plans both sheets: PCNs first, then memberships. */
export const planEpcn = (
  working: Working,
  workbook: EpcnWorkbook,
  context: ImportContext,
  onRow?: (done: number) => void,
): void => {
  let done = 0;
  for (const pcn of workbook.pcns) {
    const subIcb = working.organisation(pcn.subIcbCode, ["sub-icb-location", "ccg"]);
    const placeId =
      subIcb === undefined
        ? undefined
        : History.versionAt(working.versions("organisation", subIcb), context.published)?.placeId;
    planOrganisation(
      working,
      {
        code: pcn.code,
        name: pcn.name,
        postcode: pcn.postcode,
        openDate: pcn.openDate,
        closeDate: pcn.closeDate,
      },
      context,
      subIcb === undefined
        ? `its sub-ICB location ${pcn.subIcbCode} is not in the register`
        : { kind: "pcn", placeId, nameOnlyFromFileDate: false },
    );
    onRow?.(++done);
  }
  for (const member of workbook.members) {
    const key = `${member.practiceCode} → ${member.pcnCode} from ${member.startDate}`;
    const practiceId = working.organisation(member.practiceCode, ["gp-practice"]);
    const pcnId = working.organisation(member.pcnCode, ["pcn"]);
    if (practiceId === undefined || pcnId === undefined) {
      working.note(
        "skipped",
        "relationship",
        null,
        key,
        `${practiceId === undefined ? `practice ${member.practiceCode}` : `PCN ${member.pcnCode}`} is not in the register`,
      );
      onRow?.(++done);
      continue;
    }
    const practiceLife = History.lifetime(working.versions("organisation", practiceId));
    const pcnLife = History.lifetime(working.versions("organisation", pcnId));
    const fileTo = member.endDate === null ? null : nextDay(member.endDate);
    const to = earlier(earlier(fileTo, practiceLife?.to ?? null), pcnLife?.to ?? null);
    const clipped = to !== fileTo;
    const id = stableId(
      "relationship",
      `member-of:ods:${member.practiceCode}>ods:${member.pcnCode}:${member.startDate}`,
    );
    const versions = working.versions("relationship", id);
    const valid = { from: member.startDate, to };
    if (versions.length === 0) {
      const relationship: Relationship = {
        id,
        kind: "member-of",
        subjectId: practiceId,
        objectId: pcnId,
        role: "core partner",
        valid,
        provenance: {
          sources: [context.source],
          derivation: `${context.fileName} (data date ${context.published}): ${member.practiceCode} is a core partner of ${member.pcnCode} from ${member.startDate}${member.endDate === null ? "" : ` to ${member.endDate} (the last day; valid.to is the day after)`}.${clipped ? ` Ended at ${to} by the end of the practice or the PCN.` : ""}`,
        },
      };
      working.put("relationship", id, [relationship]);
      working.note(
        "created",
        "relationship",
        id,
        key,
        `member-of ${member.pcnCode} ${valid.from} – ${valid.to ?? "open"}`,
      );
      onRow?.(++done);
      continue;
    }
    const recordedTo = History.lifetime(versions)?.to ?? null;
    if (recordedTo === to) {
      working.note("unchanged", "relationship", id, key, "membership as recorded");
      onRow?.(++done);
      continue;
    }
    if (to !== null && (recordedTo === null || recordedTo > to)) {
      const ended = History.endHistory(versions, to).map((version) => ({
        ...version,
        provenance: {
          sources: [...new Set([...version.provenance.sources, context.source])],
          derivation:
            `${version.provenance.derivation ?? ""} ${context.fileName} (data date ${context.published}) ends it: last day ${member.endDate ?? to}.`.trim(),
        },
      }));
      working.put("relationship", id, ended);
      working.note("ended", "relationship", id, key, `membership of ${member.pcnCode} ends ${to}`);
    } else {
      working.note(
        "unchanged",
        "relationship",
        id,
        key,
        `the register ends it on ${recordedTo}, before the file does`,
      );
    }
    onRow?.(++done);
  }
};
