/**
 * Picks black or white text for the brand colour so buttons keep WCAG AA contrast (4.5:1) whatever
 * colour the host chooses. Only hex colours can be measured here; others keep white text.
 * @example textColorOn('#facc15') // '#0f172a'
 */
export function textColorOn(color: string): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return '#fff';
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const channels = [0, 2, 4].map((i) => {
    const c = Number.parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * channels[0]! + 0.7152 * channels[1]! + 0.0722 * channels[2]!;
  // Contrast with white is 1.05/(L+0.05); with #0f172a (L≈0.0086) it is (L+0.05)/0.0586. Keep the higher.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.0586 ? '#fff' : '#0f172a';
}
