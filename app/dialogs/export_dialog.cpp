// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/dialogs/export_dialog.h"

#include "app/inputs/axes_picker.h"

#include "app/chart/chart_view.h"
#include "app/document/document.h"
#include "app/document/view_state.h"
#include "app/export/dataset_figure.h"
#include "app/export/figure_style.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace app {
namespace {

constexpr double kPixelsPerInch = 96.0;
const QString kGroup = QStringLiteral("export/");

QString extensionOf(FigureFormat format)
{
    switch (format) {
    case FigureFormat::Png:
        return QStringLiteral("png");
    case FigureFormat::Svg:
        return QStringLiteral("svg");
    case FigureFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return QStringLiteral("png");
}

} // namespace

ExportDialog::ExportDialog(const ChartView *chart, const Document *document, QWidget *parent)
    : QDialog(parent), m_chart(chart), m_document(document), m_previewTimer(new QTimer(this))
{
    setWindowTitle(tr("Export Figure"));
    buildUi();
    readSettings();
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(120);
    connect(m_previewTimer, &QTimer::timeout, this, &ExportDialog::renderPreview);
    updateSizeLabel();
    renderPreview();
}

ExportDialog::~ExportDialog()
{
    writeSettings();
}

void ExportDialog::buildUi()
{
    m_format = new QComboBox;
    m_format->setObjectName(QStringLiteral("format"));
    m_format->addItem(tr("PNG image"), static_cast<int>(FigureFormat::Png));
    m_format->addItem(tr("SVG vector image"), static_cast<int>(FigureFormat::Svg));
    m_format->addItem(tr("PDF document"), static_cast<int>(FigureFormat::Pdf));

    m_style = new QComboBox;
    m_style->setObjectName(QStringLiteral("style"));
    for (const FigureStyle &style : figureStyles()) {
        m_style->addItem(style.name, style.key);
        m_style->setItemData(m_style->count() - 1, style.description, Qt::ToolTipRole);
    }
    m_style->setToolTip(tr("Report: for a document. Slide: large text and thick lines. "
                           "OpenAI 2018: the look of OpenAI's chart (petaflop/s-days, "
                           "2012 to 2018, one trend line), whatever the window shows."));

    m_width = new QDoubleSpinBox;
    m_height = new QDoubleSpinBox;
    for (QDoubleSpinBox *box : {m_width, m_height})
        box->setDecimals(0);
    m_width->setObjectName(QStringLiteral("width"));
    m_height->setObjectName(QStringLiteral("height"));
    m_sizeUnit = new QComboBox;
    m_sizeUnit->setObjectName(QStringLiteral("sizeUnit"));
    m_sizeUnit->addItem(tr("pixels"));
    m_sizeUnit->addItem(tr("inches"));
    m_dpi = new QSpinBox;
    m_dpi->setObjectName(QStringLiteral("dpi"));
    m_dpi->setRange(48, 1200);
    m_dpi->setSuffix(tr(" dpi"));
    m_dpi->setToolTip(
        tr("PNG resolution: 96 dpi is one image pixel per figure pixel, 192 is twice as sharp"));
    m_pixels = new QLabel;

    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("×")));
    sizeRow->addWidget(m_height);
    sizeRow->addWidget(m_sizeUnit);

    m_title = new QCheckBox(tr("Title"));
    m_titleText = new QLineEdit(QString::fromStdString(m_document->dataset().metadata.title));
    m_legend = new QCheckBox(tr("Legend"));
    m_labels = new QCheckBox(tr("Point labels"));
    m_bands = new QCheckBox(tr("Era bands"));
    m_fits = new QCheckBox(tr("Fit lines, confidence bands and annotations"));
    m_citation = new QCheckBox(tr("Citation line"));
    m_citationText = new QLineEdit(citationOf(m_document->dataset()));
    m_citation->setObjectName(QStringLiteral("citation"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("S&tyle:"), m_style);
    // The axes are the view's: choosing them here changes the chart too.
    auto *axes = new AxesPicker(m_chart->mutableViewState());
    axes->layout()->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Axes:"), axes);
    connect(m_chart->viewState(), &ViewState::axesChanged, this, &ExportDialog::schedulePreview);
    // A row holding a layout gets no buddy from QFormLayout, and its label would show
    // the '&' itself: the label names the width box.
    auto *sizeLabel = new QLabel(tr("&Size:"));
    sizeLabel->setBuddy(m_width);
    form->addRow(sizeLabel, sizeRow);
    form->addRow(tr("&Resolution:"), m_dpi);
    form->addRow(QString(), m_pixels);
    auto *include = new QGroupBox(tr("Include"));
    auto *includeForm = new QFormLayout(include);
    includeForm->addRow(m_title, m_titleText);
    includeForm->addRow(m_legend);
    includeForm->addRow(m_labels);
    includeForm->addRow(m_bands);
    includeForm->addRow(m_fits);
    includeForm->addRow(m_citation, m_citationText);

    m_previewLabel = new QLabel;
    m_previewLabel->setObjectName(QStringLiteral("preview"));
    m_previewLabel->setMinimumSize(480, 320);
    m_previewLabel->setAlignment(Qt::AlignCenter);
    m_previewLabel->setFrameShape(QFrame::StyledPanel);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton *exportButton = buttons->addButton(tr("&Export..."), QDialogButtonBox::AcceptRole);
    exportButton->setDefault(true);
    QPushButton *copyPng = buttons->addButton(tr("Copy as &PNG"), QDialogButtonBox::ActionRole);
    QPushButton *copySvg = buttons->addButton(tr("Copy as S&VG"), QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(exportButton, &QPushButton::clicked, this, &ExportDialog::chooseFileAndExport);
    connect(copyPng, &QPushButton::clicked, this, [this] { copyToClipboard(FigureFormat::Png); });
    connect(copySvg, &QPushButton::clicked, this, [this] { copyToClipboard(FigureFormat::Svg); });

    auto *left = new QVBoxLayout;
    left->addLayout(form);
    left->addWidget(include);
    left->addStretch();
    auto *top = new QHBoxLayout;
    top->addLayout(left);
    top->addWidget(m_previewLabel, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);

    for (QCheckBox *box : {m_title, m_legend, m_labels, m_bands, m_fits, m_citation})
        connect(box, &QCheckBox::toggled, this, &ExportDialog::schedulePreview);
    connect(m_style, &QComboBox::currentIndexChanged, this, &ExportDialog::schedulePreview);
    for (QLineEdit *edit : {m_titleText, m_citationText})
        connect(edit, &QLineEdit::textChanged, this, &ExportDialog::schedulePreview);
    connect(m_title, &QCheckBox::toggled, m_titleText, &QWidget::setEnabled);
    connect(m_citation, &QCheckBox::toggled, m_citationText, &QWidget::setEnabled);
    for (QDoubleSpinBox *box : {m_width, m_height})
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] {
            updateSizeLabel();
            schedulePreview();
        });
    connect(m_dpi, &QSpinBox::valueChanged, this, &ExportDialog::updateSizeLabel);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        m_dpi->setEnabled(format() == FigureFormat::Png);
        updateSizeLabel();
    });
    connect(m_sizeUnit, &QComboBox::currentIndexChanged, this, [this](int unit) {
        // Convert what is shown; the figure stays the same size.
        const double factor = unit == 1 ? 1.0 / kPixelsPerInch : kPixelsPerInch;
        const double w = m_width->value() * factor, h = m_height->value() * factor;
        for (QDoubleSpinBox *box : {m_width, m_height}) {
            box->setDecimals(unit == 1 ? 2 : 0);
            box->setRange(unit == 1 ? 1.0 : 96.0, unit == 1 ? 100.0 : 9600.0);
        }
        m_width->setValue(w);
        m_height->setValue(h);
    });
    for (QDoubleSpinBox *box : {m_width, m_height})
        box->setRange(96, 9600);
}

