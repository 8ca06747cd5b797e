// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QUrl;

namespace app {

// An http or https address with a host: what a download may ask for.
bool isWebAddress(const QUrl &url);

// Whether a download may follow a redirect from `from` to `to`: only to http or https,
// and never from https down to plain http (the data would then travel unprotected, and
// a network in the middle could answer instead of the server). Plain http to http or
// https is followed: mirrors and local servers may serve plain http. Returns why the
// redirect is refused, or an empty string when it may be followed.
QString redirectRefusal(const QUrl &from, const QUrl &to);

} // namespace app
