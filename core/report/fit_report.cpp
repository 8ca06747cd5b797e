// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/report/fit_report.h"

#include "core/report/fit_json.h"

namespace compute {

std::string fitReportJson(const std::vector<EraFit> &fits)
{
    fit_json::ordered_json list = fit_json::ordered_json::array();
    for (const EraFit &ef : fits)
        list.push_back(fit_json::eraFit(ef));
    fit_json::ordered_json root;
    root["fits"] = std::move(list);
    return fit_json::dump(root);
}

} // namespace compute
