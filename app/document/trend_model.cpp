// SPDX-License-Identifier: GPL-3.0-or-later
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
    connect(view, &ViewState::axesChanged, this, &TrendModel::rebuild);
    connect(view, &ViewState::schemeChanged, this, [this] {
        clearPreview();
        invalidateFits();
    });
    connect(view, &ViewState::tickedErasChanged, this, &TrendModel::invalidateFits);
    rebuild();
}

void TrendModel::rebuild()
{
    m_cache.rebuild(m_document->dataset(), m_view->filter(), m_view->axes());
    invalidateFits();
}

void TrendModel::invalidateFits()
{
    m_fitsValid = false;
    m_members.clear();
    emit changed();
}

std::vector<compute::Era> TrendModel::eras() const
{
    const auto &schemes = m_document->dataset().eraSchemes;
    const int s = m_view->schemeIndex();
    if (s < 0 || s >= static_cast<int>(schemes.size())) return {};
    std::vector<compute::Era> eras = schemes[static_cast<std::size_t>(s)].eras;
    for (auto it = m_previews.cbegin(); it != m_previews.cend(); ++it)
        if (it.key() >= 0 && it.key() < static_cast<int>(eras.size()))
            eras[static_cast<std::size_t>(it.key())] = it.value();
    return eras;
}

std::optional<compute::Era> TrendModel::era(int index) const
{
    const auto all = eras();
    if (index < 0 || index >= static_cast<int>(all.size())) return std::nullopt;
    return all[static_cast<std::size_t>(index)];
}

const std::vector<compute::FitCache::RangedFit> &TrendModel::eraFits() const
{
    if (!m_fitsValid) {
        m_eraFits = m_cache.rangedFits(eras());
        m_fits.clear();
        for (int i : m_view->tickedEras())
            if (i >= 0 && i < static_cast<int>(m_eraFits.size()))
                m_fits.insert(i, m_eraFits[static_cast<std::size_t>(i)].fit);
        m_fitsValid = true;
    }
    return m_eraFits;
}

compute::TrendFit TrendModel::fit(int eraIndex) const
{
    const auto &fits = eraFits();
    if (eraIndex < 0 || eraIndex >= static_cast<int>(fits.size())) return compute::TrendFit{};
    return fits[static_cast<std::size_t>(eraIndex)].fit;
}

const QHash<int, compute::TrendFit> &TrendModel::tickedFits() const
{
    eraFits();
    return m_fits;
}

std::optional<std::pair<double, double>> TrendModel::tickedRange(int eraIndex) const
{
    const auto &fits = eraFits();
    if (!m_fits.contains(eraIndex)) return std::nullopt;
    return fits[static_cast<std::size_t>(eraIndex)].xRange;
}

const std::vector<bool> &TrendModel::members(int eraIndex) const
{
    auto it = m_members.find(eraIndex);
    if (it == m_members.end()) {
        const std::optional<compute::Era> e = era(eraIndex);
        it = m_members.insert(eraIndex, e ? m_cache.members(*e) : std::vector<bool>{});
    }
    return it.value();
}

QList<int> TrendModel::erasOfRun(std::size_t run) const
{
    QList<int> found;
    const int count = static_cast<int>(eras().size());
    for (int e = 0; e < count; ++e) {
        const std::vector<bool> &in = members(e);
        if (run < in.size() && in[run]) found.append(e);
    }
    return found;
}

void TrendModel::setPreview(int eraIndex, const compute::Era &era)
{
    setPreviews({{eraIndex, era}});
}

void TrendModel::setPreviews(const QHash<int, compute::Era> &eras)
{
    m_previews = eras;
    invalidateFits();
}

void TrendModel::clearPreview()
{
    if (m_previews.isEmpty()) return;
    m_previews.clear();
    invalidateFits();
}

} // namespace app
