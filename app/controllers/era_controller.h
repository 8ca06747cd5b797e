// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/date.h"
#include "core/model/era.h"
#include "core/stats/breakpoint.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QColor;
class QUndoCommand;
class QWidget;

namespace app {

class Document;
class TrendModel;
class ViewState;

// Editing the eras and era schemes of the dataset: every edit is one undo command on
// the document's stack, on the scheme the ViewState shows, and every dialog an edit
// needs (colour, dates, breakpoint, scheme name). The era dock and the chart's boundary
// drag call it; it keeps the ViewState on the scheme an edit adds.
class EraController : public QObject {
    Q_OBJECT

public:
    EraController(Document *document, ViewState *view, TrendModel *trends, QWidget *window);

    // Why the last edit was refused; empty after one that worked.
    QString message() const { return m_message; }

    // Shows scheme `index` (-1 or out of range: none) with all its eras ticked.
    void showScheme(int index);

    // Edits of the current scheme. Each pushes one undo command and returns true, or
    // returns false: refused (message() says why) or nothing to change.
    bool renameEra(int era, const QString &name);
    bool recolorEra(int era, const QColor &color);
    bool setEraRange(int era, const std::optional<compute::Date> &from,
                     const std::optional<compute::Date> &to);
    // Which runs of its dates the era fits.
    bool setEraRule(int era, const compute::EraRule &rule);
    // After era `selected` (when it is not an era, after the last one), halving its
    // range; see makeAddEraCommand. The new era is then the one to select.
    bool addEra(int selected = -1);
    bool removeEra(int era);
    bool splitEra(int era, const compute::Date &at);
    // The era with a boundary dragged on the chart to a new place.
    bool moveBoundary(int era, const compute::Era &moved);
    // A boundary dragged on the chart: the eras it moved (one, or the adjacent eras that
    // share it), as one undo command.
    bool moveBoundaries(const QHash<int, compute::Era> &moved);
    // The best split of the era's fitted runs (under the current filter).
    compute::Breakpoint proposeBreakpoint(int era) const;

    bool addScheme(const QString &name = {}); // empty: "New scheme", "New scheme 2", ...
    bool renameScheme(int scheme, const QString &name);
    bool duplicateScheme(int scheme);
    bool removeScheme(int scheme);

    // The same edits behind a dialog (window-modal, open()ed over `parent`, by default
    // the window); the edit happens when the dialog is accepted.
    void recolorEraWithDialog(int era, QWidget *parent = nullptr);
    void editEraRangeWithDialog(int era, QWidget *parent = nullptr);
    // The rule editor, with the tags, domains and organizations of the runs offered and
    // what the era would fit shown as it is edited.
    void editEraRuleWithDialog(int era, QWidget *parent = nullptr);
    void splitEraWithDialog(int era, QWidget *parent = nullptr); // at the proposed breakpoint
    void addSchemeWithDialog(QWidget *parent = nullptr);
    void renameSchemeWithDialog(int scheme, QWidget *parent = nullptr);

signals:
    void messageChanged(const QString &message);
    // After an edit that adds, removes or splits eras: the era to select.
    void selectEraRequested(int era);

private:
    bool hasScheme() const;
    bool isEra(int era) const;
    bool isScheme(int scheme) const;
    std::size_t currentScheme() const;
    int eraCount() const;
    bool push(std::unique_ptr<QUndoCommand> command);
    bool refuse(const QString &why);
    void setMessage(const QString &text);
    QWidget *parentFor(QWidget *parent) const { return parent ? parent : m_window; }

    Document *m_document;
    ViewState *m_view;
    TrendModel *m_trends;
    QWidget *m_window;
    QString m_message;
};

} // namespace app
