#include "app/chart/point_cloud.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace app {
namespace {

// x * a / 255 for the four 8-bit channels of x at once (the arithmetic of Qt's BYTE_MUL).
inline std::uint32_t byteMul(std::uint32_t x, std::uint32_t a)
{
    std::uint32_t t = (x & 0xff00ffu) * a;
    t = ((t + ((t >> 8) & 0xff00ffu) + 0x800080u) >> 8) & 0xff00ffu;
    x = ((x >> 8) & 0xff00ffu) * a;
    x = (x + ((x >> 8) & 0xff00ffu) + 0x800080u) & 0xff00ff00u;
    return x | t;
}

// Source-over of a premultiplied sprite whose top-left pixel lands at (left, top).
void blend(QImage &canvas, const QImage &sprite, int left, int top)
{
    const int x0 = std::max(0, -left), y0 = std::max(0, -top);
    const int x1 = std::min(sprite.width(), canvas.width() - left);
    const int y1 = std::min(sprite.height(), canvas.height() - top);
    if (x0 >= x1 || y0 >= y1) return;
    const qsizetype canvasStride = canvas.bytesPerLine() / 4;
    const qsizetype spriteStride = sprite.bytesPerLine() / 4;
    // Through constBits: bits() would detach, and the canvas is never shared.
    auto *canvasBits = const_cast<std::uint32_t *>(reinterpret_cast<const std::uint32_t *>(canvas.constBits()));
    const auto *spriteBits = reinterpret_cast<const std::uint32_t *>(sprite.constBits());
    for (int y = y0; y < y1; ++y) {
        std::uint32_t *d = canvasBits + (top + y) * canvasStride + left;
        const std::uint32_t *s = spriteBits + y * spriteStride;
        for (int x = x0; x < x1; ++x) {
            const std::uint32_t src = s[x];
            const std::uint32_t alpha = src >> 24;
            if (alpha == 255) d[x] = src;
            else if (alpha != 0) d[x] = src + byteMul(d[x], 255 - alpha);
        }
    }
}

} // namespace

PointCloud::PointCloud(QCustomPlot *plot, const QString &layer) : QCPLayerable(plot, layer)
{
    // First on its layer: under the selection ring and the fits added later.
    moveToLayer(this->layer(), true);
}

int PointCloud::markerCount() const
{
    int n = 0;
    for (const Group &g : m_groups) n += static_cast<int>(g.centres.size());
    return n;
}

void PointCloud::draw(QCPPainter *painter)
{
    const QRect rect = parentPlot()->axisRect()->rect();
    if (rect.isEmpty() || markerCount() == 0) return;
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
    const QSize pixels(static_cast<int>(std::ceil(rect.width() * ratio)),
                       static_cast<int>(std::ceil(rect.height() * ratio)));
    if (m_canvas.size() != pixels) m_canvas = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
    m_canvas.setDevicePixelRatio(ratio);
    m_canvas.fill(Qt::transparent);

    for (const Group &g : m_groups) {
        if (g.sprite.isNull() || g.sprite.format() != QImage::Format_ARGB32_Premultiplied) continue;
        // The sprite's centre on the marker's pixel, both in device pixels; whole pixels
        // keep the sprite as drawn.
        const double halfWidth = g.sprite.width() / 2.0, halfHeight = g.sprite.height() / 2.0;
        for (const QPointF &c : g.centres) {
            const int left = static_cast<int>(std::lround((c.x() - rect.left()) * ratio - halfWidth));
            const int top = static_cast<int>(std::lround((c.y() - rect.top()) * ratio - halfHeight));
            blend(m_canvas, g.sprite, left, top);
        }
    }
    painter->drawImage(rect.topLeft(), m_canvas);
}

} // namespace app
