// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/export/chart_figure.h"
#include "app/export/figure_exporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimer;

namespace app {

class ChartView;
class Document;

// File > Export Figure: format, size in pixels or inches, DPI for PNG, what to include,
// a live preview, and copying to the clipboard. The figure is what the chart shows
// (view range, units, ticked eras and fits, filters) without selection styling, drawn
// by the same renderer. The last settings are remembered.
class ExportDialog : public QDialog {
    Q_OBJECT

public:
    ExportDialog(const ChartView *chart, const Document *document, QWidget *parent = nullptr);
    ~ExportDialog() override;

    FigureFormat format() const;
    void setFormat(FigureFormat format);
    // The figure style's key (app/export/figure_style).
    QString style() const;
    void setStyle(const QString &key);
    // The file name offered: the dataset's title as a file name, with the extension.
    QString suggestedFileName() const;
    void setSizePixels(int width, int height);
    // The request the current settings describe, with the reproducibility metadata of
    // what the chart shows (viewReproducibility).
    FigureRequest request() const;
    // Writes the figure; nullopt on success, else the error (also shown unless quiet).
    std::optional<QString> exportTo(const QString &path, bool quiet = false);
    // Puts the figure on the clipboard as PNG (image) or SVG (image/svg+xml).
    void copyToClipboard(FigureFormat format);
    // The preview image last rendered (for tests).
    QImage previewImage() const { return m_preview; }

private:
    void buildUi();
    // What the widgets say, in pixels.
    FigureSettings settings() const;
    // request() without the metadata, which hashes the dataset: enough for the preview.
    FigureRequest settingsRequest() const;
    void readSettings();
    void writeSettings() const;
    void schedulePreview();
    void renderPreview();
    void updateSizeLabel();
    void chooseFileAndExport();
    FigureExporter makeExporter(const FigureRequest &request) const;

    const ChartView *m_chart;
    const Document *m_document;
    QComboBox *m_format;
    QComboBox *m_style;
    QDoubleSpinBox *m_width;
    QDoubleSpinBox *m_height;
    QComboBox *m_sizeUnit;
    QSpinBox *m_dpi;
    QLabel *m_pixels;
    QCheckBox *m_title;
    QLineEdit *m_titleText;
    QCheckBox *m_legend;
    QCheckBox *m_labels;
    QCheckBox *m_bands;
    QCheckBox *m_fits;
    QCheckBox *m_citation;
    QLineEdit *m_citationText;
    QLabel *m_previewLabel;
    QTimer *m_previewTimer;
    QImage m_preview;
};

} // namespace app
