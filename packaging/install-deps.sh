#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Install exactly the Debian 12 packages Compute Explorer needs to build, test and
# package, and nothing when they are all present (fast no-op, idempotent).
#   packaging/install-deps.sh            build + test + package dependencies
#   packaging/install-deps.sh --tools    also the tools for checking figures by eye
set -eu

PACKAGES="build-essential cmake ninja-build pkg-config
qt6-base-dev qt6-svg-dev libqt6svg6 qt6-qpa-plugins libqcustomplot-dev
nlohmann-json3-dev libpng-dev libgtest-dev libgmock-dev libbenchmark-dev libcsv-dev libboost-math-dev
fonts-dejavu-core xvfb xauth dpkg-dev fakeroot desktop-file-utils appstream
libxml2-utils poppler-utils librsvg2-bin clang clang-format libclang-rt-14-dev"
TOOLS="imagemagick x11-apps python3-matplotlib ccache"

if [ "${1:-}" = "--tools" ]; then PACKAGES="$PACKAGES $TOOLS"; fi

missing=""
for p in $PACKAGES; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in
        *" installed") ;;
        *) missing="$missing $p" ;;
    esac
done

if [ -z "$missing" ]; then
    exit 0
fi

echo "install-deps: installing:$missing"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "install-deps: need root (or sudo) to install:$missing" >&2; exit 1; fi
fi
export DEBIAN_FRONTEND=noninteractive
# Only refresh the package lists when the install fails on stale or missing lists.
# shellcheck disable=SC2086
if ! $SUDO apt-get install -y --no-install-recommends $missing; then
    $SUDO apt-get update
    $SUDO apt-get install -y --no-install-recommends $missing
fi
