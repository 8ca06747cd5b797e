// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/controllers/era_controller.h"

#include "app/commands/dataset_commands.h"
#include "app/commands/era_commands.h"
#include "app/dialogs/breakpoint_dialog.h"
#include "app/dialogs/era_range_dialog.h"
#include "app/dialogs/era_rule_dialog.h"
#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/format/category_format.h"

#include <QColorDialog>
#include <QInputDialog>
#include <QSet>
#include <QUndoStack>

#include <algorithm>

namespace app {
namespace {

// Window-modal, and gone once closed.
void openOwned(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace

EraController::EraController(Document *document, ViewState *view, TrendModel *trends,
                             QWidget *window)
    : QObject(window), m_document(document), m_view(view), m_trends(trends), m_window(window)
{
    // A refusal is about the dataset it was made on.
    connect(document, &Document::datasetReset, this, [this] { setMessage({}); });
}

bool EraController::hasScheme() const
{
    return isScheme(m_view->schemeIndex());
}

bool EraController::isScheme(int scheme) const
{
    return scheme >= 0 && scheme < static_cast<int>(m_document->dataset().eraSchemes.size());
}

std::size_t EraController::currentScheme() const
{
    return static_cast<std::size_t>(m_view->schemeIndex());
}

int EraController::eraCount() const
{
    return hasScheme()
               ? static_cast<int>(m_document->dataset().eraSchemes[currentScheme()].eras.size())
               : 0;
}

bool EraController::isEra(int era) const
{
    return era >= 0 && era < eraCount();
}

bool EraController::push(std::unique_ptr<QUndoCommand> command)
{
    if (!command) return false;
    setMessage({});
    m_document->undoStack()->push(command.release());
    return true;
}

bool EraController::refuse(const QString &why)
{
    setMessage(why);
    return false;
}

void EraController::setMessage(const QString &text)
{
    m_message = text;
    emit messageChanged(text);
}

void EraController::showScheme(int index)
{
    const auto &schemes = m_document->dataset().eraSchemes;
    if (!isScheme(index)) index = -1;
    m_view->setSchemeIndex(index);
    QSet<int> all;
    if (index >= 0)
        for (int i = 0; i < static_cast<int>(schemes[static_cast<std::size_t>(index)].eras.size());
             ++i)
            all.insert(i);
    m_view->setTickedEras(all);
}

// ---- Eras ----------------------------------------------------------------------------

bool EraController::renameEra(int era, const QString &name)
{
    if (!isEra(era)) return false;
    if (const QString why = eraNameProblem(name); !why.isEmpty()) return refuse(why);
    return push(
        makeRenameEraCommand(m_document, currentScheme(), static_cast<std::size_t>(era), name));
}

bool EraController::recolorEra(int era, const QColor &color)
{
    if (!isEra(era) || !color.isValid()) return false;
    return push(
        makeRecolorEraCommand(m_document, currentScheme(), static_cast<std::size_t>(era), color));
}

bool EraController::setEraRange(int era, const std::optional<compute::Date> &from,
                                const std::optional<compute::Date> &to)
{
    if (!isEra(era)) return false;
    if (const QString why = eraRangeProblem(from, to); !why.isEmpty()) return refuse(why);
    return push(makeSetEraRangeCommand(m_document, currentScheme(), static_cast<std::size_t>(era),
                                       from, to));
}

bool EraController::setEraRule(int era, const compute::EraRule &rule)
{
    if (!isEra(era)) return false;
    if (const QString why = eraRuleProblem(rule); !why.isEmpty()) return refuse(why);
    return push(
        makeSetEraRuleCommand(m_document, currentScheme(), static_cast<std::size_t>(era), rule));
}

bool EraController::addEra(int selected)
{
    if (!hasScheme()) return refuse(tr("Add or choose an era scheme first."));
    const int count = eraCount();
    std::optional<std::size_t> after;
    if (isEra(selected))
        after = static_cast<std::size_t>(selected);
    else if (count > 0)
        after = static_cast<std::size_t>(count - 1);
    if (!push(makeAddEraCommand(m_document, currentScheme(), after))) return false;
    emit selectEraRequested(after ? static_cast<int>(*after) + 1 : 0);
    return true;
}

bool EraController::removeEra(int era)
{
    if (!isEra(era)) return false;
    if (!push(makeRemoveEraCommand(m_document, currentScheme(), static_cast<std::size_t>(era))))
        return false;
    emit selectEraRequested(std::min(era, eraCount() - 1));
    return true;
}

bool EraController::splitEra(int era, const compute::Date &at)
{
    if (!isEra(era)) return false;
    auto command =
        makeSplitEraCommand(m_document, currentScheme(), static_cast<std::size_t>(era), at);
    if (!command)
        return refuse(tr("%1 is not inside the era, so it cannot split it.")
                          .arg(QString::fromStdString(at.toIso())));
    push(std::move(command));
    emit selectEraRequested(era);
    return true;
}

bool EraController::moveBoundary(int era, const compute::Era &moved)
{
    if (!isEra(era)) return false;
    auto command =
        makeEditEraCommand(m_document, currentScheme(), static_cast<std::size_t>(era), moved,
                           tr("Move boundary of %1").arg(QString::fromStdString(moved.name)));
    if (!command) return false;
    // A drag is not an answer to a refused edit: the dock's message stays.
    m_document->undoStack()->push(command.release());
    return true;
}

bool EraController::moveBoundaries(const QHash<int, compute::Era> &moved)
{
    if (moved.size() == 1) return moveBoundary(moved.cbegin().key(), moved.cbegin().value());
    std::vector<std::unique_ptr<QUndoCommand>> commands;
    QStringList names;
    QList<int> eras = moved.keys();
    std::sort(eras.begin(), eras.end());
    for (int era : eras) {
        if (!isEra(era)) return false;
        const compute::Era &value = moved.value(era);
        auto command = makeEditEraCommand(m_document, currentScheme(),
                                          static_cast<std::size_t>(era), value, QString());
        if (!command) continue;
        commands.push_back(std::move(command));
        names << QString::fromStdString(value.name);
    }
    if (commands.empty()) return false;
    QUndoStack *stack = m_document->undoStack();
    stack->beginMacro(tr("Move boundary of %1").arg(names.join(tr(" and "))));
    for (auto &command : commands)
        stack->push(command.release());
    stack->endMacro();
    return true;
}

compute::Breakpoint EraController::proposeBreakpoint(int era) const
{
    const std::optional<compute::Era> value = m_trends->era(era);
    if (!value) return {};
    return compute::findBreakpoint(m_trends->cache().points(*value));
}

// ---- Schemes -------------------------------------------------------------------------

bool EraController::addScheme(const QString &name)
{
    const QString wanted =
        name.trimmed().isEmpty() ? uniqueSchemeName(m_document->dataset(), tr("New scheme")) : name;
    if (const QString why = schemeNameProblem(m_document->dataset(), wanted); !why.isEmpty())
        return refuse(why);
    if (!push(makeAddSchemeCommand(m_document, wanted))) return false;
    showScheme(static_cast<int>(m_document->dataset().eraSchemes.size()) - 1);
    return true;
}

bool EraController::renameScheme(int scheme, const QString &name)
{
    if (!isScheme(scheme)) return false;
    if (const QString why = schemeNameProblem(m_document->dataset(), name, scheme); !why.isEmpty())
        return refuse(why);
    return push(makeRenameSchemeCommand(m_document, static_cast<std::size_t>(scheme), name));
}

bool EraController::duplicateScheme(int scheme)
{
    if (!isScheme(scheme)) return false;
    if (!push(makeDuplicateSchemeCommand(m_document, static_cast<std::size_t>(scheme))))
        return false;
    showScheme(scheme + 1);
    return true;
}

bool EraController::removeScheme(int scheme)
{
    if (!isScheme(scheme)) return false;
    // The era dock keeps the view on a valid scheme when the list changes.
    return push(makeRemoveSchemeCommand(m_document, static_cast<std::size_t>(scheme)));
}

// ---- Dialogs -------------------------------------------------------------------------

void EraController::recolorEraWithDialog(int era, QWidget *parent)
{
    const auto value = m_trends->era(era);
    if (!value) return;
    auto *dialog =
        new QColorDialog(QColor(QString::fromStdString(value->color)), parentFor(parent));
    dialog->setWindowTitle(tr("Colour of era '%1'").arg(QString::fromStdString(value->name)));
    connect(dialog, &QColorDialog::colorSelected, this,
            [this, era](const QColor &color) { recolorEra(era, color); });
    openOwned(dialog);
}

void EraController::editEraRangeWithDialog(int era, QWidget *parent)
{
    const auto value = m_trends->era(era);
    if (!value) return;
    auto *dialog = new EraRangeDialog(QString::fromStdString(value->name), value->from, value->to,
                                      parentFor(parent));
    connect(dialog, &QDialog::accepted, this,
            [this, era, dialog] { setEraRange(era, dialog->from(), dialog->to()); });
    openOwned(dialog);
}

void EraController::editEraRuleWithDialog(int era, QWidget *parent)
{
    const auto value = m_trends->era(era);
    if (!value) return;
    // What the runs carry, offered in the editor.
    QSet<QString> tags, domains, organizations;
    for (const compute::TrainingRun &run : m_document->dataset().runs) {
        for (std::string_view tag : run.tags)
            tags.insert(fromView(tag));
        if (!run.domain.empty()) domains.insert(QString::fromStdString(run.domain));
        for (const QString &org : QString::fromStdString(run.organization).split(QLatin1Char(',')))
            if (!org.trimmed().isEmpty()) organizations.insert(org.trimmed());
    }
    const auto sorted = [](const QSet<QString> &set) {
        QStringList list(set.begin(), set.end());
        list.sort(Qt::CaseInsensitive);
        return list;
    };
    EraRuleDialog::Choices choices{sorted(tags), sorted(domains), sorted(organizations)};
    const compute::Era base = *value;
    auto preview = [trends = m_trends, base](const compute::EraRule &rule) {
        compute::Era edited = base;
        edited.rule = rule;
        return trends->cache().fit(edited);
    };
    auto *dialog = new EraRuleDialog(QString::fromStdString(value->name), value->rule, choices,
                                     preview, parentFor(parent));
    connect(dialog, &QDialog::accepted, this,
            [this, era, dialog] { setEraRule(era, dialog->rule()); });
    openOwned(dialog);
}

void EraController::splitEraWithDialog(int era, QWidget *parent)
{
    const auto value = m_trends->era(era);
    if (!value) return;
    auto *dialog = new BreakpointDialog(QString::fromStdString(value->name), proposeBreakpoint(era),
                                        parentFor(parent));
    connect(dialog, &QDialog::accepted, this,
            [this, era, at = dialog->breakpoint().split] { splitEra(era, at); });
    openOwned(dialog);
}

void EraController::addSchemeWithDialog(QWidget *parent)
{
    auto *dialog = new QInputDialog(parentFor(parent));
    dialog->setWindowTitle(tr("Add Era Scheme"));
    dialog->setLabelText(tr("Name of the new scheme (it starts with one era over all runs):"));
    dialog->setTextValue(uniqueSchemeName(m_document->dataset(), tr("New scheme")));
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this](const QString &name) { addScheme(name); });
    openOwned(dialog);
}

void EraController::renameSchemeWithDialog(int scheme, QWidget *parent)
{
    if (!isScheme(scheme)) return;
    auto *dialog = new QInputDialog(parentFor(parent));
    dialog->setWindowTitle(tr("Rename Era Scheme"));
    dialog->setLabelText(tr("Name:"));
    dialog->setTextValue(QString::fromStdString(
        m_document->dataset().eraSchemes[static_cast<std::size_t>(scheme)].name));
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, scheme](const QString &name) { renameScheme(scheme, name); });
    openOwned(dialog);
}

} // namespace app
