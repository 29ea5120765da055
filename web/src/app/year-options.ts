/** Years from 2017 (the 科技型中小企业 evaluation's first year) to next year, newest first. */
export function yearOptions(from = 2017): { value: number; label: string }[] {
  const last = new Date().getFullYear() + 1;
  const years: { value: number; label: string }[] = [];
  for (let year = last; year >= from; year--) years.push({ value: year, label: String(year) });
  return years;
}
