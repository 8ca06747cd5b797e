#include "app/document/trend_model.h"

#include "app/document/document.h"
#include "app/document/view_state.h"

namespace app {

TrendModel::TrendModel(Document *document, ViewState *view, QObject *parent)
    : QObject(parent), m_document(document), m_view(view)
{
    connect(document, &Document::datasetReset, this, &TrendModel::rebuild);
    connect(document, &Document::runsReset, this, &TrendModel::rebuild);
    connect(document, &Document::runInserted, this, [this](std::size_t i) {
        m_cache.insertRun(m_document->dataset(), m_view->filter(), i);
        invalidateFits();
    });
    connect(document, &Document::runRemoved, this, [this](std::size_t i) {
        m_cache.removeRun(i);
        invalidateFits();
    });
    connect(document, &Document::runChanged, this, [this](std::size_t i) {
        m_cache.updateRun(m_document->dataset(), m_view->filter(), i);
        invalidateFits();
    });
    connect(document, &Document::eraSchemesChanged, this, &TrendModel::invalidateFits);
    connect(document, &Document::eraChanged, this, &TrendModel::invalidateFits);
    // Hidden tags live in the metadata and change what the filter accepts.
    connect(document, &Document::metadataChanged, this, &TrendModel::rebuild);
    connect(view, &ViewState::filterChanged, this, &TrendModel::rebuild);
    connect(view, &ViewState::schemeChanged, this, [this] {
        clearPreview();
        invalidateFits();
    });
    connect(view, &ViewState::tickedErasChanged, this, &TrendModel::invalidateFits);
    rebuild();
}

void TrendModel::rebuild()
{
    m_cache.rebuild(m_document->dataset(), m_view->filter());
    invalidateFits();
}

void TrendModel::invalidateFits()
{
    m_fitsValid = false;
    emit changed();
}

std::vector<compute::Era> TrendModel::eras() const
{
    const auto &schemes = m_document->dataset().eraSchemes;
    const int s = m_view->schemeIndex();
    if (s < 0 || s >= static_cast<int>(schemes.size())) return {};
    std::vector<compute::Era> eras = schemes[static_cast<std::size_t>(s)].eras;
    if (m_previewIndex >= 0 && m_previewIndex < static_cast<int>(eras.size()))
        eras[static_cast<std::size_t>(m_previewIndex)] = m_preview;
    return eras;
}

std::optional<compute::Era> TrendModel::era(int index) const
{
    const auto all = eras();
    if (index < 0 || index >= static_cast<int>(all.size())) return std::nullopt;
    return all[static_cast<std::size_t>(index)];
}

compute::TrendFit TrendModel::fit(int eraIndex) const
{
    const auto e = era(eraIndex);
    return e ? m_cache.fit(*e) : compute::TrendFit{};
}

const QHash<int, compute::TrendFit> &TrendModel::tickedFits() const
{
    if (!m_fitsValid) {
        m_fits.clear();
        m_ranges.clear();
        const auto all = eras();
        std::vector<int> ticked;
        std::vector<compute::Era> tickedEras;
        for (int i : m_view->tickedEras()) {
            if (i < 0 || i >= static_cast<int>(all.size())) continue;
            ticked.push_back(i);
            tickedEras.push_back(all[static_cast<std::size_t>(i)]);
        }
        const auto fits = m_cache.rangedFits(tickedEras);
        for (std::size_t k = 0; k < ticked.size(); ++k) {
            m_fits.insert(ticked[k], fits[k].fit);
            if (fits[k].xRange) m_ranges.insert(ticked[k], *fits[k].xRange);
        }
        m_fitsValid = true;
    }
    return m_fits;
}

std::optional<std::pair<double, double>> TrendModel::tickedRange(int eraIndex) const
{
    tickedFits();
    const auto it = m_ranges.constFind(eraIndex);
    if (it == m_ranges.constEnd()) return std::nullopt;
    return *it;
}

void TrendModel::setPreview(int eraIndex, const compute::Era &era)
{
    m_previewIndex = eraIndex;
    m_preview = era;
    invalidateFits();
}

void TrendModel::clearPreview()
{
    if (m_previewIndex < 0) return;
    m_previewIndex = -1;
    invalidateFits();
}

} // namespace app
