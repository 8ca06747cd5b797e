// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Clipping a line segment to a rectangle, for labels' leader lines and exported lines.

#include <algorithm>

namespace app {

// Liang-Barsky: clips the segment (x0,y0)-(x1,y1) to the rectangle; false if outside.
inline bool clipSegment(double &x0, double &y0, double &x1, double &y1, double xl, double xh,
                        double yl, double yh)
{
    double t0 = 0, t1 = 1;
    const double dx = x1 - x0, dy = y1 - y0;
    const double p[] = {-dx, dx, -dy, dy};
    const double q[] = {x0 - xl, xh - x0, y0 - yl, yh - y0};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0) return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1) return false;
    }
    const double nx0 = x0 + t0 * dx, ny0 = y0 + t0 * dy;
    x1 = x0 + t1 * dx;
    y1 = y0 + t1 * dy;
    x0 = nx0;
    y0 = ny0;
    return true;
}

} // namespace app
