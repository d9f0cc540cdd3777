/** Rp16.800 — a dot for thousands, no decimals, no space: how vendors read prices. */
export function formatRupiah(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const digits = Math.round(Math.abs(amount)).toString();
  return `${sign}Rp${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}
