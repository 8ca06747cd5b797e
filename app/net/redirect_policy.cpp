// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/net/redirect_policy.h"

#include <QUrl>

namespace app {

bool isWebAddress(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && !url.host().isEmpty() &&
           (scheme == QLatin1String("http") || scheme == QLatin1String("https"));
}

QString redirectRefusal(const QUrl &from, const QUrl &to)
{
    const QString scheme = to.scheme().toLower();
    if (!isWebAddress(to))
        return QStringLiteral("the server redirected to '%1', which is not an http or https "
                              "address; it was not followed")
            .arg(to.toDisplayString());
    if (from.scheme().toLower() == QLatin1String("https") && scheme == QLatin1String("http"))
        return QStringLiteral("the server redirected from https to plain http (%1); an "
                              "unprotected redirect is not followed")
            .arg(to.toDisplayString());
    return {};
}

} // namespace app
