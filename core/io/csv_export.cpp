// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/io/csv_export.h"

#include "core/io/csv_reader.h"
#include "core/util/number_parse.h"

namespace compute {
namespace {

std::string joined(const std::vector<std::string> &parts, const char *separator)
{
    std::string out;
    for (const std::string &p : parts) {
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

std::vector<std::string> rowOf(const TrainingRun &run)
{
    std::vector<std::string> domains;
    if (!run.domain.empty()) domains.push_back(run.domain);
    for (const std::string &tag : run.tags)
        if (tag.rfind("domain:", 0) == 0) domains.push_back(tag.substr(7));

    const auto flop = run.flop();
    const ComputeEstimate *primary = run.primaryEstimate();
    const HardwareInputs *hardware = nullptr;
    for (const ComputeEstimate &e : run.estimates)
        if ((hardware = std::get_if<HardwareInputs>(&e.inputs))) break;

    std::vector<std::string> urls, titles;
    for (const Source &s : run.sources) {
        if (!s.url.empty()) urls.push_back(s.url);
        if (!s.title.empty()) titles.push_back(s.title);
    }
    return {
        run.name,
        run.organization,
        joined(domains, ","),
        run.date ? run.date->toIso() : std::string(),
        flop ? formatNumber(*flop) : std::string(),
        primary ? std::string(methodLabel(primary->method())) : std::string(),
        run.parameters ? formatNumber(*run.parameters) : std::string(),
        hardware ? hardware->device : std::string(),
        hardware ? formatNumber(hardware->deviceCount) : std::string(),
        hardware ? formatNumber(hardware->trainingHours) : std::string(),
        hardware ? formatNumber(hardware->utilization) : std::string(),
        // Our keys ("tensor-fp16"), which the importer reads back exactly.
        hardware ? std::string(numberFormatKey(hardware->numberFormat)) : std::string(),
        std::string(confidenceKey(run.confidence)),
        run.hasTag(kTagFrontier) ? "True" : "",
        run.upperBound ? "True" : "",
        joined(titles, "; "),
        joined(urls, ","),
        run.notes,
        run.id,
    };
}

} // namespace

std::string writeRunsCsv(const Dataset &dataset, const std::vector<std::size_t> &runIndices)
{
    std::string out = csvRecord(
        {"Model", "Organization", "Domain", "Publication date", "Training compute (FLOP)",
         "Training compute estimation method", "Parameters", "Training hardware",
         "Hardware quantity", "Training time (hours)", "Hardware utilization", "Numerical format",
         "Confidence", "Frontier model", "Upper bound", "Reference", "Link", "Notes", "Id"});
    if (runIndices.empty()) {
        for (const TrainingRun &run : dataset.runs)
            out += csvRecord(rowOf(run));
    } else {
        for (std::size_t i : runIndices)
            if (i < dataset.runs.size()) out += csvRecord(rowOf(dataset.runs[i]));
    }
    return out;
}

} // namespace compute
