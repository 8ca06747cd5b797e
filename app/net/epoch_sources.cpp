// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/net/epoch_sources.h"

#include "app/net/redirect_policy.h"

#include <QSettings>
#include <QStandardPaths>
#include <QStringList>

namespace app {
namespace {

QString settingsKey(const EpochSource &source)
{
    return QStringLiteral("fetch/url/") + source.key;
}

EpochSource source(const char *key, const char *title, const char *fileName)
{
    const QString name = QString::fromLatin1(fileName);
    return {QString::fromLatin1(key), QString::fromLatin1(title), name,
            QUrl(QStringLiteral("https://epoch.ai/data/") + name)};
}

} // namespace

const std::vector<EpochSource> &epochSources()
{
    static const std::vector<EpochSource> sources = {
        source("notable", "Notable AI models", "notable_ai_models.csv"),
        source("all", "All AI models", "all_ai_models.csv"),
        source("frontier", "Frontier AI models", "frontier_ai_models.csv"),
        source("large-scale", "Large-scale AI models", "large_scale_ai_models.csv"),
    };
    return sources;
}

const EpochSource *findEpochSource(const QString &key)
{
    for (const EpochSource &source : epochSources())
        if (source.key == key) return &source;
    return nullptr;
}

QString epochSourceKeys()
{
    QStringList keys;
    for (const EpochSource &source : epochSources())
        keys << source.key;
    const QString last = keys.takeLast();
    return keys.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

QUrl epochSourceUrl(const EpochSource &source)
{
    const QUrl configured(QSettings().value(settingsKey(source)).toString());
    return isWebAddress(configured) ? configured : source.defaultUrl;
}

void setEpochSourceUrl(const EpochSource &source, const QUrl &url)
{
    QSettings settings;
    if (url.isEmpty() || url == source.defaultUrl)
        settings.remove(settingsKey(source));
    else
        settings.setValue(settingsKey(source), url.toString());
}

QUrl fetchAddress(const QString &keyOrUrl, QString *error)
{
    if (const EpochSource *source = findEpochSource(keyOrUrl)) return epochSourceUrl(*source);
    const QUrl url(keyOrUrl, QUrl::StrictMode);
    if (isWebAddress(url)) return url;
    if (error)
        *error = QStringLiteral("'%1' is neither %2 nor an http or https address")
                     .arg(keyOrUrl, epochSourceKeys());
    return {};
}

QString downloadFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/epoch");
}

} // namespace app
