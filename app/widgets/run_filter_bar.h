// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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

// Search text, domains and a date range over the runs. Every control writes
// ViewState::setFilter (keeping the filter's other fields, includeHidden among them)
// and follows the filter when someone else changes it.
class RunFilterBar : public QWidget {
    Q_OBJECT

public:
    RunFilterBar(Document *document, ViewState *view, QWidget *parent = nullptr);

    QLineEdit *searchEdit() const { return m_search; }
    QToolButton *domainButton() const { return m_domainButton; }
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

public slots:
    // Keeps includeHidden, drops everything else.
    void clearFilters();

private:
    void updateFromFilter();
    void rebuildDomainMenu();
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
    QCheckBox *m_dateRange;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QPushButton *m_clear;
    QLabel *m_outside;
    QTimer *m_runsTimer;
    bool m_updating = false; // writing the filter into the widgets: no echo back
};

} // namespace app
