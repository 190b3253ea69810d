/**
 * Age in completed years (周岁) on a date: the years between the birth date and the date, one less
 * if the birthday has not come yet that year. A worker born on 29 February turns a year older on
 * 1 March in a year without one. Dates are ISO text (YYYY-MM-DD), compared as numbers — no clock,
 * no time zone. A birth date after the date gives null (not yet born: no age).
 */
export function completedYears(birthDate: string, on: string): number | null {
  const by = Number(birthDate.slice(0, 4));
  const bmd = Number(birthDate.slice(5, 7)) * 100 + Number(birthDate.slice(8, 10));
  const oy = Number(on.slice(0, 4));
  const omd = Number(on.slice(5, 7)) * 100 + Number(on.slice(8, 10));
  const age = oy - by - (omd < bmd ? 1 : 0);
  return age < 0 ? null : age;
}
