#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the bundled Epoch AI datasets from Epoch's CSV exports with the app's own
# importer (the same code as File > Open on a CSV), then gives each its title:
#   epoch-notable-ai-models.json      Notable AI Models, export of 2025-02-24
#   epoch-pcd-trends-2022-05-03.json  Parameter, Compute and Data Trends of 2022-05-03,
#                                     the data of Sevilla et al. 2022
# Run from the repository root after building:
#   sh resources/datasets/make_epoch_dataset.sh build/app/compute-explorer
set -eu
bin=${1:-build/app/compute-explorer}

# make SOURCE.csv OUT.json "OLD TITLE" "NEW TITLE"
make() {
    "$bin" --save "$2" "$1"
    sed -i "s/\"title\": \"$3\"/\"title\": \"$4\"/" "$2"
    grep -q "\"title\": \"$4\"" "$2"
}

make tests/data/epoch/notable_ai_models_2025-02-24.csv \
    resources/datasets/epoch-notable-ai-models.json \
    "Epoch AI export: notable_ai_models_2025-02-24.csv" \
    "Epoch AI: Notable AI Models (export of 2025-02-24)"
make tests/data/epoch/pcd_trends_2022-05-03.csv \
    resources/datasets/epoch-pcd-trends-2022-05-03.json \
    "Epoch AI export: pcd_trends_2022-05-03.csv" \
    "Epoch AI: Parameter, Compute and Data Trends (2022-05-03)"
