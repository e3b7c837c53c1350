"""Server-rendered SVG charts (no external service, no script)."""

from markupsafe import Markup, escape


def histogram_svg(counts: list[int], cutoff: float | None, width: int = 560, height: int = 180) -> Markup:
    """Bars of how many candidates fall in each 10 % band, with the cutoff drawn as a line."""
    left, bottom, top = 36, 28, 24
    plot_w, plot_h = width - left - 8, height - bottom - top
    highest = max(counts) or 1
    bar = plot_w / len(counts)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Score distribution: {escape(", ".join(str(c) for c in counts))} candidates per 10 % band" '
             f'class="histogram">',
             f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="#98a2b3"/>']
    for index, count in enumerate(counts):
        h = plot_h * count / highest
        x = left + index * bar
        parts.append(f'<rect x="{x + 2:.1f}" y="{top + plot_h - h:.1f}" width="{bar - 4:.1f}" height="{h:.1f}" '
                     f'fill="#1f5fbf"><title>{index * 10}–{index * 10 + 10} %: {count}</title></rect>')
        if count:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{top + plot_h - h - 3:.1f}" font-size="10" '
                         f'text-anchor="middle" fill="#1d2330">{count}</text>')
        parts.append(f'<text x="{x:.1f}" y="{height - 10}" font-size="10" fill="#667085">{index * 10}</text>')
    parts.append(f'<text x="{left + plot_w - 4}" y="{height - 10}" font-size="10" fill="#667085" '
                 f'text-anchor="end">100 %</text>')
    parts.append(f'<text x="4" y="{top + 10}" font-size="10" fill="#667085">{highest}</text>')
    if cutoff is not None:
        x = left + plot_w * min(max(cutoff, 0), 100) / 100
        parts.append(f'<line x1="{x:.1f}" y1="{top - 8}" x2="{x:.1f}" y2="{top + plot_h}" stroke="#b42318" '
                     f'stroke-width="2" stroke-dasharray="4 3"/>')
        anchor = "end" if cutoff > 70 else "start"
        parts.append(f'<text x="{x + (-4 if anchor == "end" else 4):.1f}" y="{top - 10}" font-size="11" '
                     f'fill="#b42318" text-anchor="{anchor}">cutoff {cutoff:g} %</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
