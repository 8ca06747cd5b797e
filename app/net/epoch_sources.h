// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

#include <vector>

namespace app {

// One of Epoch AI's CSV exports that File > Get Latest Epoch Data and --fetch know by
// name.
struct EpochSource {
    QString key;      // "notable", as --fetch takes it
    QString title;    // "Notable AI models"
    QString fileName; // the name the download is kept under
    QUrl defaultUrl;  // Epoch's own address, as linked from its data pages
};

// notable, all, frontier, large-scale.
const std::vector<EpochSource> &epochSources();
const EpochSource *findEpochSource(const QString &key);
// "notable, all, frontier or large-scale".
QString epochSourceKeys();

// The address a source is downloaded from: the one set in the settings (a mirror,
// "fetch/url/<key>"), else Epoch's.
QUrl epochSourceUrl(const EpochSource &source);
// Sets the address of a source; Epoch's own (or an empty one) clears the setting.
void setEpochSourceUrl(const EpochSource &source, const QUrl &url);

// What --fetch takes: a source's key (its address from the settings) or an http(s)
// address. Returns the address, or an invalid one with `error` saying why.
QUrl fetchAddress(const QString &keyOrUrl, QString *error);

// The folder downloads are kept in, each under its source's file name (its sidecar
// beside it): <application data>/epoch.
QString downloadFolder();

} // namespace app
