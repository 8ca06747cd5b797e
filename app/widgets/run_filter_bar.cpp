// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/widgets/run_filter_bar.h"

#include "app/document/document.h"
#include "app/document/view_state.h"
#include "app/format/category_format.h"
#include "app/inputs/date_edit.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <optional>
#include <set>
#include <unordered_map>

namespace app {
namespace {

QDateEdit *makeFilterDateEdit(QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setCalendarPopup(true);
    // The whole range core dates cover; the OpenAI addendum starts in 1959.
    edit->setDateRange(QDate(1, 1, 1), QDate(9999, 12, 31));
    edit->setEnabled(false);
    typeOverWholeDate(edit);
    return edit;
}

} // namespace

RunFilterBar::RunFilterBar(Document *document, ViewState *view, QWidget *parent)
    : QWidget(parent), m_document(document), m_view(view), m_search(new QLineEdit(this)),
      m_domainButton(new QToolButton(this)), m_domainMenu(new QMenu(this)),
      m_categoryButton(new QToolButton(this)), m_categoryMenu(new QMenu(this)),
      m_dateRange(new QCheckBox(tr("&Dates from"), this)), m_from(makeFilterDateEdit(this)),
      m_to(makeFilterDateEdit(this)), m_clear(new QPushButton(tr("C&lear Filters"), this)),
      m_outside(new QLabel(this)), m_runsTimer(new QTimer(this))
{
    m_search->setPlaceholderText(tr("Search name or organization"));
    m_search->setClearButtonEnabled(true);
    m_domainButton->setMenu(m_domainMenu);
    m_domainButton->setPopupMode(QToolButton::InstantPopup);
    m_domainButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_domainButton->setToolTip(tr("Show only runs of these domains"));
    m_categoryButton->setObjectName(QStringLiteral("categoryFilterButton"));
    m_categoryButton->setMenu(m_categoryMenu);
    m_categoryButton->setPopupMode(QToolButton::InstantPopup);
    m_categoryButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_dateRange->setToolTip(tr("Show only runs published on or after the first date and "
                               "before the second"));
    m_to->setToolTip(tr("First day not included"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_domainButton);
    top->addWidget(m_categoryButton);
    top->addWidget(m_clear);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_dateRange);
    bottom->addWidget(m_from);
    bottom->addWidget(new QLabel(tr("until"), this));
    bottom->addWidget(m_to);
    bottom->addWidget(m_outside);
    bottom->addStretch(1);
    m_outside->setObjectName(QStringLiteral("datesOutside"));
    m_outside->setToolTip(tr("Dated runs the date range hides: they are not in the table, "
                             "on the chart or in the fits"));
    m_outside->setVisible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(bottom);

    connect(m_search, &QLineEdit::textChanged, this, &RunFilterBar::writeSearch);
    connect(m_domainMenu, &QMenu::aboutToShow, this, &RunFilterBar::rebuildDomainMenu);
    connect(m_categoryMenu, &QMenu::aboutToShow, this, &RunFilterBar::rebuildCategoryMenu);
    connect(m_dateRange, &QCheckBox::toggled, this, &RunFilterBar::enableDates);
    connect(m_from, &QDateEdit::dateChanged, this, &RunFilterBar::writeDates);
    connect(m_to, &QDateEdit::dateChanged, this, &RunFilterBar::writeDates);
    connect(m_clear, &QPushButton::clicked, this, &RunFilterBar::clearFilters);
    connect(view, &ViewState::filterChanged, this, &RunFilterBar::updateFromFilter);
    connect(document, &Document::datasetReset, this, [this] { offerDatasetSpan(); });
    // The offered range follows the data (a run added after its end would silently drop
    // out when the range is ticked); a ticked range stays, and what it hides is counted.
    // Coalesced: a bulk edit sends one signal per run.
    m_runsTimer->setSingleShot(true);
    m_runsTimer->setInterval(0);
    connect(m_runsTimer, &QTimer::timeout, this, &RunFilterBar::runsChanged);
    for (auto signal : {&Document::runInserted, &Document::runRemoved, &Document::runChanged})
        connect(document, signal, m_runsTimer, qOverload<>(&QTimer::start));
    connect(document, &Document::runsReset, m_runsTimer, qOverload<>(&QTimer::start));
    connect(document, &Document::datasetReset, this, &RunFilterBar::updateOutside);
    offerDatasetSpan();
    updateFromFilter();
}

void RunFilterBar::offerDatasetSpan(bool evenIfTicked)
{
    // What the range shows when it is next switched on: the dataset's dated runs.
    if (m_dateRange->isChecked() && !evenIfTicked) return;
    std::optional<compute::Date> first, last;
    for (const compute::TrainingRun &run : m_document->dataset().runs) {
        if (!run.date) continue;
        if (!first || *run.date < *first) first = run.date;
        if (!last || *last < *run.date) last = run.date;
    }
    if (!first) return;
    const QSignalBlocker blockFrom(m_from), blockTo(m_to);
    m_from->setDate(toQDate(*first));
    m_to->setDate(toQDate(*last).addDays(1));
}

void RunFilterBar::runsChanged()
{
    m_runsTimer->stop();
    offerDatasetSpan();
    updateOutside();
}

void RunFilterBar::updateOutside()
{
    const compute::RunFilter &filter = m_view->filter();
    int outside = 0;
    if (filter.from || filter.to)
        for (const compute::TrainingRun &run : m_document->dataset().runs)
            if (run.date && ((filter.from && *run.date < *filter.from) ||
                             (filter.to && !(*run.date < *filter.to))))
                ++outside;
    m_outside->setText(outside == 0   ? QString()
                       : outside == 1 ? tr("1 run outside")
                                      : tr("%1 runs outside").arg(outside));
    m_outside->setVisible(outside > 0);
}

QStringList RunFilterBar::availableDomains() const
{
    std::set<std::string> unique;
    for (const compute::TrainingRun &run : m_document->dataset().runs)
        unique.insert(run.domain);
    QStringList domains;
    for (const std::string &domain : unique)
        domains.append(QString::fromStdString(domain));
    std::sort(domains.begin(), domains.end(), [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    return domains;
}

void RunFilterBar::setDomainChecked(const QString &domain, bool checked)
{
    setValueChecked(compute::RunCategory::Domain, domain, checked);
}

namespace {

// The values the runs have of a category with how many have each, most first, runs
// without any last.
std::vector<std::pair<std::string, int>> valueCounts(const compute::Dataset &dataset,
                                                     compute::RunCategory category)
{
    std::unordered_map<std::string, int> counts;
    for (const compute::TrainingRun &run : dataset.runs)
        compute::forEachCategoryValue(
            run, category, [&](std::string_view value) { ++counts[std::string(value)]; });
    std::vector<std::pair<std::string, int>> byCount(counts.begin(), counts.end());
    std::sort(byCount.begin(), byCount.end(), [](const auto &a, const auto &b) {
        if (a.first.empty() != b.first.empty()) return b.first.empty();
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    return byCount;
}

} // namespace

QStringList RunFilterBar::availableValues(compute::RunCategory category) const
{
    QStringList values;
    for (const auto &[value, count] : valueCounts(m_document->dataset(), category))
        values << QString::fromStdString(value);
    return values;
}

void RunFilterBar::setValueChecked(compute::RunCategory category, const QString &value,
                                   bool checked)
{
    compute::RunFilter filter = m_view->filter();
    std::vector<std::string> values = filter.values(category);
    const std::string key = value.toStdString();
    const auto it = std::find(values.begin(), values.end(), key);
    if (checked == (it != values.end())) return;
    if (checked)
        values.push_back(key);
    else
        values.erase(it);
    filter.setValues(category, std::move(values));
    m_view->setFilter(filter);
}

void RunFilterBar::rebuildCategoryMenu()
{
    // Built when opened, as the domain menu: one submenu per category, its values by
    // how many runs have each, with that count.
    m_categoryMenu->clear();
    const compute::RunFilter &filter = m_view->filter();
    for (compute::RunCategory category : compute::kRunCategories) {
        if (category == compute::RunCategory::Domain) continue;
        const std::vector<std::string> &chosen = filter.values(category);
        const QString title = categoryTitleText(category);
        QMenu *menu = m_categoryMenu->addMenu(
            chosen.empty() ? title : tr("%1 (%2)").arg(title).arg(chosen.size()));
        menu->setObjectName(fromView(compute::categoryKey(category)));
        QAction *all = menu->addAction(tr("All"));
        all->setCheckable(true);
        all->setChecked(chosen.empty());
        connect(all, &QAction::triggered, this, [this, category] {
            compute::RunFilter f = m_view->filter();
            f.setValues(category, {});
            m_view->setFilter(f);
        });
        menu->addSeparator();
        std::vector<std::pair<std::string, int>> values =
            valueCounts(m_document->dataset(), category);
        for (const std::string &value : chosen) // keep chosen values no run has any more
            if (std::none_of(values.begin(), values.end(),
                             [&](const auto &v) { return v.first == value; }))
                values.emplace_back(value, 0);
        for (const auto &[key, count] : values) {
            const QString value = QString::fromStdString(key);
            QString text = categoryValueText(key);
            text.replace(QLatin1Char('&'), QStringLiteral("&&"));
            QAction *action = menu->addAction(tr("%1  (%2)").arg(text).arg(count));
            action->setCheckable(true);
            action->setData(value);
            action->setChecked(std::find(chosen.begin(), chosen.end(), key) != chosen.end());
            connect(action, &QAction::toggled, this,
                    [this, category, value](bool on) { setValueChecked(category, value, on); });
        }
    }
}

void RunFilterBar::clearFilters()
{
    compute::RunFilter filter;
    filter.includeHidden = m_view->filter().includeHidden;
    m_view->setFilter(filter);
}

void RunFilterBar::rebuildDomainMenu()
{
    // Built when opened, so bulk edits of runs cost nothing here.
    m_domainMenu->clear();
    const std::vector<std::string> &chosen = m_view->filter().domains;
    QAction *all = m_domainMenu->addAction(tr("All Domains"));
    all->setCheckable(true);
    all->setChecked(chosen.empty());
    connect(all, &QAction::triggered, this, [this] {
        compute::RunFilter filter = m_view->filter();
        filter.domains.clear();
        m_view->setFilter(filter);
    });
    m_domainMenu->addSeparator();
    QStringList domains = availableDomains();
    for (const std::string &domain : chosen) // keep chosen domains no run has any more
        if (!domains.contains(QString::fromStdString(domain)))
            domains.append(QString::fromStdString(domain));
    for (const QString &domain : domains) {
        QString text = domain.isEmpty() ? tr("(no domain)") : domain;
        QAction *action =
            m_domainMenu->addAction(text.replace(QLatin1Char('&'), QStringLiteral("&&")));
        action->setCheckable(true);
        action->setChecked(std::find(chosen.begin(), chosen.end(), domain.toStdString()) !=
                           chosen.end());
        connect(action, &QAction::toggled, this,
                [this, domain](bool on) { setDomainChecked(domain, on); });
    }
}

void RunFilterBar::writeSearch(const QString &text)
{
    if (m_updating) return;
    compute::RunFilter filter = m_view->filter();
    filter.searchText = text.toStdString();
    m_view->setFilter(filter);
}

void RunFilterBar::enableDates(bool on)
{
    if (m_updating) return;
    if (on && m_runsTimer->isActive()) { // the range offered spans the runs of now
        m_runsTimer->stop();
        offerDatasetSpan(true);
    }
    compute::RunFilter filter = m_view->filter();
    filter.from = on ? std::optional(fromQDate(m_from->date())) : std::nullopt;
    filter.to = on ? std::optional(fromQDate(m_to->date())) : std::nullopt;
    m_view->setFilter(filter);
}

void RunFilterBar::writeDates()
{
    if (m_updating || !m_dateRange->isChecked()) return;
    compute::RunFilter filter = m_view->filter();
    // Only the edit that changed: a filter with one open end keeps it open.
    if (sender() == m_from)
        filter.from = fromQDate(m_from->date());
    else
        filter.to = fromQDate(m_to->date());
    m_view->setFilter(filter);
}

void RunFilterBar::updateFromFilter()
{
    m_updating = true;
    const compute::RunFilter &filter = m_view->filter();
    const QString text = QString::fromStdString(filter.searchText);
    if (m_search->text() != text) m_search->setText(text);

    const auto &domains = filter.domains;
    if (domains.empty())
        m_domainButton->setText(tr("All Domains"));
    else if (domains.size() == 1)
        m_domainButton->setText(domains.front().empty()
                                    ? tr("(no domain)")
                                    : QString::fromStdString(domains.front())
                                          .replace(QLatin1Char('&'), QStringLiteral("&&")));
    else
        m_domainButton->setText(tr("%n Domains", nullptr, static_cast<int>(domains.size())));

    QStringList narrowed;
    for (const compute::RunFilter::Choice &choice : filter.categories) {
        QStringList values;
        for (const std::string &value : choice.values)
            values << categoryValueText(value);
        narrowed << tr("%1: %2").arg(categoryTitleText(choice.category),
                                     values.join(QStringLiteral(", ")));
    }
    m_categoryButton->setText(
        narrowed.isEmpty() ? tr("All Categories")
                           : tr("%n Categories", nullptr, static_cast<int>(narrowed.size())));
    m_categoryButton->setToolTip(
        narrowed.isEmpty()
            ? tr("Show only runs of some organization categories, countries, accessibility, "
                 "confidence, estimation methods or frontier status")
            : tr("Showing only runs with\n%1").arg(narrowed.join(QLatin1Char('\n'))));

    const bool dates = filter.from || filter.to;
    m_dateRange->setChecked(dates);
    m_from->setEnabled(dates);
    m_to->setEnabled(dates);
    if (filter.from) m_from->setDate(toQDate(*filter.from));
    if (filter.to) m_to->setDate(toQDate(*filter.to));
    m_clear->setEnabled(filter.narrows());
    m_updating = false;
    updateOutside();
}

} // namespace app
