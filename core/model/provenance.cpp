// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/provenance.h"

#include "core/model/date.h"

#include <algorithm>

namespace compute {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isSha256Hex(const std::string &text)
{
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return isDigit(c) || (c >= 'a' && c <= 'f');
           });
}

bool isDayDate(const std::string &text)
{
    const auto date = Date::fromIso(text);
    return date && date->precision() == DatePrecision::Day && date->isValid() &&
           date->toIso() == text;
}

} // namespace

bool isUtcTimestamp(const std::string &text)
{
    // YYYY-MM-DDTHH:MM:SSZ
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
        text[19] != 'Z')
        return false;
    for (std::size_t i : {11u, 12u, 14u, 15u, 17u, 18u})
        if (!isDigit(text[i])) return false;
    const int hours = (text[11] - '0') * 10 + (text[12] - '0');
    const int minutes = (text[14] - '0') * 10 + (text[15] - '0');
    const int seconds = (text[17] - '0') * 10 + (text[18] - '0');
    return isDayDate(text.substr(0, 10)) && hours < 24 && minutes < 60 && seconds < 61;
}

Errors validateProvenance(const DatasetProvenance &provenance, const std::string &where)
{
    Errors errors;
    if (!provenance.downloadedAt.empty() && !isUtcTimestamp(provenance.downloadedAt))
        errors.push_back({where + ".downloaded_at", "'" + provenance.downloadedAt +
                                                        "' is not a UTC time such as "
                                                        "2025-08-07T12:34:56Z"});
    if (!provenance.sha256.empty() && !isSha256Hex(provenance.sha256))
        errors.push_back({where + ".sha256", "expected 64 lowercase hexadecimal digits"});
    if (!provenance.vintage.empty() && !isDayDate(provenance.vintage))
        errors.push_back(
            {where + ".vintage", "'" + provenance.vintage + "' is not a date such as 2025-08-07"});
    return errors;
}

} // namespace compute
