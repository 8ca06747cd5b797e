#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates epoch-notable-ai-models.json from Epoch AI's Notable AI Models export
# with the app's own importer (the same code as File > Open on a CSV), then gives it
# its title. Run from the repository root after building:
#   sh resources/datasets/make_epoch_dataset.sh build/app/compute-explorer
set -eu
bin=${1:-build/app/compute-explorer}
src=tests/data/epoch/notable_ai_models_2025-02-24.csv
out=resources/datasets/epoch-notable-ai-models.json
"$bin" --save "$out" "$src"
sed -i 's/"title": "Epoch AI export: notable_ai_models_2025-02-24.csv"/"title": "Epoch AI: Notable AI Models (export of 2025-02-24)"/' "$out"
grep -q '"title": "Epoch AI: Notable AI Models' "$out"
