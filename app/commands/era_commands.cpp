// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commands/era_commands.h"

#include "app/commands/dataset_commands.h"
#include "app/document/document.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace app {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EraCommands", text);
}

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

// Matplotlib's tab10, the colours of the bundled schemes.
constexpr std::array<const char *, 10> kPalette = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728",
                                                   "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                                                   "#bcbd22", "#17becf"};

// The first palette colour no era of the scheme uses (or one by count when all are).
std::string unusedColor(const compute::EraScheme &scheme)
{
    for (const char *color : kPalette)
        if (std::none_of(scheme.eras.begin(), scheme.eras.end(),
                         [color](const compute::Era &e) { return e.color == color; }))
            return color;
    return kPalette[scheme.eras.size() % kPalette.size()];
}

std::string uniqueEraName(const compute::EraScheme &scheme, const std::string &base)
{
    const auto used = [&](const std::string &name) {
        return std::any_of(scheme.eras.begin(), scheme.eras.end(),
                           [&](const compute::Era &e) { return e.name == name; });
    };
    std::string name = base;
    for (int i = 2; used(name); ++i)
        name = base + ' ' + std::to_string(i);
    return name;
}

// The era's range in days [first, end): open ends taken from the runs (with compute) dated in
// it; nullopt when an open end has no run to take it from.
std::optional<std::pair<std::int64_t, std::int64_t>> dayRange(const compute::Dataset &dataset,
                                                              const compute::Era &era)
{
    std::optional<std::int64_t> first, last;
    for (const compute::TrainingRun &run : dataset.runs) {
        if (!run.isPlottable() || !era.contains(*run.date)) continue;
        const std::int64_t day = run.date->daysSinceEpoch();
        first = first ? std::min(*first, day) : day;
        last = last ? std::max(*last, day) : day;
    }
    if ((!era.from || !era.to) && !first) return std::nullopt;
    const std::int64_t from = era.from ? era.from->daysSinceEpoch() : *first;
    const std::int64_t to = era.to ? era.to->daysSinceEpoch() : *last + 1;
    return std::pair(from, to);
}

} // namespace

QString eraRangeProblem(const std::optional<compute::Date> &from,
                        const std::optional<compute::Date> &to)
{
    if ((from && !from->isValid()) || (to && !to->isValid())) return tr("Not a valid date.");
    if (from && to && !(*from < *to))
        return tr("From (%1) must be before To (%2): an era holds the runs dated from its "
                  "start up to, not including, its end.")
            .arg(qs(from->toIso()), qs(to->toIso()));
    return {};
}

QString eraNameProblem(const QString &name)
{
    return name.trimmed().isEmpty() ? tr("An era needs a name.") : QString();
}

QString schemeNameProblem(const compute::Dataset &dataset, const QString &name, int renamedScheme)
{
    const std::string wanted = name.trimmed().toStdString();
    if (wanted.empty()) return tr("An era scheme needs a name.");
    for (std::size_t i = 0; i < dataset.eraSchemes.size(); ++i)
        if (static_cast<int>(i) != renamedScheme && dataset.eraSchemes[i].name == wanted)
            return tr("There is already an era scheme named '%1'.").arg(name.trimmed());
    return {};
}

QString uniqueSchemeName(const compute::Dataset &dataset, const QString &base)
{
    QString name = base;
    for (int i = 2; dataset.findScheme(name.toStdString()); ++i)
        name = base + QLatin1Char(' ') + QString::number(i);
    return name;
}

std::unique_ptr<QUndoCommand> makeRenameEraCommand(Document *document, std::size_t scheme,
                                                   std::size_t era, const QString &name)
{
    compute::Era value = document->dataset().eraSchemes.at(scheme).eras.at(era);
    const std::string wanted = name.trimmed().toStdString();
    if (wanted.empty() || wanted == value.name) return nullptr;
    const QString text = tr("Rename era '%1'").arg(qs(value.name));
    value.name = wanted;
    return makeEditEraCommand(document, scheme, era, std::move(value), text);
}

std::unique_ptr<QUndoCommand> makeRecolorEraCommand(Document *document, std::size_t scheme,
                                                    std::size_t era, const QColor &color)
{
    compute::Era value = document->dataset().eraSchemes.at(scheme).eras.at(era);
    const std::string wanted = color.name(QColor::HexRgb).toStdString();
    if (!color.isValid() || wanted == value.color) return nullptr;
    value.color = wanted;
    const QString text = tr("Recolour era '%1'").arg(qs(value.name));
    return makeEditEraCommand(document, scheme, era, std::move(value), text);
}

QString eraRuleProblem(const compute::EraRule &rule)
{
    const compute::Errors errors = compute::validateRule(rule, "rule");
    return errors.empty() ? QString() : qs(errors.front().toString());
}

std::unique_ptr<QUndoCommand> makeSetEraRuleCommand(Document *document, std::size_t scheme,
                                                    std::size_t era, compute::EraRule rule)
{
    compute::Era value = document->dataset().eraSchemes.at(scheme).eras.at(era);
    if (!eraRuleProblem(rule).isEmpty() || value.rule == rule) return nullptr;
    value.rule = std::move(rule);
    const QString text = tr("Change runs of era '%1'").arg(qs(value.name));
    return makeEditEraCommand(document, scheme, era, std::move(value), text);
}

