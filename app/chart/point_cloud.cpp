// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart/point_cloud.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// A sprite's premultiplied pixels, rows padded with transparent pixels to a multiple of
// four (source-over of a transparent pixel leaves the target exactly as it was).
struct Sprite {
    int width = 0, height = 0, stride = 0;
    std::vector<std::uint32_t> pixels;

    explicit Sprite(const QImage &image)
        : width(image.width()), height(image.height()), stride((image.width() + 3) / 4 * 4),
          pixels(static_cast<std::size_t>(stride) * static_cast<std::size_t>(height), 0)
    {
        for (int y = 0; y < height; ++y) {
            const auto *row = reinterpret_cast<const std::uint32_t *>(image.constScanLine(y));
            std::copy(row, row + width, pixels.begin() + static_cast<std::ptrdiff_t>(y) * stride);
        }
    }
};

// Where the canvas is: its pixels, and whether it is opaque (its alpha stays 255).
struct Canvas {
    std::uint32_t *bits;
    qsizetype stride; // in pixels
    int width, height;
    bool opaque;
};

// Source-over of `sprite` with its top-left pixel at (left, top).
void blend(const Canvas &canvas, const Sprite &sprite, int left, int top)
{
    const std::uint32_t alphaBits = canvas.opaque ? 0xff000000u : 0u;
#if defined(__SSE2__)
    if (left >= 0 && top >= 0 && left + sprite.stride <= canvas.width &&
        top + sprite.height <= canvas.height) {
        // Four pixels at a time, no clipping: Qt's SSE2 BYTE_MUL.
        const __m128i colorMask = _mm_set1_epi32(0x00ff00ff);
        const __m128i half = _mm_set1_epi16(0x80);
        const __m128i full = _mm_set1_epi16(0xff);
        const __m128i alphaMask = _mm_set1_epi32(static_cast<int>(alphaBits));
        for (int y = 0; y < sprite.height; ++y) {
            std::uint32_t *d = canvas.bits + (top + y) * canvas.stride + left;
            const std::uint32_t *s =
                sprite.pixels.data() + static_cast<std::ptrdiff_t>(y) * sprite.stride;
            for (int x = 0; x < sprite.stride; x += 4) {
                const __m128i src = _mm_loadu_si128(reinterpret_cast<const __m128i *>(s + x));
                const __m128i dst = _mm_loadu_si128(reinterpret_cast<const __m128i *>(d + x));
                __m128i alpha = _mm_srli_epi32(src, 24);
                alpha = _mm_sub_epi16(full, _mm_or_si128(alpha, _mm_slli_epi32(alpha, 16)));
                __m128i ag = _mm_mullo_epi16(_mm_srli_epi16(dst, 8), alpha);
                __m128i rb = _mm_mullo_epi16(_mm_and_si128(dst, colorMask), alpha);
                rb = _mm_srli_epi16(_mm_add_epi16(_mm_add_epi16(rb, _mm_srli_epi16(rb, 8)), half),
                                    8);
                ag = _mm_andnot_si128(
                    colorMask, _mm_add_epi16(_mm_add_epi16(ag, _mm_srli_epi16(ag, 8)), half));
                const __m128i out =
                    _mm_or_si128(_mm_add_epi8(src, _mm_or_si128(ag, rb)), alphaMask);
                _mm_storeu_si128(reinterpret_cast<__m128i *>(d + x), out);
            }
        }
        return;
    }
#endif
    const int x0 = std::max(0, -left), y0 = std::max(0, -top);
    const int x1 = std::min(sprite.width, canvas.width - left);
    const int y1 = std::min(sprite.height, canvas.height - top);
    for (int y = y0; y < y1; ++y) {
        std::uint32_t *d = canvas.bits + (top + y) * canvas.stride + left;
        const std::uint32_t *s =
            sprite.pixels.data() + static_cast<std::ptrdiff_t>(y) * sprite.stride;
        for (int x = x0; x < x1; ++x) {
            const std::uint32_t src = s[x];
            d[x] = (src + byteMul(d[x], 255 - (src >> 24))) | alphaBits;
        }
    }
}

// The image a painter draws into, when it is one the markers can be blended into
// directly (the window's opaque frame buffer, see ChartPlot); null otherwise.
QImage *directTarget(QCPPainter *painter)
{
    QPaintDevice *device = painter->device();
    if (!device || device->devType() != QInternal::Image || !painter->transform().isIdentity())
        return nullptr;
    auto *image = static_cast<QImage *>(device);
    const QImage::Format format = image->format();
    return format == QImage::Format_RGB32 || format == QImage::Format_ARGB32_Premultiplied
               ? image
               : nullptr;
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
    for (const Group &g : m_groups)
        n += static_cast<int>(g.centres.size());
    return n;
}

void PointCloud::draw(QCPPainter *painter)
{
    const QRect rect = parentPlot()->axisRect()->rect();
    if (rect.isEmpty() || markerCount() == 0) return;
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
    const QRect pixels(static_cast<int>(std::floor(rect.left() * ratio)),
                       static_cast<int>(std::floor(rect.top() * ratio)),
                       static_cast<int>(std::ceil(rect.width() * ratio)),
                       static_cast<int>(std::ceil(rect.height() * ratio)));

    // Straight into the frame when it is an image, else into an image of the axis rect
    // that is then drawn once. Either way the markers are clipped to the axis rect.
    QImage *target = directTarget(painter);
    QRect area = pixels; // the canvas, in the target's device pixels
    if (target) {
        area = pixels.intersected(QRect(QPoint(0, 0), target->size()));
        if (area.isEmpty()) return;
    } else {
        if (m_canvas.size() != pixels.size())
            m_canvas = QImage(pixels.size(), QImage::Format_ARGB32_Premultiplied);
        m_canvas.setDevicePixelRatio(ratio);
        m_canvas.fill(Qt::transparent);
    }
    QImage &image = target ? *target : m_canvas;
    const qsizetype stride = image.bytesPerLine() / 4;
    const QPoint offset = target ? area.topLeft() : QPoint(0, 0); // of the canvas in `image`
    // Through constBits: bits() could detach an image a painter is drawing into.
    auto *bits =
        const_cast<std::uint32_t *>(reinterpret_cast<const std::uint32_t *>(image.constBits()));
    const Canvas canvas{bits + offset.y() * stride + offset.x(), stride, area.width(),
                        area.height(), image.format() == QImage::Format_RGB32};

    for (const Group &g : m_groups) {
        if (g.sprite.isNull() || g.sprite.format() != QImage::Format_ARGB32_Premultiplied) continue;
        const Sprite sprite(g.sprite);
        // The sprite's centre on the marker's pixel, in device pixels; whole pixels keep
        // the sprite as drawn.
        const double halfWidth = sprite.width / 2.0, halfHeight = sprite.height / 2.0;
        for (const QPointF &c : g.centres) {
            const int left = static_cast<int>(std::lround(c.x() * ratio - halfWidth)) - area.left();
            const int top = static_cast<int>(std::lround(c.y() * ratio - halfHeight)) - area.top();
            blend(canvas, sprite, left, top);
        }
    }
    if (!target)
        painter->drawImage(QRectF(QPointF(pixels.topLeft()) / ratio, QSizeF(pixels.size()) / ratio),
                           m_canvas);
}

} // namespace app
