"""Charts drawn by matplotlib for briefings: compliance by party.

Why matplotlib with the Agg backend: it needs no display, writes SVG (for HTML and the PDF,
text drawn as paths so no font must be installed for the PDF engine) and PNG (for Markdown
viewers), and is a library analysts know; nothing is drawn by hand.
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

from matplotlib import pyplot as plt  # noqa: E402 - the backend is chosen first
from matplotlib.figure import Figure  # noqa: E402

from suivi.follow.compliance import Compliance  # noqa: E402

# One colour per status, readable in print and by colour-blind readers (Okabe-Ito palette).
STATUS_COLOURS = {
    "fulfilled": "#009E73",
    "in_progress": "#56B4E9",
    "partial": "#F0E442",
    "announced": "#BBBBBB",
    "stalled": "#E69F00",
    "broken": "#D55E00",
    "moot": "#000000",
}
STATUS_LABELS = {"in_progress": "in progress"}


def compliance_figure(figures: list[Compliance], *, title: str = "Compliance by party") -> Figure | None:
    """Horizontal bars: each party's commitments split by status, its score (0-100 %) at the right."""
    parties = [f for f in figures if f.kind == "party" and f.count]
    if not parties:
        return None
    parties.sort(key=lambda f: (-f.count, f.group))
    parties = parties[:12]
    fig, ax = plt.subplots(figsize=(7.2, 0.45 * len(parties) + 1.4), dpi=150)
    rows = list(range(len(parties)))[::-1]
    left = [0.0] * len(parties)
    for status, colour in STATUS_COLOURS.items():
        widths = [f.statuses.get(status, 0) for f in parties]
        if not any(widths):
            continue
        ax.barh(rows, widths, left=left, color=colour, edgecolor="white", linewidth=0.6,
                label=STATUS_LABELS.get(status, status))
        left = [x + w for x, w in zip(left, widths, strict=True)]
    ax.set_yticks(rows, [f.group for f in parties])
    ax.set_xlabel("commitments")
    top = max(left)
    for row, f, end in zip(rows, parties, left, strict=True):
        score = "not scored" if f.percent is None else f"{f.percent:.0f} %"
        ax.text(end + top * 0.02, row, score, va="center", fontsize=8)
    ax.set_xlim(0, top * 1.2 + 0.5)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(title, fontsize=10, loc="left")
    ax.legend(ncol=4, fontsize=7, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.18 - 0.5 / len(parties)))
    fig.tight_layout()
    return fig


def to_svg(fig: Figure) -> bytes:
    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "suivi"}):
        buffer = io.BytesIO()
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    return buffer.getvalue()


def to_png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", metadata={"Software": None})
    return buffer.getvalue()


def close(fig: Figure) -> None:
    plt.close(fig)
