// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/dataset.h"

#include "core/model/run_id_allocator.h"
#include "core/util/flat_string_set.h"
#include "core/util/text_util.h"

#include <cmath>
#include <unordered_set>

namespace compute {

bool isValidColor(const std::string &color)
{
    if (color.size() != 7 || color[0] != '#') return false;
    for (std::size_t i = 1; i < 7; ++i) {
        const char c = color[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    }
    return true;
}

namespace {

// Appends the problems of one run. `where()` gives its location ("runs[3]"); it is
// called only for a problem, so that validating a valid dataset builds no strings.
template <typename Where>
void validateRunInto(Errors &errors, const TrainingRun &run, const Where &where)
{
    if (run.id.empty()) errors.push_back({where() + ".id", "must not be empty"});
    if (trimmed(run.name).empty()) errors.push_back({where() + ".name", "must not be empty"});
    if (run.date && !run.date->isValid())
        errors.push_back({where() + ".date", "'" + run.date->toIso() + "' is not a calendar date"});
    if (run.parameters && (!std::isfinite(*run.parameters) || *run.parameters <= 0))
        errors.push_back(
            {where() + ".parameters", "expected a number of parameters greater than 0"});
    if (run.estimates.empty() && run.primary != 0)
        errors.push_back({where() + ".primary", "expected 0 (the run has no estimates)"});
    else if (!run.estimates.empty() && run.primary >= run.estimates.size())
        errors.push_back({where() + ".primary",
                          "expected an index below " + std::to_string(run.estimates.size())});
    for (std::size_t i = 0; i < run.estimates.size(); ++i) {
        if (run.estimates[i].isValid()) continue;
        Errors e = run.estimates[i].validate(where() + ".estimates[" + std::to_string(i) + "]");
        errors.insert(errors.end(), e.begin(), e.end());
    }
    for (std::size_t i = 0; i < run.sources.size(); ++i)
        if (run.sources[i].title.empty() && run.sources[i].url.empty())
            errors.push_back(
                {where() + ".sources[" + std::to_string(i) + "]", "needs a title or a URL"});
}

} // namespace

Errors validateRun(const TrainingRun &run, const std::string &where)
{
    Errors errors;
    validateRunInto(errors, run, [&] { return where; });
    return errors;
}

Errors Dataset::validate() const
{
    Errors errors;
    FlatStringSet ids;
    ids.reserve(runs.size());
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const auto where = [i] { return "runs[" + std::to_string(i) + "]"; };
        validateRunInto(errors, runs[i], where);
        if (!runs[i].id.empty() && !ids.insert(runs[i].id))
            errors.push_back({where() + ".id", "'" + runs[i].id + "' is used by an earlier run"});
    }
    Errors provenance = validateProvenance(metadata.provenance, "metadata.provenance");
    errors.insert(errors.end(), provenance.begin(), provenance.end());
    std::unordered_set<std::string_view> schemeNames;
    for (std::size_t s = 0; s < eraSchemes.size(); ++s) {
        const EraScheme &scheme = eraSchemes[s];
        const std::string where = "era_schemes[" + std::to_string(s) + "]";
        if (scheme.name.empty())
            errors.push_back({where + ".name", "must not be empty"});
        else if (!schemeNames.insert(scheme.name).second)
            errors.push_back(
                {where + ".name", "'" + scheme.name + "' is used by an earlier scheme"});
        for (std::size_t e = 0; e < scheme.eras.size(); ++e) {
            const Era &era = scheme.eras[e];
            const std::string at = where + ".eras[" + std::to_string(e) + "]";
            if (era.name.empty()) errors.push_back({at + ".name", "must not be empty"});
            if (era.from && !era.from->isValid())
                errors.push_back({at + ".from", "not a calendar date"});
            if (era.to && !era.to->isValid()) errors.push_back({at + ".to", "not a calendar date"});
            if (era.from && era.to && !(*era.from < *era.to))
                errors.push_back({at + ".to", "must be after from (" + era.from->toIso() + ")"});
            if (!isValidColor(era.color))
                errors.push_back({at + ".color", "expected a colour as #rrggbb"});
            Errors rule = validateRule(era.rule, at + ".rule");
            errors.insert(errors.end(), rule.begin(), rule.end());
            if (era.published) {
                Errors figure = validatePublishedFigure(*era.published, at + ".published");
                errors.insert(errors.end(), figure.begin(), figure.end());
            }
        }
    }
    return errors;
}

const TrainingRun *Dataset::findRun(std::string_view id) const
{
    const std::ptrdiff_t i = indexOfRun(id);
    return i < 0 ? nullptr : &runs[static_cast<std::size_t>(i)];
}

std::ptrdiff_t Dataset::indexOfRun(std::string_view id) const
{
    for (std::size_t i = 0; i < runs.size(); ++i)
        if (runs[i].id == id) return static_cast<std::ptrdiff_t>(i);
    return -1;
}

const EraScheme *Dataset::findScheme(std::string_view name) const
{
    for (const EraScheme &scheme : eraSchemes)
        if (scheme.name == name) return &scheme;
    return nullptr;
}

bool Dataset::isHiddenByDefault(const TrainingRun &run) const
{
    for (const std::string &tag : metadata.hiddenTags)
        if (run.hasTag(tag)) return true;
    return false;
}

std::string Dataset::uniqueRunId(std::string_view name) const
{
    return RunIdAllocator(*this).allocate(name);
}

} // namespace compute
