/**
 * @module datedMemo
 * A memo per owner (a read model, a geography: immutable, so what is worked out from one
 * holds as long as it does) and per date, kept for the last few dates asked (most reads are
 * of today): `datedMemo(dates, make)` gives the function that returns the owner's memo of a
 * date, made by `make` on first ask. Kept only while the owner is (a weak map).
 */
import type { IsoDate } from "@care-atlas/domain";

/** `(owner, date) => memo`, each made once by `make(owner, date)`, for `dates` dates per owner. */
export const datedMemo = <Owner extends object, Memo>(
  dates: number,
  make: (owner: Owner, date: IsoDate) => Memo,
): ((owner: Owner, date: IsoDate) => Memo) => {
  const owners = new WeakMap<Owner, Map<IsoDate, Memo>>();
  return (owner, date) => {
    let byDate = owners.get(owner);
    if (byDate === undefined) {
      byDate = new Map();
      owners.set(owner, byDate);
    }
    let memo = byDate.get(date);
    if (memo === undefined) {
      if (byDate.size >= dates) byDate.clear();
      memo = make(owner, date);
      byDate.set(date, memo);
    }
    return memo;
  };
};
