#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The chart `compute-explorer --export chart.png` draws, done the usual way with
matplotlib: the bundled OpenAI dataset on a log axis with point labels, one era band and
one fitted trend line, written as a 2400 x 1600 PNG (1200 x 800 at scale 2).
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


def main(dataset_path, out_path):
    with open(dataset_path, encoding="utf-8") as f:
        data = json.load(f)
    hidden = set(data["metadata"].get("hidden_tags", []))
    names, dates, values = [], [], []
    for run in data["runs"]:
        if hidden & set(run.get("tags", [])) or "date" not in run or not run.get("estimates"):
            continue
        value = flop(run["estimates"][run.get("primary", 0)])
        if value is None:
            continue
        date = dt.date.fromisoformat((run["date"] + "-01-01")[:10] if len(run["date"]) == 4 else
                                     (run["date"] + "-01")[:10])
        names.append(run["name"])
        dates.append(date.year + (date.timetuple().tm_yday - 1) / 365.25)
        values.append(value)
    x, y = np.array(dates), np.log10(np.array(values))

    fig, ax = plt.subplots(figsize=(12, 8), dpi=200)
    ax.set_yscale("log")
    ax.axvspan(2012, max(x) + 1, color="#d62728", alpha=0.12, label="Modern era")
    modern = x >= 2012
    slope, intercept = np.polyfit(x[modern], y[modern], 1)
    xs = np.array([2012, max(x)])
    ax.plot(xs, 10 ** (intercept + slope * xs), color="#8b1a1a",
            label=f"doubling every {np.log10(2) / slope * 12:.1f} months")
    ax.scatter(x, 10 ** y, s=18, zorder=3)
    for name, xi, yi in zip(names, x, y):
        ax.annotate(name, (xi, 10 ** yi), fontsize=7, xytext=(4, 0), textcoords="offset points")
    ax.set_xlabel("Publication date")
    ax.set_ylabel("Training compute (FLOP)")
    ax.set_title("AI and Compute")
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(loc="upper left")
    fig.savefig(out_path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
