// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Extending a trend beyond its data: the compute it gives at a date, the date at which
// it reaches a compute, and the fan of 95% bands to draw ahead of the data.
//
// Two 95% intervals are given in each direction, and the names say which:
//   ci95 / meanCi95     - where the TREND LINE is: the confidence band of the mean,
//                         t s sqrt(1/n + (x - x̄)²/Sxx).
//   predictionCi95      - where a NEW RUN would fall: the prediction band,
//                         t s sqrt(1 + 1/n + (x - x̄)²/Sxx).
// Dates come from inverting the band edges (inverse prediction, the classical
// calibration interval): the 95% set of dates is every x at which the target lies
// inside the band, i.e. the x where the band's edges cross the target.
//   DateProjection::xCi95 inverts the MEAN band: "when does the trend reach X?"; it is
//     Fieller's interval for x0 = (X - a) / b, and it is the one `--project-to` prints as
//     "date_ci95".
//   DateProjection::xPredictionCi95 inverts the PREDICTION band: "when would a run of X
//     FLOP be typical?"; wider, printed as "date_prediction_ci95".
// Both are bounded exactly when the slope's 95% interval excludes 0 (the band edges then
// cross the target once each); otherwise the set is the whole line or two rays and the
// status is Unbounded. Nothing here returns NaN: undefined cases are statuses.

#include "core/model/date.h"
#include "core/stats/trend_fit.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace compute {

enum class ProjectionStatus {
    Ok,
    NoFit,     // the fit is not ok (fewer than 3 runs, no spread in dates): no line at all
    FlatTrend, // slope exactly 0: the line never reaches another compute (no central date)
    Unbounded, // the slope's 95% interval includes 0: a central date, no finite interval
};

// "ok", "no_fit", "flat_trend", "unbounded" (the JSON keys of `--project-*`).
std::string_view projectionStatusKey(ProjectionStatus status);

// The trend's compute at one date (x, years since 1970). Status is Ok or NoFit.
struct ComputeProjection {
    ProjectionStatus status = ProjectionStatus::NoFit;
    std::string message; // why not (the fit's status message); empty when Ok
    double x = 0;
    double log10Flop = 0;    // the line at x
    Interval meanCi95;       // log10 FLOP; both bounds present when Ok
    Interval predictionCi95; // log10 FLOP; both bounds present when Ok
    bool ok() const { return status == ProjectionStatus::Ok; }
};

ComputeProjection projectComputeAt(const TrendFit &fit, double x);
inline ComputeProjection projectComputeAt(const TrendFit &fit, const Date &date)
{
    return projectComputeAt(fit, date.yearsSinceEpoch());
}

// The date (x, years since 1970) at which the trend reaches a compute.
struct DateProjection {
    ProjectionStatus status = ProjectionStatus::NoFit;
    std::string message;  // empty when Ok
    double log10Flop = 0; // the target
    // Where the line reaches the target; meaningful when Ok or Unbounded.
    double x = 0;
    // 95% interval of the date from the mean band (see the top of this file); both bounds
    // present when Ok, both missing otherwise.
    Interval xCi95;
    // 95% interval from the prediction band; present exactly when xCi95 is.
    Interval xPredictionCi95;
    bool ok() const { return status == ProjectionStatus::Ok; }
    bool hasDate() const { return ok() || status == ProjectionStatus::Unbounded; }
};

DateProjection projectDateOf(const TrendFit &fit, double log10Flop);

// One step of the fan drawn beyond (or across) the data: the line and both bands.
struct FanPoint {
    double x = 0;
    double log10Flop = 0;
    double meanLow = 0, meanHigh = 0;             // 95% band of the line
    double predictionLow = 0, predictionHigh = 0; // 95% band of a new run
};

// `steps` + 1 evenly spaced points from fromX to toX inclusive (one point when steps is
// 0 or fromX == toX); empty when the fit is not ok.
std::vector<FanPoint> projectionFan(const TrendFit &fit, double fromX, double toX,
                                    std::size_t steps = 100);

// The day nearest x years since 1970 (day precision); nullopt when x is not finite or
// falls outside the years 1 to 9999 that Date holds (a projection can go that far).
std::optional<Date> dateAtX(double x);

} // namespace compute
