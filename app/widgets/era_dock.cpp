// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/widgets/era_dock.h"

#include "app/controllers/era_controller.h"
#include "app/document/document.h"
#include "app/document/trend_model.h"
#include "app/document/view_state.h"
#include "app/models/era_list_model.h"

#include <QAction>
#include <QComboBox>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QMenu>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace app {
namespace {

std::vector<std::string> eraNames(const compute::EraScheme &scheme)
{
    std::vector<std::string> names;
    for (const compute::Era &era : scheme.eras)
        names.push_back(era.name);
    return names;
}

// `iconText` is the short label of a toolbar button without an icon theme.
QAction *makeAction(const QString &text, const QString &iconText, const QString &icon,
                    QObject *parent)
{
    auto *action = new QAction(QIcon::fromTheme(icon), text, parent);
    action->setIconText(iconText);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    return action;
}

} // namespace

EraDock::EraDock(Document *document, ViewState *view, TrendModel *trends, EraController *eras,
                 QWidget *parent)
    : QDockWidget(tr("Eras"), parent), m_document(document), m_view(view), m_eras(eras),
      m_trends(trends), m_model(new EraListModel(trends, view, this))
{
    setObjectName(QStringLiteral("eraDock"));
    createActions();
    createLayout();

    connect(document, &Document::datasetReset, this, &EraDock::onDatasetReset);
    connect(document, &Document::eraSchemesChanged, this, &EraDock::onSchemesChanged);
    connect(document, &Document::eraChanged, this, &EraDock::onEraChanged);
    connect(view, &ViewState::schemeChanged, this, &EraDock::onSchemeChanged);
    connect(m_model, &EraListModel::renameRequested, eras, &EraController::renameEra);
    connect(eras, &EraController::messageChanged, this, &EraDock::showMessage);
    connect(eras, &EraController::selectEraRequested, this, &EraDock::setCurrentEra);
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        if (currentEra() >= 0) m_restoreRow = currentEra();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_model->rowCount() > 0 && m_restoreRow >= 0)
            setCurrentEra(std::min(m_restoreRow, m_model->rowCount() - 1));
        updateActions();
    });

    fillSchemeBox(m_view->schemeIndex());
    remember();
    updateActions();
}

void EraDock::createActions()
{
    m_addEra = makeAction(tr("Add Era"), tr("Add"), QStringLiteral("list-add"), this);
    m_addEra->setShortcut(Qt::Key_Insert);
    m_addEra->setToolTip(tr("Add an era: the second half of the selected (or last) era"));
    connect(m_addEra, &QAction::triggered, this, [this] { m_eras->addEra(currentEra()); });

    m_renameEra = makeAction(tr("Rename Era"), tr("Rename"), QStringLiteral("edit-rename"), this);
    m_renameEra->setShortcut(Qt::Key_F2);
    connect(m_renameEra, &QAction::triggered, this, &EraDock::renameCurrentEra);

    m_recolorEra =
        makeAction(tr("Recolour Era..."), tr("Colour"), QStringLiteral("color-picker"), this);
    connect(m_recolorEra, &QAction::triggered, this,
            [this] { m_eras->recolorEraWithDialog(currentEra(), this); });

    m_editDates =
        makeAction(tr("Edit Dates..."), tr("Dates"), QStringLiteral("view-calendar"), this);
    m_editDates->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_editDates, &QAction::triggered, this,
            [this] { m_eras->editEraRangeWithDialog(currentEra(), this); });

    m_editRule = makeAction(tr("Edit Runs..."), tr("Runs"), QStringLiteral("view-filter"), this);
    m_editRule->setToolTip(tr("Choose which runs of the era's dates enter its fit: a tag, "
                              "domains, organizations, the running top N, a Z-score band..."));
    connect(m_editRule, &QAction::triggered, this,
            [this] { m_eras->editEraRuleWithDialog(currentEra(), this); });

    m_removeEra = makeAction(tr("Delete Era"), tr("Delete"), QStringLiteral("list-remove"), this);
    m_removeEra->setShortcut(QKeySequence::Delete);
    connect(m_removeEra, &QAction::triggered, this, [this] { m_eras->removeEra(currentEra()); });

    m_detect = makeAction(tr("Detect Breakpoint..."), tr("Breakpoint"),
                          QStringLiteral("office-chart-line"), this);
    m_detect->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_detect->setToolTip(tr("Find where the selected era's trend is best split in two "
                            "(Ctrl+B)"));
    connect(m_detect, &QAction::triggered, this, &EraDock::detectBreakpoint);

    m_addScheme = makeAction(tr("Add Scheme..."), tr("Add"), QStringLiteral("document-new"), this);
    connect(m_addScheme, &QAction::triggered, this, [this] { m_eras->addSchemeWithDialog(this); });
    m_renameScheme =
        makeAction(tr("Rename Scheme..."), tr("Rename"), QStringLiteral("edit-rename"), this);
    connect(m_renameScheme, &QAction::triggered, this,
            [this] { m_eras->renameSchemeWithDialog(m_view->schemeIndex(), this); });
    m_duplicateScheme =
        makeAction(tr("Duplicate Scheme"), tr("Duplicate"), QStringLiteral("edit-copy"), this);
    connect(m_duplicateScheme, &QAction::triggered, this,
            [this] { m_eras->duplicateScheme(m_view->schemeIndex()); });
    m_removeScheme =
        makeAction(tr("Delete Scheme"), tr("Delete"), QStringLiteral("edit-delete"), this);
    connect(m_removeScheme, &QAction::triggered, this,
            [this] { m_eras->removeScheme(m_view->schemeIndex()); });

    // Shortcuts work wherever the focus is inside the dock.
    addActions(eraActions());
    addActions(schemeActions());
}

