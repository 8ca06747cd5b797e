#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The figure `compute-explorer --export chart.png` draws in its default (report) style,
done the usual way with matplotlib: the bundled OpenAI dataset on a log axis, coloured by
domain, with point labels, the title, both eras of the first scheme as light bands named
above the plot, each era's fitted trend line (with its 95% confidence band when the
slope's interval excludes 0), a legend of domains and trends below the plot and the
citation line, written as a 2400 x 1600 PNG (1200 x 800 at scale 2).
Used by export_vs_matplotlib.sh to compare whole-process times side by side.
    matplotlib_equivalent.py DATASET.json OUT.png"""
import datetime as dt
import json
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

PFS_DAY = 8.64e19


def flop(estimate):
    if estimate["method"] == "reported":
        return estimate["value"] * (PFS_DAY if estimate.get("unit") == "pfs-days" else 1.0)
    return None


DOMAIN_COLOURS = ["#c4620b", "#227b22", "#185c8a", "#a51e1f", "#6a3d9a", "#8c564b"]


def t95(df):
    """Two-sided 95% quantile of Student's t (Cornish-Fisher, to 3 decimals for df >= 3)."""
    z = 1.959964
    return z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)


def year_of(text):
    if text is None:
        return None
    date = dt.date.fromisoformat((text + "-01-01")[:10] if len(text) == 4 else (text + "-01")[:10])
    return date.year + (date.timetuple().tm_yday - 1) / 365.25


def main(dataset_path, out_path):
    with open(dataset_path, encoding="utf-8") as f:
        data = json.load(f)
    hidden = set(data["metadata"].get("hidden_tags", []))
    names, dates, values, domains = [], [], [], []
    for run in data["runs"]:
        if hidden & set(run.get("tags", [])) or "date" not in run or not run.get("estimates"):
            continue
        value = flop(run["estimates"][run.get("primary", 0)])
        if value is None:
            continue
        names.append(run["name"])
        dates.append(year_of(run["date"]))
        values.append(value)
        domains.append(run.get("domain", "Other"))
    x, y = np.array(dates), np.log10(np.array(values))

    plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 9})
    fig = plt.figure(figsize=(6.5, 4.3334), dpi=2400 / 6.5)
    ax = fig.add_axes([0.12, 0.30, 0.85, 0.55])
    ax.set_yscale("log")
    lo, hi = min(x), max(x)
    pad = 0.04 * (hi - lo)
    ax.set_xlim(lo - pad, hi + pad)
    handles = []
    for era in data["era_schemes"][0]["eras"]:
        a = year_of(era.get("from")) or lo - pad
        b = year_of(era.get("to")) or hi + pad
        ax.axvspan(a, b, color=era["color"], alpha=0.078, lw=0)
        ax.axvline(a, color=era["color"], alpha=0.6, lw=0.8)
        ax.text(max(a, lo - pad), 1.01, era["name"], transform=ax.get_xaxis_transform(),
                color=era["color"], fontweight="bold", va="bottom")
        inside = (x >= a) & (x < b)
        n = int(inside.sum())
        if n < 3:
            continue
        xe, ye = x[inside], y[inside]
        slope, intercept = np.polyfit(xe, ye, 1)
        resid = ye - (intercept + slope * xe)
        s2 = resid @ resid / (n - 2)
        sxx = ((xe - xe.mean()) ** 2).sum()
        t = t95(n - 2)
        slope_ci = t * np.sqrt(s2 / sxx)
        r2 = 1 - resid @ resid / ((ye - ye.mean()) ** 2).sum()
        xs = np.linspace(xe.min(), xe.max(), 64)
        line = intercept + slope * xs
        (handle,) = ax.plot(xs, 10**line, color=era["color"], lw=1.8)
        text = (f"{era['name']}: doubling every {np.log10(2) / slope * 12:.1f} months "
                f"(x{10 ** slope:.2f}/yr, R\u00b2 {r2:.2f}, n = {n})")
        if slope - slope_ci > 0 or slope + slope_ci < 0:
            half = t * np.sqrt(s2 * (1 / n + (xs - xe.mean()) ** 2 / sxx))
            ax.fill_between(xs, 10 ** (line - half), 10 ** (line + half), color=era["color"],
                            alpha=0.18, lw=0)
        else:
            text += " \u00b7 95% interval unbounded"
        handles.append((handle, text))
    order = list(dict.fromkeys(domains))
    for i, domain in enumerate(order):
        pick = np.array([d == domain for d in domains])
        ax.scatter(x[pick], 10 ** y[pick], s=30, color=DOMAIN_COLOURS[i % len(DOMAIN_COLOURS)],
                   edgecolors="none", zorder=3, label=domain)
    for name, xi, yi in zip(names, x, y):
        ax.annotate(name, (xi, 10**yi), fontsize=9, xytext=(5, 0), textcoords="offset points",
                    va="center")
    ax.set_xlabel("Publication date", fontsize=10)
    ax.set_ylabel("Training compute (FLOP)", fontsize=10)
    fig.text(0.02, 0.97, data["metadata"]["title"], fontsize=13, fontweight="bold", va="top")
    ax.grid(True, which="major", color="#e0e0e0")
    ax.minorticks_off()
    domain_legend = fig.legend(loc="lower left", bbox_to_anchor=(0.12, 0.115), ncol=4,
                               frameon=False, title="Domain")
    fig.add_artist(domain_legend)
    fig.legend([h for h, _ in handles], [t for _, t in handles], loc="lower left",
               bbox_to_anchor=(0.12, 0.03), frameon=False)
    fig.text(0.02, 0.01, data["metadata"].get("citation", ""), fontsize=9, color="#555555")
    fig.savefig(out_path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
