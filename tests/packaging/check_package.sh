#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the .deb and .tar.gz with CPack, unpacks the .deb into a temporary root and
# checks it like a user would: the files are there, the validators pass, and the
# installed binary runs --version, --fit and --export on its bundled data.
#   check_package.sh BUILD_DIR
set -eu
build_dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check_package: $*" >&2; exit 1; }

(cd "$build_dir" && cpack -G "DEB;TGZ" -B "$work/out" >"$work/cpack.log" 2>&1) ||
    { cat "$work/cpack.log" >&2; fail "cpack failed"; }
deb=$(ls "$work"/out/*.deb 2>/dev/null | head -n 1)
tgz=$(ls "$work"/out/*.tar.gz 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "no .deb was built"
[ -n "$tgz" ] || fail "no .tar.gz was built"

root="$work/root"
dpkg-deb -x "$deb" "$root"
app_id=io.github.computeexplorer.ComputeExplorer
for f in \
    usr/bin/compute-explorer \
    usr/share/applications/$app_id.desktop \
    usr/share/metainfo/$app_id.metainfo.xml \
    usr/share/mime/packages/compute-explorer.xml \
    usr/share/icons/hicolor/scalable/apps/compute-explorer.svg \
    usr/share/icons/hicolor/48x48/apps/compute-explorer.png \
    usr/share/icons/hicolor/256x256/apps/compute-explorer.png \
    usr/share/man/man1/compute-explorer.1.gz \
    usr/share/doc/compute-explorer/LICENSE \
    usr/share/doc/compute-explorer/copyright; do
    [ -e "$root/$f" ] || fail "missing in the package: /$f"
done

depends=$(dpkg-deb -f "$deb" Depends)
case "$depends" in *qt6-qpa-plugins*) ;; *) fail "Depends lacks qt6-qpa-plugins: $depends" ;; esac
case "$depends" in *libqcustomplot2.1-qt6*) ;; *) fail "Depends lacks the Qt6 QCustomPlot: $depends" ;; esac
case "$depends" in *libqt6network6*) ;; *) fail "Depends lacks Qt Network (downloads): $depends" ;; esac
recommends=$(dpkg-deb -f "$deb" Recommends)
case "$recommends" in *ca-certificates*) ;; *) fail "Recommends lacks ca-certificates: $recommends" ;; esac
if file "$root/usr/bin/compute-explorer" | grep -q "not stripped"; then fail "binary is not stripped"; fi

desktop-file-validate "$root/usr/share/applications/$app_id.desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml" >/dev/null ||
    fail "appstreamcli validate --no-net failed"
zcat "$root/usr/share/man/man1/compute-explorer.1.gz" | grep -q "export" || fail "man page lacks --export"

bin="$root/usr/bin/compute-explorer"
env -u DISPLAY -u WAYLAND_DISPLAY "$bin" --version | grep -q "^compute-explorer " || fail "--version"
env -u DISPLAY -u WAYLAND_DISPLAY "$bin" --fit --from 2012-01-01 --to 2019-01-01 >"$work/fit.json"
grep -q '"doubling_time_months": 3.4' "$work/fit.json" || fail "--fit did not give 3.4 months"
env -u DISPLAY -u WAYLAND_DISPLAY "$bin" --export "$work/chart.png" >/dev/null
[ -s "$work/chart.png" ] || fail "--export wrote nothing"
env -u DISPLAY -u WAYLAND_DISPLAY "$bin" --bundled epoch --export "$work/epoch.svg" >/dev/null
[ -s "$work/epoch.svg" ] || fail "--export of the Epoch dataset wrote nothing"
tar -tzf "$tgz" | grep -q "bin/compute-explorer$" || fail "the .tar.gz lacks the binary"
echo "check_package: $(basename "$deb") and $(basename "$tgz") are complete"