void EraDock::createLayout()
{
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);

    auto *schemeRow = new QHBoxLayout;
    m_schemeBox = new QComboBox(content);
    m_schemeBox->setObjectName(QStringLiteral("eraSchemeBox"));
    m_schemeBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_schemeBox->setMinimumContentsLength(12);
    connect(m_schemeBox, &QComboBox::currentIndexChanged, this, &EraDock::selectScheme);
    auto *schemeMenu = new QToolButton(content);
    schemeMenu->setText(tr("Scheme"));
    schemeMenu->setToolTip(tr("Add, rename, duplicate or delete era schemes"));
    schemeMenu->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(schemeMenu);
    menu->addActions(schemeActions());
    schemeMenu->setMenu(menu);
    schemeRow->addWidget(m_schemeBox, 1);
    schemeRow->addWidget(schemeMenu);
    layout->addLayout(schemeRow);

    m_description = new QLabel(content);
    m_description->setObjectName(QStringLiteral("eraSchemeDescription"));
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_description->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QFont small = m_description->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_description->setFont(small);
    layout->addWidget(m_description);

    // Detect Breakpoint is a button of its own, never in the toolbar's overflow menu.
    auto *toolRow = new QHBoxLayout;
    auto *toolbar = new QToolBar(content);
    toolbar->setIconSize(QSize(16, 16));
    toolbar->addActions(
        {m_addEra, m_removeEra, m_renameEra, m_recolorEra, m_editDates, m_editRule});
    toolRow->addWidget(toolbar, 1);
    auto *detectButton = new QToolButton(content);
    detectButton->setObjectName(QStringLiteral("detectBreakpointButton"));
    detectButton->setDefaultAction(m_detect);
    detectButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolRow->addWidget(detectButton);
    layout->addLayout(toolRow);

    m_list = new QTreeView(content);
    m_list->setObjectName(QStringLiteral("eraList"));
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    // The dates and the fit always whole; a long era name gives way (elided).
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(EraListModel::NameColumn, QHeaderView::Stretch);
    m_list->header()->setMinimumSectionSize(40);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, &EraDock::showContextMenu);
    connect(m_list, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() == EraListModel::FromColumn || index.column() == EraListModel::ToColumn)
            m_eras->editEraRangeWithDialog(currentEra(), this);
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        markMembers();
        emit currentEraChanged(currentEra());
    });
    layout->addWidget(m_list, 1);

    m_messageLabel = new QLabel(content);
    m_messageLabel->setObjectName(QStringLiteral("eraDockMessage"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->hide();
    layout->addWidget(m_messageLabel);
    setWidget(content);
}

void EraDock::detectBreakpoint()
{
    int era = currentEra();
    if (!isEra(era) && hasScheme()) {
        // The era of the selected run (the first era holding its date).
        const compute::Dataset &dataset = m_document->dataset();
        const auto &eras = dataset.eraSchemes[static_cast<std::size_t>(m_view->schemeIndex())].eras;
        for (const QString &id : m_view->selection()) {
            const std::ptrdiff_t run = dataset.indexOfRun(id.toStdString());
            if (run < 0 || !dataset.runs[static_cast<std::size_t>(run)].date) continue;
            const compute::Date date = *dataset.runs[static_cast<std::size_t>(run)].date;
            for (std::size_t i = 0; i < eras.size() && era < 0; ++i)
                if (eras[i].contains(date)) era = static_cast<int>(i);
            if (era >= 0) break;
        }
        if (era >= 0) setCurrentEra(era);
    }
    if (!isEra(era)) {
        showMessage(tr("Select an era in the list (or a run on the chart) to find its "
                       "breakpoint."));
        return;
    }
    showMessage(QString());
    m_eras->splitEraWithDialog(era, this);
}

void EraDock::markMembers()
{
    ChartOverlays overlays = m_view->overlays();
    const bool ours = !m_markLabel.isEmpty() && overlays.markedLabel == m_markLabel;
    const int era = currentEra();
    const std::optional<compute::Era> value = m_trends->era(era);
    if (!value || value->rule.isAllRuns()) {
        m_markLabel.clear();
        if (!ours) return;
        overlays.markedRuns.clear();
        overlays.markedLabel.clear();
        m_view->setOverlays(overlays);
        return;
    }
    QSet<QString> ids;
    const std::vector<bool> &in = m_trends->members(era);
    const auto &runs = m_document->dataset().runs;
    for (std::size_t i = 0; i < in.size() && i < runs.size(); ++i)
        if (in[i]) ids.insert(QString::fromStdString(runs[i].id));
    m_markLabel = tr("Runs of %1").arg(QString::fromStdString(value->name));
    overlays.markedRuns = ids;
    overlays.markedLabel = m_markLabel;
    m_view->setOverlays(overlays);
}

void EraDock::updateDescription()
{
    const QString text = hasScheme()
                             ? QString::fromStdString(
                                   m_document->dataset()
                                       .eraSchemes[static_cast<std::size_t>(m_view->schemeIndex())]
                                       .description)
                             : QString();
    m_description->setText(text);
    m_description->setVisible(!text.isEmpty());
    m_schemeBox->setToolTip(text);
}

QList<QAction *> EraDock::eraActions() const
{
    return {m_addEra, m_renameEra, m_recolorEra, m_editDates, m_editRule, m_removeEra, m_detect};
}

QList<QAction *> EraDock::schemeActions() const
{
    return {m_addScheme, m_renameScheme, m_duplicateScheme, m_removeScheme};
}

int EraDock::currentEra() const
{
    const QModelIndex index = m_list->selectionModel()->currentIndex();
    return index.isValid() ? index.row() : -1;
}

void EraDock::setCurrentEra(int era)
{
    if (!isEra(era)) {
        m_list->selectionModel()->clearCurrentIndex();
        return;
    }
    m_list->selectionModel()->setCurrentIndex(m_model->index(era, EraListModel::NameColumn),
                                              QItemSelectionModel::ClearAndSelect |
                                                  QItemSelectionModel::Rows);
}

bool EraDock::hasScheme() const
{
    const int s = m_view->schemeIndex();
    return s >= 0 && s < static_cast<int>(m_document->dataset().eraSchemes.size());
}

bool EraDock::isEra(int era) const
{
    return hasScheme() && era >= 0 &&
           era < static_cast<int>(m_document->dataset()
                                      .eraSchemes[static_cast<std::size_t>(m_view->schemeIndex())]
                                      .eras.size());
}

void EraDock::showMessage(const QString &text)
{
    m_messageLabel->setText(text);
    m_messageLabel->setVisible(!text.isEmpty());
}

// ---- Scheme and dialogs ----------------------------------------------------------------

void EraDock::selectScheme(int index)
{
    m_eras->showScheme(index);
    setSchemeBoxIndex(m_view->schemeIndex());
    remember();
    updateActions();
}

void EraDock::renameCurrentEra()
{
    if (isEra(currentEra())) m_list->edit(m_model->index(currentEra(), EraListModel::NameColumn));
}

void EraDock::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_list->indexAt(pos);
    if (index.isValid()) setCurrentEra(index.row());
    QMenu menu(this);
    menu.addActions(eraActions());
    menu.addSeparator();
    menu.addActions(schemeActions());
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

// ---- Following the document and the view ----------------------------------------------

void EraDock::onDatasetReset()
{
    fillSchemeBox(-1);
    const auto &schemes = m_document->dataset().eraSchemes;
    int index = schemes.empty() ? -1 : 0;
    for (std::size_t i = 0; i < schemes.size(); ++i)
        if (QString::fromStdString(schemes[i].name) == m_preferredScheme)
            index = static_cast<int>(i);
    selectScheme(index);
}

void EraDock::onSchemesChanged()
{
    // The whole list was replaced (an edit, its undo or redo). Stay on the scheme shown,
    // found by name (or in place, when renamed), keeping the ticks of the eras that are
    // still there and ticking new ones; if it is gone, clamp the index and tick all.
    const auto &schemes = m_document->dataset().eraSchemes;
    const int count = static_cast<int>(schemes.size());
    const int old = m_view->schemeIndex();
    const std::vector<std::string> oldNames = m_eraNames;
    std::set<std::string> tickedNames;
    for (int i : m_view->tickedEras())
        if (i >= 0 && i < static_cast<int>(oldNames.size()))
            tickedNames.insert(oldNames[static_cast<std::size_t>(i)]);

    int index = -1;
    bool same = false;
    if (old >= 0) {
        for (int i = 0; i < count && index < 0; ++i)
            if (schemes[static_cast<std::size_t>(i)].name == m_schemeName) index = i;
        same = index >= 0;
    }
    if (index < 0 && count > 0) {
        index = std::clamp(old, 0, count - 1);
        same = old >= 0 && eraNames(schemes[static_cast<std::size_t>(index)]) == oldNames;
    }

    QSet<int> ticked;
    if (index >= 0) {
        const std::vector<std::string> names = eraNames(schemes[static_cast<std::size_t>(index)]);
        for (std::size_t j = 0; j < names.size(); ++j) {
            const bool isNew =
                std::find(oldNames.begin(), oldNames.end(), names[j]) == oldNames.end();
            if (!same || isNew || tickedNames.count(names[j])) ticked.insert(static_cast<int>(j));
        }
    }
    m_view->setSchemeIndex(index);
    m_view->setTickedEras(ticked);
    fillSchemeBox(index);
    remember();
    updateActions();
}

void EraDock::onEraChanged(std::size_t scheme, std::size_t era)
{
    if (static_cast<int>(scheme) != m_view->schemeIndex() || era >= m_eraNames.size()) return;
    m_eraNames[era] = m_document->dataset().eraSchemes.at(scheme).eras.at(era).name;
    // Its rule or dates may have changed: so have its runs.
    if (static_cast<int>(era) == currentEra()) markMembers();
}

void EraDock::onSchemeChanged(int index)
{
    setSchemeBoxIndex(index);
    remember();
    updateActions();
    markMembers();
}

void EraDock::fillSchemeBox(int current)
{
    const QSignalBlocker block(m_schemeBox);
    const auto &schemes = m_document->dataset().eraSchemes;
    m_schemeBox->clear();
    for (const compute::EraScheme &s : schemes) {
        m_schemeBox->addItem(QString::fromStdString(s.name));
        m_schemeBox->setItemData(m_schemeBox->count() - 1, QString::fromStdString(s.description),
                                 Qt::ToolTipRole);
    }
    setSchemeBoxIndex(current);
}

void EraDock::setSchemeBoxIndex(int index)
{
    const QSignalBlocker block(m_schemeBox);
    m_schemeBox->setCurrentIndex(index < m_schemeBox->count() ? index : -1);
}

void EraDock::remember()
{
    const auto &schemes = m_document->dataset().eraSchemes;
    if (!hasScheme()) {
        m_schemeName.clear();
        m_eraNames.clear();
        return;
    }
    const compute::EraScheme &s = schemes[static_cast<std::size_t>(m_view->schemeIndex())];
    m_schemeName = s.name;
    m_eraNames = eraNames(s);
}

void EraDock::updateActions()
{
    const bool scheme = hasScheme();
    const bool era = isEra(currentEra());
    m_addEra->setEnabled(scheme);
    for (QAction *a : {m_renameEra, m_recolorEra, m_editDates, m_editRule, m_removeEra})
        a->setEnabled(era);
    // With no era selected it uses the selected run's, or says what to select.
    m_detect->setEnabled(scheme);
    updateDescription();
    for (QAction *a : {m_renameScheme, m_duplicateScheme, m_removeScheme})
        a->setEnabled(scheme);
}

} // namespace app
