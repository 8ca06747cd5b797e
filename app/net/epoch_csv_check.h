// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace app {

// Why a downloaded body is not an Epoch AI CSV export, or an empty string when it looks
// like one: it must not be a web page (Content-Type text/html, or a body starting with
// "<!DOCTYPE" or "<html": a login page, an error page, a moved address), and its first
// line must name a "Model" (or "System") and a "Publication date" column. Checked
// before a download replaces the copy kept from the last one.
QString epochCsvProblem(const QByteArray &body, const QString &contentType);

} // namespace app
