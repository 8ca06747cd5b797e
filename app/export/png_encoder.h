// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QImage>
#include <QMap>
#include <QString>

namespace app {

// PNG bytes of an opaque figure, written with libpng directly: Qt's writer lets libpng
// try all five row filters on every row, which is most of an export's time; charts
// (flat areas, thin lines) compress as well with the Sub and Up filters alone. Keeps
// the image's dots per metre (pHYs) and writes `texts` as UTF-8 text chunks (iTXt,
// compressed past 1 KB), which QImage::text() reads back. Empty on failure.
QByteArray encodeOpaquePng(const QImage &image, const QMap<QString, QString> &texts);

} // namespace app