FigureFormat ExportDialog::format() const
{
    return static_cast<FigureFormat>(m_format->currentData().toInt());
}

void ExportDialog::setFormat(FigureFormat f)
{
    m_format->setCurrentIndex(m_format->findData(static_cast<int>(f)));
}

QString ExportDialog::style() const
{
    return m_style->currentData().toString();
}

void ExportDialog::setStyle(const QString &key)
{
    const int index = m_style->findData(key);
    if (index >= 0) m_style->setCurrentIndex(index);
}

QString ExportDialog::suggestedFileName() const
{
    QString base = figureBaseName(m_document->dataset());
    if (base.isEmpty()) base = QFileInfo(m_document->displayName()).completeBaseName();
    if (base.isEmpty()) base = QStringLiteral("figure");
    return base + QLatin1Char('.') + extensionOf(format());
}

void ExportDialog::setSizePixels(int width, int height)
{
    m_sizeUnit->setCurrentIndex(0);
    m_width->setValue(width);
    m_height->setValue(height);
}

FigureRequest ExportDialog::request() const
{
    return chartFigureRequest(*m_chart, *m_document, settings());
}

FigureRequest ExportDialog::settingsRequest() const
{
    return chartFigureRequest(*m_chart, *m_document, settings(), false);
}

FigureSettings ExportDialog::settings() const
{
    FigureSettings f;
    const double factor = m_sizeUnit->currentIndex() == 1 ? kPixelsPerInch : 1.0;
    f.format = format();
    f.style = style();
    f.width = static_cast<int>(std::lround(m_width->value() * factor));
    f.height = static_cast<int>(std::lround(m_height->value() * factor));
    f.dpi = m_dpi->value();
    f.title = m_title->isChecked();
    f.titleText = m_titleText->text();
    f.legend = m_legend->isChecked();
    f.labels = m_labels->isChecked();
    f.bands = m_bands->isChecked();
    f.fits = m_fits->isChecked();
    f.citation = m_citation->isChecked();
    f.citationText = m_citationText->text();
    return f;
}

