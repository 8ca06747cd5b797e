// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/run_category.h"

#include <QStringList>
#include <QWidget>

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTimer;
class QToolButton;

namespace app {

class Document;
class ViewState;

// Search text, domains, the values of the other categories (organization category,
// country, accessibility, confidence, estimation method, frontier) and a date range over
// the runs. Every control writes
// ViewState::setFilter (keeping the filter's other fields, includeHidden among them)
// and follows the filter when someone else changes it.
class RunFilterBar : public QWidget {
    Q_OBJECT

public:
    RunFilterBar(Document *document, ViewState *view, QWidget *parent = nullptr);

    QLineEdit *searchEdit() const { return m_search; }
    QToolButton *domainButton() const { return m_domainButton; }
    // "Categories": a submenu per category other than the domain, values multi-select.
    QToolButton *categoryButton() const { return m_categoryButton; }
    QCheckBox *dateRangeBox() const { return m_dateRange; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QPushButton *clearButton() const { return m_clear; }
    // "3 runs outside": dated runs the ticked range hides (empty when none or unticked).
    QLabel *outsideLabel() const { return m_outside; }

    // The domains of the dataset's runs, sorted; "" stands for runs without a domain.
    QStringList availableDomains() const;
    // What a domain's menu entry does: adds it to or removes it from the filter.
    void setDomainChecked(const QString &domain, bool checked);
    // The values the dataset's runs have of a category, by how many runs have each (most
    // first); "" stands for runs without any.
    QStringList availableValues(compute::RunCategory category) const;
    // What a value's menu entry does: adds it to or removes it from the filter.
    void setValueChecked(compute::RunCategory category, const QString &value, bool checked);

public slots:
    // Keeps includeHidden, drops everything else.
    void clearFilters();

private:
    void updateFromFilter();
    void rebuildDomainMenu();
    void rebuildCategoryMenu();
    void offerDatasetSpan(bool evenIfTicked = false);
    void writeSearch(const QString &text);
    void writeDates();
    void enableDates(bool on);
    void runsChanged();
    void updateOutside();

    Document *m_document;
    ViewState *m_view;
    QLineEdit *m_search;
    QToolButton *m_domainButton;
    QMenu *m_domainMenu;
    QToolButton *m_categoryButton;
    QMenu *m_categoryMenu;
    QCheckBox *m_dateRange;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QPushButton *m_clear;
    QLabel *m_outside;
    QTimer *m_runsTimer;
    bool m_updating = false; // writing the filter into the widgets: no echo back
};

} // namespace app
