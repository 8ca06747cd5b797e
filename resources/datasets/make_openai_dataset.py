#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Builds openai-ai-and-compute.json from OpenAI's "AI and Compute" figures.

Input: tests/data/reference/openai_ai_and_compute.csv (a copy of the research notes'
reference table: OpenAI's chart values, appendix worked examples and addendum labels).
Output: resources/datasets/openai-ai-and-compute.json in the native format (schema 3),
written byte for byte the way core/json_format.cpp writes it, so that opening and
saving the file in the app changes nothing.

Standard library only. Run from anywhere:
    python3 resources/datasets/make_openai_dataset.py [--check]
--check compares with the file on disk instead of writing it (exit 1 if they differ).
"""

import csv
import decimal
import json
import math
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
CSV_PATH = ROOT / "tests/data/reference/openai_ai_and_compute.csv"
OUT_PATH = ROOT / "resources/datasets/openai-ai-and-compute.json"

OPENAI_URL = "https://openai.com/index/ai-and-compute/"
SOURCE_2018 = {"title": "Amodei & Hernandez, 'AI and Compute', OpenAI, 2018 (chart and appendix)",
               "url": OPENAI_URL}
SOURCE_2019 = {"title": "Sastry, Clark, Brockman & Sutskever, 'Addendum: Compute used in older "
                        "headline results', OpenAI, 2019", "url": OPENAI_URL}
SOURCE_CHART_DATA = {"title": "Chart values: skaltman/ai-progress, data-raw/compute.csv "
                              "(commit 5ae8989)",
                     "url": "https://github.com/skaltman/ai-progress/blob/5ae8989/data-raw/compute.csv"}
SOURCE_EPOCH = {"title": "Epoch AI, 'Parameter, Compute and Data Trends in Machine Learning' "
                         "(CC BY 4.0)", "url": "https://epoch.ai/data/notable-ai-models"}


def arxiv(who, number):
    return {"title": f"{who}, arXiv:{number}", "url": f"https://arxiv.org/abs/{number}"}


# Papers named (with their arXiv numbers) in the reference table's notes.
PAPERS = {
    "Visualizing and Understanding Conv Nets": [arxiv("Zeiler & Fergus", "1311.2901")],
    "DQN": [arxiv("Mnih et al. (DQN; OpenAI's page links 1311.2901 by mistake)", "1312.5602")],
    "Seq2Seq": [arxiv("Sutskever, Vinyals & Le", "1409.3215")],
    "VGG": [arxiv("Simonyan & Zisserman", "1409.1556")],
    "Neural Architecture Search": [arxiv("Zoph & Le", "1611.01578"),
                                   arxiv("Zoph et al. (hardware details used by OpenAI)",
                                         "1707.07012")],
    "Neural Machine Translation": [arxiv("Wu et al. (GNMT)", "1609.08144")],
    "Xception": [arxiv("Chollet", "1610.02357")],
    "AlphaZero": [arxiv("Silver et al.", "1712.01815")],
    "Attention is all you need": [arxiv("Vaswani et al.", "1706.03762")],
    "Learning to Align and Translate": [arxiv("Bahdanau et al.", "1409.0473")],
    "GANs": [arxiv("Goodfellow et al. (OpenAI's page links 1409.0473 by mistake)", "1406.2661")],
    "Word2Vec": [arxiv("Mikolov et al.", "1310.4546")],
    "Variational Auto Encoders": [arxiv("Kingma & Welling", "1312.6114")],
    "BiLSTM for Speech": [{"title": "Graves & Schmidhuber, 2005"}],
}

# --- OpenAI's worked examples as structured inputs -------------------------------------
# Method 1 (operations): OpenAI counts add-multiplies per forward pass; one add-multiply is
# 2 FLOP, and "x 3" (forward + backward) is a backward/forward ratio of 2.
# Method 2 (hardware): peak FLOP/s exactly as OpenAI wrote it (not the catalog's figure),
# days x 24 = training hours, OpenAI's utilization.


def operations(add_multiplies, examples, epochs):
    return {"method": "operations", "forward_flop_per_example": add_multiplies * 2.0,
            "backward_forward_ratio": 2.0, "examples_per_epoch": float(examples),
            "epochs": float(epochs)}


def hardware(device, count, peak, days, utilization, adjustment=1.0):
    e = {"method": "hardware", "device": device, "number_format": "fp32",
         "device_count": float(count), "peak_flops_per_device": float(peak),
         "training_hours": days * 24.0, "time_unit": "days", "utilization": utilization}
    if adjustment != 1.0:
        e["adjustment"] = adjustment
    return e


# system -> [(label in the CSV inputs ("M1", "M2" or "" when only one), inputs, remark)]
WORKED = {
    "AlexNet": [
        ("M2", hardware("nvidia-gtx-580", 2, 1.58e12, 5.5, 0.33), ""),
        ("M1", operations(0.75e9, 1.2e6, 90), ""),
    ],
    "Dropout": [("", hardware("nvidia-gtx-580", 1, 1.54e12, 4, 0.33),
                 "The inputs multiply to 1.76e17 FLOP (176 PF); the printed 184 PF is the "
                 "value plotted.")],
    "Visualizing and Understanding Conv Nets": [
        ("", hardware("nvidia-gtx-580", 1, 1.54e12, 12, 0.33), "")],
    "DQN": [("", operations(2.5e6, 5e6 * 32, 1),
             "Examples = 5M updates x 32 per batch, one pass; the per-layer sum is 2.55M "
             "add-multiplies, OpenAI multiplied 2.5M.")],
    "Seq2Seq": [
        ("M1", operations(0.380e9, 652e6, 7.5),
         "Erratum in the appendix: these inputs multiply to 1.11e19 FLOP (11,100 PF, 0.129 "
         "pfs-days), not the printed 7,300 PF (0.085 pfs-days). OpenAI's inputs are kept, so "
         "this estimate shows 1.1e19."),
        ("M2", hardware("nvidia-tesla-k20c", 8, 3.5e12, 10, 0.33), ""),
    ],
    "VGG": [
        ("M1", operations(16e9, 1.2e6, 74), ""),
        ("M2", hardware("nvidia-gtx-titan-black", 4, 5.1e12, 15, 0.33),
         "Erratum in the appendix: these inputs multiply to 8.7e18 FLOP (8,700 PF, 0.101 "
         "pfs-days), not the printed 10,000 PF (0.12 pfs-days). OpenAI's inputs are kept, so "
         "this estimate shows 8.7e18."),
    ],
    "DeepSpeech2": [
        ("M1", operations(98e6, 12000 * 3600 * 50, 20),
         "One example = one timestep (50 per second of audio). The appendix labels the "
         "factors '3 (add-multiply) x 2 (backprop)'; the product is the usual 2 x 3."),
        ("M2", hardware("nvidia-gtx-titan-x-maxwell", 16, 6e12, 5, 0.50),
         "The inputs multiply to exactly 0.24 pfs-days, the value plotted; the printed 0.25 "
         "is a rounding slip."),
    ],
    "ResNets": [("", operations(11.4e9, 1.2e6, 128),
                 "The inputs multiply to 1.05e19 FLOP (10,500 PF, 0.122 pfs-days): 5% above "
                 "the printed 10,000 PF and 4% above 0.117 pfs-days. The plotted 0.1205 "
                 "pfs-days is the same formula with 11.3e9 add-multiplies (ResNet paper, "
                 "Table 1).")],
    "Neural Architecture Search": [
        ("M1", operations(10.0e9, 50000 * 12800, 50),
         "Examples per epoch = 50,000 images x 12,800 child networks."),
        ("M2", hardware("nvidia-tesla-k40", 800, 4.2e12, 28, 0.33), ""),
    ],
    "Neural Machine Translation": [
        ("", hardware("nvidia-tesla-k80", 96, 8.5e12, 9, 0.33, adjustment=math.sqrt(10 * 100)),
         "The adjustment is OpenAI's sqrt(10 x 100) = 31.6.")],
    "Xception": [("", hardware("nvidia-tesla-k80", 60, 8.5e12, 30, 0.33), "")],
}

METHOD_NAME = {"operations": "Method 1 (counting operations)", "hardware": "Method 2 (GPU time)"}

# Dates the reference table leaves empty, for points that have a value to plot.
DATE_OVERRIDES = {
    "Perceptron": ("1959", "Dated here to 1959 (year precision), OpenAI's own year for it."),
    "TD-Gammon v2.1": ("1992", "Dated here to 1992 (year precision), the year of Epoch's "
                               "'TD-Gammon' row, so that the point can be drawn."),
}

# Sentences of the reference table's notes that this dataset words differently.
NOTE_CORRECTIONS = {
    "DeepSpeech2": [("Note the non-default 0.50 utilization in M2. Plotted 0.24 differs slightly "
                     "from both published figures.",
                     "Note the non-default 0.50 utilization in Method 2. The plotted 0.24 "
                     "differs from both printed totals but is exactly the Method 2 inputs "
                     "multiplied out (2.0736e19 FLOP).")],
}

# Boilerplate of the reference table's notes, replaced by one readable sentence per group.
CHART_BOILERPLATE = [
    r"compute_pfs_days = value plotted on OpenAI chart as given in skaltman/ai-progress "
    r"data-raw/compute\.csv \(commit 5ae8989\) \(values not attributed there; verified: .*?"
    r"'>300,000x'\); compute_flop = pfs-days x 8\.64e19 \(unit conversion\)\. ?",
    r"publication_date from skaltman/ai-progress data-raw/compute\.csv \(commit 5ae8989\) "
    r"\(matches arXiv first-submission dates where checked\)\. ?",
]
CHART_INTRO = ("On OpenAI's 2018 chart (and the 2019 addendum chart). Primary estimate: the "
               "value plotted, from skaltman/ai-progress data-raw/compute.csv (commit 5ae8989), "
               "which also gives the date.")
APPENDIX_INTRO = ("Listed in OpenAI's appendix among 'Recent novel results that used modest "
                  "amounts of compute': not on the chart and not in its trend fit.")
ADDENDUM_INTRO = ("A pre-2012 point of OpenAI's 2019 addendum chart ('Two distinct eras of "
                  "compute usage in training AI systems'). Date and organization come from the "
                  "paper or Epoch AI's dataset, not from OpenAI.")


def strip_group(row):
    """Splits the note '[group] rest' into (group, rest), with NOTE_CORRECTIONS applied."""
    m = re.match(r"\[([^\]]*)\] ?(.*)", row["note"], re.S)
    group, rest = (m.group(1), m.group(2)) if m else ("", row["note"])
    for old, new in NOTE_CORRECTIONS.get(row["system"], []):
        assert old in rest, f"{row['system']}: note no longer says {old!r}"
        rest = rest.replace(old, new)
    return group, rest


def worked_estimates(row):
    parts = {}
    for part in row["inputs"].split(" | "):
        label, _, text = part.partition(": ") if part[:3] in ("M1:", "M2:") else ("", "", part)
        parts[label] = text
    estimates = []
    for label, inputs, remark in WORKED.get(row["system"], []):
        quote = parts.pop(label)
        note = f"OpenAI appendix, {METHOD_NAME[inputs['method']]}: {quote}"
        if remark:
            note += f" [{remark}]"
        estimates.append(dict(inputs, note=note))
    assert not parts or parts == {"": ""}, f"unused worked example for {row['system']}: {parts}"
    return estimates


def chart_run(row):
    group, rest = strip_group(row)
    assert group.startswith("2018 main chart"), row["system"]
    for pattern in CHART_BOILERPLATE:
        rest = re.sub(pattern, "", rest)
    primary = {"method": "reported", "value": float(row["compute_pfs_days"]), "unit": "pfs-days",
               "note": f"Value plotted on OpenAI's 2018 chart: {row['compute_pfs_days']} "
                       "pfs-days."}
    return {
        "estimates": [primary] + worked_estimates(row),
        "sources": [SOURCE_2018, SOURCE_CHART_DATA] + PAPERS.get(row["system"], []),
        "tags": ["openai-2018-chart"],
        "notes": f"{CHART_INTRO} {rest}".strip(),
    }


def appendix_run(row):
    group, rest = strip_group(row)
    assert group.startswith("appendix list"), row["system"]
    quoted = re.search(r"OpenAI(?: gives|:) '([^']*)'", rest).group(1)
    upper = quoted.startswith("less than")
    assert upper == ("UPPER BOUND" in row["method"]), row["system"]
    rest = re.sub(r"Value is an upper bound, not a point estimate\. ?", "", rest)
    run = {
        "estimates": [{"method": "reported", "value": float(row["compute_pfs_days"]),
                       "unit": "pfs-days",
                       "note": f"OpenAI appendix: '{quoted}'"
                               + (" (an upper bound)." if upper else ".")}],
        "sources": [SOURCE_2018] + PAPERS.get(row["system"], []),
        "tags": ["openai-2018-appendix", "not-on-chart"],
        "notes": f"{APPENDIX_INTRO} {rest}".strip(),
    }
    if upper:
        run["upper_bound"] = True
    return run


def addendum_run(row):
    group, rest = strip_group(row)
    assert group.startswith("2019 addendum chart"), row["system"]
    rest = rest.replace("compute_flop is Epoch AI's", "The compute is Epoch AI's")
    rest = re.sub(r";? ?compute_pfs_days = that / 8\.64e19\. ?", ". ", rest)
    run = {"sources": [SOURCE_2019], "tags": ["openai-2019-addendum"]}
    notes = [ADDENDUM_INTRO, rest]
    if row["system"] in DATE_OVERRIDES:
        notes.append(DATE_OVERRIDES[row["system"]][1])
    if row["compute_flop"]:
        run["estimates"] = [{
            "method": "reported", "value": float(row["compute_flop"]), "unit": "flop",
            "note": "Epoch AI's WebPlotDigitizer reading of OpenAI's 2019 addendum chart "
                    "(approximate; OpenAI published no figure in text)."}]
        run["sources"] = run["sources"] + [SOURCE_EPOCH]
    else:
        notes.append("No compute is given: OpenAI published none in text, and an estimate "
                     "from elsewhere would not be OpenAI's.")
    run["sources"] = run["sources"] + PAPERS.get(row["system"], [])
    run["notes"] = " ".join(n for n in notes if n)
    return run


def slugify(name):
    """core/text_util.cpp slugify(): lower-case letters and digits, runs of others -> '-'."""
    slug, pending = "", False
    for c in name:
        if c.isascii() and c.isalnum():
            if pending and slug:
                slug += "-"
            pending = False
            slug += c.lower()
        else:
            pending = True
        if len(slug) >= 60:
            break
    return slug or "run"


def build_runs(rows):
    runs = []
    for row in rows:
        group = strip_group(row)[0]
        if group.startswith("2018 main chart"):
            body = chart_run(row)
        elif group.startswith("appendix list"):
            body = appendix_run(row)
        else:
            body = addendum_run(row)
        date = row["publication_date"]
        if not date and row["system"] in DATE_OVERRIDES:
            date = DATE_OVERRIDES[row["system"]][0]
        run = {"id": slugify(row["system"]), "name": row["system"]}
        if row["organization"]:
            run["organization"] = row["organization"]
        if row["domain"]:
            run["domain"] = row["domain"]
        if date:
            run["date"] = date
        if body.get("upper_bound"):
            run["upper_bound"] = True
        for key in ("estimates", "sources", "tags", "notes"):  # the writer's key order
            if body.get(key):
                run[key] = body[key]
        runs.append(run)
    assert len({r["id"] for r in runs}) == len(runs), "run ids must be unique"
    return runs


OPENAI_2018 = "Amodei & Hernandez 2018, 'AI and Compute', OpenAI"
OPENAI_2019 = ("Sastry, Clark, Brockman & Sutskever 2019, 'Addendum: Compute used in older "
               "headline results', OpenAI")

# core/io/published_schemes.cpp, openAiSchemes(), key for key (a core test compares them):
# the published figures are the posts', with the runs each fitted.
ERA_SCHEMES = [
    {"name": "OpenAI 2019: two eras",
     "description": "OpenAI's 2019 addendum: a first era (1959 to 2012) whose results roughly "
                    "track Moore's law (~2-year doubling), and the modern era from 2012 "
                    "(3.4-month doubling).",
     "eras": [{"name": "First era", "to": "2012-01-01", "color": "#1f77b4",
               "published": {"quantity": "doubling_time_months", "value": 24.0,
                             "data_vintage": "2019-11", "source": OPENAI_2019,
                             "table": "text: '~2-year doubling time'",
                             "note": "'roughly track Moore's law': about 2 years, stored as "
                                     "24 months"}},
              {"name": "Modern era", "from": "2012-01-01", "color": "#d62728",
               "published": {"quantity": "doubling_time_months", "value": 3.4,
                             "data_vintage": "2019-11", "source": OPENAI_2019,
                             "table": "chart: '3.4-month doubling'"}}]},
    {"name": "OpenAI 2018: four eras",
     "description": "The four rough eras of OpenAI's 2018 text: before 2012 (GPUs uncommon for "
                    "ML); 2012 to 2014 (1-8 GPUs rated 1-2 TFLOPS, 0.001-0.1 pfs-days); 2014 to "
                    "2016 (10-100 GPUs rated 5-10 TFLOPS, 0.1-10 pfs-days); from 2016 (huge "
                    "batches, architecture search, expert iteration, TPUs).",
     "eras": [{"name": "Before 2012", "to": "2012-01-01", "color": "#7f7f7f"},
              {"name": "2012 to 2014", "from": "2012-01-01", "to": "2014-01-01",
               "color": "#2ca02c"},
              {"name": "2014 to 2016", "from": "2014-01-01", "to": "2016-01-01",
               "color": "#ff7f0e"},
              {"name": "From 2016", "from": "2016-01-01", "color": "#9467bd"}]},
    {"name": "OpenAI 2018: the 15 chart systems",
     "description": "The line of best fit of OpenAI's 2018 chart (AlexNet to AlphaZero): the 15 "
                    "systems on the chart, tagged openai-2018-chart.",
     "eras": [{"name": "The 15 chart systems", "from": "2012-01-01", "to": "2018-01-01",
               "color": "#d62728",
               "rule": {"label": "chart systems", "tag": "openai-2018-chart"},
               "published": {"quantity": "doubling_time_months", "value": 3.43, "n": 15,
                             "data_vintage": "2018-05", "source": OPENAI_2018,
                             "table": "chart footnote: 'Doubling time for line of best fit "
                                      "shown is 3.43 months'",
                             "note": "the May 2018 post; the current page says 3.4 months"}}]},
]

METADATA = {
    "title": "AI and Compute (OpenAI 2018, with the 2019 addendum)",
    "description": "The 15 training runs of OpenAI's 'AI and Compute' chart (AlexNet to "
                   "AlphaZero) with the values plotted, every worked example of its appendix "
                   "as structured estimates, the appendix's six 'modest compute' results "
                   "(hidden by default, never fitted) and the pre-2012 points of the 2019 "
                   "addendum. Derived by resources/datasets/make_openai_dataset.py; see "
                   "resources/datasets/README.md.",
    "license": "OpenAI states no license for its post; its figures are facts, quoted here with "
               "attribution. Values read from the 2019 chart by Epoch AI: CC BY 4.0 (credit: "
               "Epoch AI, 'Parameter, Compute and Data Trends in Machine Learning').",
    "citation": "Data: Amodei & Hernandez, 'AI and Compute', OpenAI 2018; 2019 addendum",
    "source_url": OPENAI_URL,
    "hidden_tags": ["not-on-chart"],
}


# --- writing, as core/json_format.cpp does ----------------------------------------------

def number(value):
    """A double as nlohmann::json dumps it: shortest round-trip digits, fixed notation
    while the integer part has at most 15 digits and the value is >= 1e-4, else d.ddde+XX."""
    if isinstance(value, bool) or isinstance(value, int):
        return str(value)
    text = repr(float(value))
    sign, digits, exponent = decimal.Decimal(text).normalize().as_tuple()
    digits = "".join(map(str, digits))
    n = len(digits) + exponent  # position of the decimal point
    if len(digits) <= n <= 15:
        body = digits + "0" * (n - len(digits)) + ".0"
    elif 0 < n <= 15:
        body = digits[:n] + "." + digits[n:]
    elif -4 < n <= 0:
        body = "0." + "0" * -n + digits
    else:
        e = n - 1
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        body = f"{mantissa}e{'-' if e < 0 else '+'}{abs(e):02d}"
    return ("-" if sign else "") + body


def dump(value, indent=None, level=0):
    if isinstance(value, dict):
        if indent is None:
            return "{" + ",".join(f"{dump(k)}:{dump(v)}" for k, v in value.items()) + "}"
        pad, inner = " " * (indent * level), " " * (indent * (level + 1))
        items = [f"{inner}{dump(k)}: {dump(v, indent, level + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}" if items else "{}"
    if isinstance(value, list):
        if indent is None:
            return "[" + ",".join(dump(v) for v in value) + "]"
        pad, inner = " " * (indent * level), " " * (indent * (level + 1))
        items = [f"{inner}{dump(v, indent, level + 1)}" for v in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]" if items else "[]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return number(value)


def estimate_json(e):
    keys = {"operations": ["forward_flop_per_example", "backward_forward_ratio",
                           "examples_per_epoch", "epochs"],
            "hardware": ["device", "number_format", "device_count", "peak_flops_per_device",
                         "training_hours", "time_unit", "utilization", "adjustment"],
            "reported": ["value", "unit"]}[e["method"]]
    return {k: e[k] for k in ["method"] + keys + ["note"] if k in e}


def app_version():
    cmake = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    return re.search(r"project\([^)]*?VERSION\s+([0-9.]+)", cmake, re.S).group(1)


def write(runs):
    for run in runs:
        if "estimates" in run:
            # Schema 3: a hardware estimate's inputs are also the run's fields, as the app's
            # migration of a version 2 file makes them (core/io/json_migrations.cpp).
            for e in run["estimates"]:
                if e["method"] == "hardware":
                    run["fields"] = {"training_hours": e["training_hours"],
                                     "hardware_quantity": e["device_count"],
                                     "utilization": e["utilization"],
                                     "training_hardware": e["device"]}
                    break
            run["estimates"] = [estimate_json(e) for e in run["estimates"]]
    out = "{\n  \"schema_version\": 3,\n"
    out += f"  \"app_version\": {dump(app_version())},\n"
    out += "  \"metadata\": " + dump(METADATA, indent=2).replace("\n", "\n  ")
    out += ",\n  \"era_schemes\": ["
    out += "".join(("\n    " if i == 0 else ",\n    ") + dump(s) for i, s in enumerate(ERA_SCHEMES))
    out += "\n  ],\n  \"runs\": ["
    out += "".join(("\n    " if i == 0 else ",\n    ") + dump(r) for i, r in enumerate(runs))
    out += "\n  ]\n}\n"
    return out


def main():
    with open(CSV_PATH, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    text = write(build_runs(rows))
    if "--check" in sys.argv[1:]:
        if OUT_PATH.read_text(encoding="utf-8") != text:
            print(f"{OUT_PATH} is out of date; run {sys.argv[0]}", file=sys.stderr)
            return 1
        return 0
    OUT_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {OUT_PATH} ({len(rows)} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