std::unique_ptr<QUndoCommand> makeSetEraRangeCommand(Document *document, std::size_t scheme,
                                                     std::size_t era,
                                                     std::optional<compute::Date> from,
                                                     std::optional<compute::Date> to)
{
    compute::Era value = document->dataset().eraSchemes.at(scheme).eras.at(era);
    if (!eraRangeProblem(from, to).isEmpty() || (value.from == from && value.to == to))
        return nullptr;
    value.from = from;
    value.to = to;
    const QString text = tr("Change dates of era '%1'").arg(qs(value.name));
    return makeEditEraCommand(document, scheme, era, std::move(value), text);
}

std::unique_ptr<QUndoCommand> makeAddEraCommand(Document *document, std::size_t scheme,
                                                std::optional<std::size_t> after)
{
    std::vector<compute::EraScheme> schemes = document->dataset().eraSchemes;
    compute::EraScheme &s = schemes.at(scheme);
    compute::Era era;
    era.name = uniqueEraName(s, "New era");
    era.color = unusedColor(s);
    std::size_t at = 0;
    if (after) {
        compute::Era &target = s.eras.at(*after);
        at = *after + 1;
        const auto days = dayRange(document->dataset(), target);
        if (days && days->second - days->first >= 2) {
            const auto mid =
                compute::Date::fromDaysSinceEpoch(days->first + (days->second - days->first) / 2);
            era.from = mid;
            era.to = target.to;
            target.to = mid;
        } else {
            era.from = target.to;
        }
    }
    const QString text = tr("Add era '%1'").arg(qs(era.name));
    s.eras.insert(s.eras.begin() + static_cast<std::ptrdiff_t>(at), std::move(era));
    return makeSetEraSchemesCommand(document, std::move(schemes), text);
}

std::unique_ptr<QUndoCommand> makeRemoveEraCommand(Document *document, std::size_t scheme,
                                                   std::size_t era)
{
    std::vector<compute::EraScheme> schemes = document->dataset().eraSchemes;
    auto &eras = schemes.at(scheme).eras;
    const QString text = tr("Delete era '%1'").arg(qs(eras.at(era).name));
    eras.erase(eras.begin() + static_cast<std::ptrdiff_t>(era));
    return makeSetEraSchemesCommand(document, std::move(schemes), text);
}

std::unique_ptr<QUndoCommand> makeSplitEraCommand(Document *document, std::size_t scheme,
                                                  std::size_t era, const compute::Date &at)
{
    std::vector<compute::EraScheme> schemes = document->dataset().eraSchemes;
    compute::EraScheme &s = schemes.at(scheme);
    const compute::Era original = s.eras.at(era);
    if (!at.isValid() || (original.from && !(*original.from < at)) ||
        (original.to && !(at < *original.to)))
        return nullptr;
    const std::string iso = at.toIso();
    compute::Era before = original;
    before.name = original.name + " (before " + iso + ")";
    before.to = at;
    compute::Era after = original;
    after.name = original.name + " (from " + iso + ")";
    after.from = at;
    after.color = unusedColor(s);
    s.eras[era] = std::move(before);
    s.eras.insert(s.eras.begin() + static_cast<std::ptrdiff_t>(era) + 1, std::move(after));
    return makeSetEraSchemesCommand(document, std::move(schemes),
                                    tr("Split era '%1' at %2").arg(qs(original.name), qs(iso)));
}

std::unique_ptr<QUndoCommand> makeAddSchemeCommand(Document *document, const QString &name)
{
    if (!schemeNameProblem(document->dataset(), name).isEmpty()) return nullptr;
    std::vector<compute::EraScheme> schemes = document->dataset().eraSchemes;
    compute::EraScheme scheme;
    scheme.name = name.trimmed().toStdString();
    compute::Era all;
    all.name = "All runs";
    all.color = kPalette[0];
    scheme.eras.push_back(std::move(all));
    schemes.push_back(std::move(scheme));
    return makeSetEraSchemesCommand(document, std::move(schemes),
                                    tr("Add era scheme '%1'").arg(name.trimmed()));
}

std::unique_ptr<QUndoCommand> makeRenameSchemeCommand(Document *document, std::size_t scheme,
                                                      const QString &name)
{
    std::vector<compute::EraScheme> schemes = document->dataset().eraSchemes;
    compute::EraScheme &s = schemes.at(scheme);
    const std::string wanted = name.trimmed().toStdString();
    if (wanted == s.name ||
        !schemeNameProblem(document->dataset(), name, static_cast<int>(scheme)).isEmpty())
        return nullptr;
    const QString text = tr("Rename era scheme '%1'").arg(qs(s.name));
    s.name = wanted;
    return makeSetEraSchemesCommand(document, std::move(schemes), text);
}

std::unique_ptr<QUndoCommand> makeDuplicateSchemeCommand(Document *document, std::size_t scheme)
{
    std::vector<compute::EraScheme> schemes = document->dataset().eraSchemes;
    compute::EraScheme copy = schemes.at(scheme);
    const QString text = tr("Duplicate era scheme '%1'").arg(qs(copy.name));
    copy.name = uniqueSchemeName(document->dataset(), qs(copy.name) + tr(" (copy)")).toStdString();
    schemes.insert(schemes.begin() + static_cast<std::ptrdiff_t>(scheme) + 1, std::move(copy));
    return makeSetEraSchemesCommand(document, std::move(schemes), text);
}

std::unique_ptr<QUndoCommand> makeRemoveSchemeCommand(Document *document, std::size_t scheme)
{
    std::vector<compute::EraScheme> schemes = document->dataset().eraSchemes;
    const QString text = tr("Delete era scheme '%1'").arg(qs(schemes.at(scheme).name));
    schemes.erase(schemes.begin() + static_cast<std::ptrdiff_t>(scheme));
    return makeSetEraSchemesCommand(document, std::move(schemes), text);
}

} // namespace app
