// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

#include <string>
#include <vector>

class QAction;
class QComboBox;
class QLabel;
class QTreeView;

namespace app {

class Document;
class EraController;
class EraListModel;
class TrendModel;
class ViewState;

// The era schemes of the dataset and the eras of the current one: tick an era to show
// its fit, see its range and doubling time, and edit eras and schemes through the
// EraController (which shows why an edit was refused here). The dock keeps the
// ViewState's scheme index and ticked eras valid when schemes or eras are added, removed
// or restored by undo.
class EraDock : public QDockWidget {
    Q_OBJECT

public:
    EraDock(Document *document, ViewState *view, TrendModel *trends, EraController *eras,
            QWidget *parent = nullptr);

    QTreeView *eraView() const { return m_list; }
    QComboBox *schemeBox() const { return m_schemeBox; }
    // For the main window's menus: add, rename, recolour, dates, runs (the membership rule),
    // delete, detect breakpoint;
    // and add, rename, duplicate, delete scheme. Their shortcuts work inside the dock.
    QList<QAction *> eraActions() const;
    QList<QAction *> schemeActions() const;
    QAction *detectBreakpointAction() const { return m_detect; }
    QAction *editRuleAction() const { return m_editRule; }

    // Detect Breakpoint: on the selected era; with none selected, on the era of the
    // selected run; otherwise it says what to select.
    void detectBreakpoint();
    QLabel *descriptionLabel() const { return m_description; }
    QLabel *messageLabel() const { return m_messageLabel; }
    // What the chart's marks are called while they show the selected era's runs; empty
    // when the dock marks nothing.
    QString markLabel() const { return m_markLabel; }

    // The selected era of the current scheme; -1 when none.
    int currentEra() const;
    void setCurrentEra(int era);

    // Shows scheme `index` (-1: none) with all its eras ticked.
    void selectScheme(int index);
    // The scheme to show when a dataset is opened, if it has one of that name (the last
    // one used, from the settings); otherwise its first.
    void setPreferredScheme(const QString &name) { m_preferredScheme = name; }

signals:
    void currentEraChanged(int era);

private:
    void createActions();
    void createLayout();
    void renameCurrentEra(); // inline, in the list
    void showContextMenu(const QPoint &pos);

    void onDatasetReset();
    void onSchemesChanged();
    void onEraChanged(std::size_t scheme, std::size_t era);
    void onSchemeChanged(int index);
    void fillSchemeBox(int current);
    void setSchemeBoxIndex(int index);
    void remember();
    void updateActions();
    void updateDescription();
    // Marks on the chart the runs of the selected era when its rule narrows them (a
    // tag, a Z-score band...); clears the marks it set otherwise.
    void markMembers();

    bool hasScheme() const;
    bool isEra(int era) const;
    void showMessage(const QString &text);

    Document *m_document;
    ViewState *m_view;
    EraController *m_eras;
    TrendModel *m_trends;
    EraListModel *m_model;
    QComboBox *m_schemeBox = nullptr;
    QTreeView *m_list = nullptr;
    QLabel *m_messageLabel = nullptr;
    QLabel *m_description = nullptr;

    QAction *m_addEra = nullptr;
    QAction *m_renameEra = nullptr;
    QAction *m_recolorEra = nullptr;
    QAction *m_editDates = nullptr;
    QAction *m_editRule = nullptr;
    QAction *m_removeEra = nullptr;
    QAction *m_detect = nullptr;
    QAction *m_addScheme = nullptr;
    QAction *m_renameScheme = nullptr;
    QAction *m_duplicateScheme = nullptr;
    QAction *m_removeScheme = nullptr;

    // The scheme shown and its era names as last seen, to follow them across structural
    // edits (which replace the whole list of schemes).
    std::string m_schemeName;
    std::vector<std::string> m_eraNames;
    int m_restoreRow = -1;
    QString m_preferredScheme;
    QString m_markLabel; // the chart's marks while they are this dock's
};

} // namespace app
