/** The summary's small chart: matching hits over packet time, as inline SVG bars. */
const SVG = 'http://www.w3.org/2000/svg';

export function renderTimeline(host: HTMLElement, data: { start: number; end: number; counts: number[] } | undefined): void {
  host.textContent = '';
  if (!data) return;
  const width = 240;
  const height = 36;
  const max = Math.max(...data.counts, 1);
  const barWidth = width / data.counts.length;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('role', 'img');
  const label = `hits from ${iso(data.start)} to ${iso(data.end)}, at most ${max} per bar`;
  svg.setAttribute('aria-label', label);
  const title = document.createElementNS(SVG, 'title');
  title.textContent = label;
  svg.appendChild(title);
  data.counts.forEach((count, i) => {
    if (count === 0) return;
    const h = Math.max(1, (count / max) * (height - 2));
    const rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('x', String(i * barWidth));
    rect.setAttribute('y', String(height - h));
    rect.setAttribute('width', String(Math.max(1, barWidth - 1)));
    rect.setAttribute('height', String(h));
    svg.appendChild(rect);
  });
  host.appendChild(svg);
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '');
}