FigureExporter ExportDialog::makeExporter(const FigureRequest &r) const
{
    // A style that sets what is shown (openai-2018: its units, dates and one trend)
    // draws the dataset as the command line does, not the window's view.
    const FigureStyle *style = figureStyleNamed(r.style);
    if (style && (style->setsRange() || style->units)) {
        DatasetFigureSettings settings;
        settings.width = r.width;
        settings.height = r.height;
        settings.scale = r.scale;
        settings.options = r.options;
        settings.title = false; // options.title says
        settings.includeHidden = m_chart->viewState()->filter().includeHidden;
        settings.axes = m_chart->viewState()->axes();
        applyFigureStyle(settings, *style, false, false);
        if (auto exporter = datasetFigureExporter(m_document->dataset(), settings))
            return std::move(*exporter);
    }
    return chartFigureExporter(*m_chart, *m_document, r);
}

void ExportDialog::updateSizeLabel()
{
    const FigureRequest r = settingsRequest();
    QString text;
    switch (format()) {
    case FigureFormat::Png:
        text = tr("%1 × %2 image pixels")
                   .arg(std::lround(r.width * r.scale))
                   .arg(std::lround(r.height * r.scale));
        break;
    case FigureFormat::Svg:
        text = tr("view box %1 × %2").arg(r.width).arg(r.height);
        break;
    case FigureFormat::Pdf:
        text = tr("one page of %1 × %2 points")
                   .arg(std::lround(r.width * 0.75))
                   .arg(std::lround(r.height * 0.75));
        break;
    }
    m_pixels->setText(text);
}

void ExportDialog::schedulePreview()
{
    m_previewTimer->start();
}

void ExportDialog::renderPreview()
{
    FigureRequest r = settingsRequest();
    // The preview is the figure at its own size, shown scaled down.
    const double fit = std::min(1.0, std::min(m_previewLabel->width() / double(r.width),
                                              m_previewLabel->height() / double(r.height)));
    r.scale = std::max(0.2, fit * devicePixelRatioF());
    m_preview = makeExporter(r).toImage();
    QPixmap pixmap = QPixmap::fromImage(m_preview);
    pixmap.setDevicePixelRatio(devicePixelRatioF());
    m_previewLabel->setPixmap(pixmap);
}

std::optional<QString> ExportDialog::exportTo(const QString &path, bool quiet)
{
    auto error = makeExporter(request()).write(path);
    if (error && !quiet) QMessageBox::warning(this, tr("Cannot export"), *error);
    return error;
}

void ExportDialog::chooseFileAndExport()
{
    QSettings folders;
    const QString folder = folders.value(kGroup + QStringLiteral("folder")).toString();
    const QString ext = extensionOf(format());
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export Figure"),
        (folder.isEmpty() ? QString() : folder + QLatin1Char('/')) + suggestedFileName(),
        tr("%1 (*.%2)").arg(ext.toUpper(), ext));
    if (path.isEmpty()) return;
    if (!figureFormatOf(path)) path += QLatin1Char('.') + ext;
    folders.setValue(kGroup + QStringLiteral("folder"), QFileInfo(path).absolutePath());
    if (!exportTo(path)) accept();
}

void ExportDialog::copyToClipboard(FigureFormat f)
{
    FigureExporter exporter = makeExporter(request());
    copyFigureToClipboard(exporter, f);
}

void ExportDialog::readSettings()
{
    const FigureSettings f = rememberedFigureSettings(m_document->dataset());
    setFormat(f.format);
    setStyle(f.style);
    m_width->setValue(f.width);
    m_height->setValue(f.height);
    m_dpi->setValue(f.dpi);
    m_title->setChecked(f.title);
    m_legend->setChecked(f.legend);
    m_labels->setChecked(f.labels);
    m_bands->setChecked(f.bands);
    m_fits->setChecked(f.fits);
    m_citation->setChecked(f.citation);
    m_titleText->setEnabled(m_title->isChecked());
    m_citationText->setEnabled(m_citation->isChecked());
    m_dpi->setEnabled(format() == FigureFormat::Png);
}

void ExportDialog::writeSettings() const
{
    rememberFigureSettings(settings());
}

} // namespace app
