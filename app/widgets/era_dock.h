// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/date.h"
#include "core/stats/breakpoint.h"

#include <QDockWidget>

#include <memory>
#include <optional>
#include <string>
#include <vector>

class QAction;
class QComboBox;
class QLabel;
class QTreeView;
class QUndoCommand;

namespace app {

class Document;
class EraListModel;
class TrendModel;
class ViewState;

// The era schemes of the dataset and the eras of the current one: tick an era to show
// its fit, see its range and doubling time, and edit eras and schemes. Every edit is one
// undo command on the document's stack; the dock keeps the ViewState's scheme index and
// ticked eras valid when schemes or eras are added, removed or restored by undo.
class EraDock : public QDockWidget {
    Q_OBJECT

public:
    EraDock(Document *document, ViewState *view, TrendModel *trends, QWidget *parent = nullptr);

    QTreeView *eraView() const { return m_list; }
    EraListModel *eraModel() const { return m_model; }
    QComboBox *schemeBox() const { return m_schemeBox; }
    // For the main window's menus: add, rename, recolour, dates, delete, detect breakpoint;
    // and add, rename, duplicate, delete scheme. Their shortcuts work inside the dock.
    QList<QAction *> eraActions() const;
    QList<QAction *> schemeActions() const;
    QAction *detectBreakpointAction() const { return m_detect; }

    // The selected era of the current scheme; -1 when none.
    int currentEra() const;
    void setCurrentEra(int era);
    // Why the last edit was refused (also shown in the dock); empty after one that worked.
    QString message() const { return m_lastMessage; }

    // Shows scheme `index` (-1: none) with all its eras ticked.
    void selectScheme(int index);
    // The scheme to show when a dataset is opened, if it has one of that name (the last
    // one used, from the settings); otherwise its first.
    void setPreferredScheme(const QString &name) { m_preferredScheme = name; }

    // Edits of the current scheme. Each pushes one undo command and returns true, or
    // returns false: refused (message() says why) or nothing to change.
    bool renameEra(int era, const QString &name);
    bool recolorEra(int era, const QColor &color);
    bool setEraRange(int era, const std::optional<compute::Date> &from,
                     const std::optional<compute::Date> &to);
    // After the selected era (or the last one), halving its range; see makeAddEraCommand.
    bool addEra();
    bool removeEra(int era);
    bool splitEra(int era, const compute::Date &at);
    // The best split of the era's fitted runs (under the current filter).
    compute::Breakpoint proposeBreakpoint(int era) const;

    bool addScheme(const QString &name = {}); // empty: "New scheme", "New scheme 2", ...
    bool renameScheme(int scheme, const QString &name);
    bool duplicateScheme(int scheme);
    bool removeScheme(int scheme);

signals:
    void currentEraChanged(int era);

private:
    void createActions();
    void createLayout();
    // The dialogs behind the actions (window-modal, open()ed).
    void renameCurrentEra();
    void recolorCurrentEra();
    void editCurrentEraRange();
    void detectBreakpoint();
    void askNewScheme();
    void renameCurrentScheme();
    void showContextMenu(const QPoint &pos);

    void onDatasetReset();
    void onSchemesChanged();
    void onEraChanged(std::size_t scheme, std::size_t era);
    void onSchemeChanged(int index);
    void fillSchemeBox(int current);
    void setSchemeBoxIndex(int index);
    void remember();
    void updateActions();

    bool hasScheme() const;
    bool isEra(int era) const;
    bool push(std::unique_ptr<QUndoCommand> command);
    bool refuse(const QString &why);
    void showMessage(const QString &text);

    Document *m_document;
    ViewState *m_view;
    TrendModel *m_trends;
    EraListModel *m_model;
    QComboBox *m_schemeBox = nullptr;
    QTreeView *m_list = nullptr;
    QLabel *m_messageLabel = nullptr;
    QString m_lastMessage;

    QAction *m_addEra = nullptr;
    QAction *m_renameEra = nullptr;
    QAction *m_recolorEra = nullptr;
    QAction *m_editDates = nullptr;
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
};

} // namespace app
