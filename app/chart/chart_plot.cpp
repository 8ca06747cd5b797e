// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/chart/chart_plot.h"

#include <QPaintEvent>

namespace app {
namespace {

// An opaque frame: cleared to the plot's background, not to transparent.
class OpaqueImageBuffer : public QCPAbstractPaintBuffer {
public:
    OpaqueImageBuffer(const QSize &size, double ratio, const QBrush *background)
        : QCPAbstractPaintBuffer(size, ratio), m_background(background)
    {
        OpaqueImageBuffer::reallocateBuffer();
    }

    QCPPainter *startPainting() override { return new QCPPainter(&m_image); }

    void draw(QCPPainter *painter) const override
    {
        if (painter && painter->isActive()) painter->drawImage(QPoint(0, 0), m_image);
    }

    void clear(const QColor &) override { m_image.fill(m_background->color()); }

protected:
    void reallocateBuffer() override
    {
        setInvalidated();
        m_image = QImage(mSize * mDevicePixelRatio, QImage::Format_RGB32);
        m_image.setDevicePixelRatio(mDevicePixelRatio);
    }

private:
    const QBrush *m_background; // the plot's
    QImage m_image;
};

} // namespace

ChartPlot::ChartPlot(QWidget *parent) : QCustomPlot(parent)
{
    // One frame for every layer. QCustomPlot buffers its "overlay" layer apart so a
    // rubber band can be redrawn alone, but that second buffer costs a clear and a
    // blend of the whole widget in every frame; a rubber band replots the chart instead.
    if (QCPLayer *overlay = layer(QStringLiteral("overlay"))) overlay->setMode(QCPLayer::lmLogical);
    // setupPaintBuffers() reuses the first buffer it finds.
    mPaintBuffers.clear();
    mPaintBuffers.append(QSharedPointer<QCPAbstractPaintBuffer>(
        new OpaqueImageBuffer(viewport().size(), mBufferDevicePixelRatio, &mBackgroundBrush)));
}

void ChartPlot::paintEvent(QPaintEvent *event)
{
    // As QCustomPlot::paintEvent, without the background fill the opaque frame covers.
    if (!qFuzzyCompare(bufferDevicePixelRatio(), devicePixelRatioF())) {
        setBufferDevicePixelRatio(devicePixelRatioF());
        replot(QCustomPlot::rpQueuedRefresh);
        return;
    }
    // A background pixmap, a gradient or a buffered layer: QCustomPlot's way.
    if (mPaintBuffers.size() != 1 ||
        !dynamic_cast<OpaqueImageBuffer *>(mPaintBuffers.front().data()) ||
        mBackgroundBrush.style() != Qt::SolidPattern || !mBackgroundPixmap.isNull()) {
        QCustomPlot::paintEvent(event);
        return;
    }
    QCPPainter painter(this);
    if (painter.isActive()) mPaintBuffers.front()->draw(&painter);
}

} // namespace app
