// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/dialogs/run_form_dialog.h"

#include "app/dialogs/estimate_comparison.h"
#include "app/dialogs/estimate_editors.h"
#include "app/dialogs/source_table_model.h"
#include "app/dialogs/training_details_page.h"
#include "app/format/category_format.h"
#include "app/inputs/number_edit.h"
#include "app/inputs/precision_date_edit.h"
#include "core/util/text_util.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <set>

namespace app {
namespace {

constexpr int kEditorCount = 4;

QString fromStd(std::string_view text)
{
    return fromView(text);
}

// A field and the label with its problem, side by side.
QWidget *withMessage(QWidget *field, QLabel *message, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    field->setParent(row);
    message->setParent(row);
    layout->addWidget(field, 1);
    layout->addWidget(message, 1);
    return row;
}

} // namespace

QStringList datasetDomains(const compute::Dataset &dataset)
{
    std::set<std::string> domains;
    for (const compute::TrainingRun &run : dataset.runs)
        if (!run.domain.empty()) domains.insert(run.domain);
    QStringList list;
    for (const std::string &domain : domains)
        list.append(fromStd(domain));
    return list;
}

QStringList datasetTexts(const compute::Dataset &dataset, compute::RunText which)
{
    std::set<std::string_view> texts;
    for (const compute::TrainingRun &run : dataset.runs)
        if (const std::string_view text = run.fields.text(which); !text.empty()) texts.insert(text);
    QStringList list;
    for (const std::string_view text : texts)
        list.append(QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())));
    return list;
}

void RunFormDialog::offerChoicesFrom(const compute::Dataset &dataset)
{
    for (const compute::RunText which :
         {compute::RunText::OrganizationCategory, compute::RunText::Country,
          compute::RunText::Accessibility})
        m_details->addTextChoices(which, datasetTexts(dataset, which));
}

RunFormDialog::RunFormDialog(const compute::HardwareCatalog &catalog, const QStringList &domains,
                             QWidget *parent)
    : QDialog(parent), m_sources(new SourceTableModel(this))
{
    setObjectName(QStringLiteral("runFormDialog"));
    setWindowTitle(tr("Add training run"));

    // The tab bar first, so Tab reaches it before the fields.
    m_runTabs = new QTabWidget(this);
    m_runTabs->setObjectName(QStringLiteral("runTabs"));
    m_runTabs->addTab(buildRunFields(), tr("Run"));
    m_details = new TrainingDetailsPage(m_runTabs);
    m_runTabs->addTab(m_details, tr("Training details"));
    auto *columns = new QHBoxLayout;
    columns->addWidget(m_runTabs, 1);
    m_domain->addItems(domains);
    columns->addWidget(buildComputeFields(catalog), 1);

    m_problemSummary = new QLabel(this);
    m_problemSummary->setObjectName(QStringLiteral("problemSummary"));
    m_problemSummary->setWordWrap(true);
    m_problemSummary->setStyleSheet(QStringLiteral("color: #b00020"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttons"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_problemSummary);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canAccept()) accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Ctrl+PgDn / Ctrl+PgUp move between the method tabs from anywhere in the form (as in
    // browsers); QTabWidget itself only knows Ctrl+Tab, and only with focus inside it.
    for (const bool forward : {true, false}) {
        auto *action = new QAction(forward ? tr("Next method") : tr("Previous method"), this);
        action->setObjectName(forward ? QStringLiteral("nextMethodTab")
                                      : QStringLiteral("previousMethodTab"));
        action->setShortcut(QKeySequence(Qt::CTRL | (forward ? Qt::Key_PageDown : Qt::Key_PageUp)));
        addAction(action);
        connect(action, &QAction::triggered, this, [this, forward] {
            const int count = m_methodTabs->count();
            m_methodTabs->setCurrentIndex(
                (m_methodTabs->currentIndex() + (forward ? 1 : count - 1)) % count);
        });
    }
    for (QLineEdit *edit : {m_name, m_organization, m_tags, static_cast<QLineEdit *>(m_parameters)})
        connect(edit, &QLineEdit::textChanged, this, &RunFormDialog::validate);
    connect(m_date, &PrecisionDateEdit::dateChanged, this, &RunFormDialog::validate);
    connect(m_details, &TrainingDetailsPage::edited, this, &RunFormDialog::validate);
    // The frontier box is the tag "frontier": each follows the other.
    connect(m_details->frontierBox(), &QCheckBox::toggled, this, [this](bool frontier) {
        std::vector<std::string> tags = compute::splitTrimmed(m_tags->text().toStdString(), ',');
        std::erase(tags, std::string(compute::kTagFrontier));
        if (frontier) tags.emplace_back(compute::kTagFrontier);
        QStringList list;
        for (const std::string &tag : tags)
            list.append(fromStd(tag));
        m_tags->setText(list.join(QStringLiteral(", ")));
    });
    connect(m_tags, &QLineEdit::textChanged, this, [this](const QString &text) {
        const std::vector<std::string> tags = compute::splitTrimmed(text.toStdString(), ',');
        const QSignalBlocker blocker(m_details->frontierBox());
        m_details->frontierBox()->setChecked(
            std::find(tags.begin(), tags.end(), compute::kTagFrontier) != tags.end());
    });
    connect(m_sources, &QAbstractItemModel::dataChanged, this, &RunFormDialog::validate);
    connect(m_sources, &QAbstractItemModel::rowsInserted, this, &RunFormDialog::validate);
    connect(m_sources, &QAbstractItemModel::rowsRemoved, this, &RunFormDialog::validate);
    connect(m_sources, &QAbstractItemModel::modelReset, this, &RunFormDialog::validate);
    connect(m_primary, &QComboBox::currentIndexChanged, this, &RunFormDialog::validate);
    for (EstimateEditor *editor : m_editors) {
        connect(editor, &EstimateEditor::changed, this, [this] {
            if (m_loading) return;
            updatePrimaryChoices();
            validate();
        });
    }
    setRun(compute::TrainingRun{});
}

QWidget *RunFormDialog::buildRunFields()
{
    auto *box = new QWidget(this);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto addRow = [form, box](const QString &label, QWidget *field, QWidget *buddy) {
        auto *caption = new QLabel(label, box);
        caption->setBuddy(buddy);
        form->addRow(caption, field);
    };

    m_name = new QLineEdit(box);
    m_name->setObjectName(QStringLiteral("name"));
    m_nameMessage = makeFieldMessage(m_name);
    addRow(tr("&Name:"), withMessage(m_name, m_nameMessage, box), m_name);

    m_organization = new QLineEdit(box);
    m_organization->setObjectName(QStringLiteral("organization"));
    addRow(tr("&Organization:"), m_organization, m_organization);

    m_domain = new QComboBox(box);
    m_domain->setObjectName(QStringLiteral("domain"));
    m_domain->setEditable(true);
    m_domain->setInsertPolicy(QComboBox::NoInsert);
    m_domain->setToolTip(tr("One of the dataset's domains, or a new one"));
    addRow(tr("Do&main:"), m_domain, m_domain);

    m_date = new PrecisionDateEdit(box);
    m_date->setObjectName(QStringLiteral("date"));
    addRow(tr("Publication &date:"), m_date, m_date->precisionBox());
    m_dateMessage = makeFieldMessage(m_date);
    form->addRow(QString(), m_dateMessage);

    m_parameters = new NumberEdit(box);
    m_parameters->setObjectName(QStringLiteral("parameters"));
    m_parameters->setPlaceholderText(tr("optional, e.g. 1.75e11"));
    m_parametersMessage = makeFieldMessage(m_parameters);
    m_parameters->setPlausibleRange(1, 1e16);
    // The run's parameters are the 6ND tab's N, unless the user typed another N there.
    connect(m_parameters, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (m_loading) return;
        auto *editor =
            m_editors[static_cast<std::size_t>(compute::EstimateMethod::ParametersTokens)];
        auto *n =
            editor ? editor->findChild<NumberEdit *>(QStringLiteral("parametersTokensParameters"))
                   : nullptr;
        if (!n) return;
        const QString current = n->text().trimmed();
        if (current.isEmpty() || current == m_filledN) {
            n->setText(text.trimmed());
            m_filledN = text.trimmed();
        }
    });
    addRow(tr("&Parameters:"), withMessage(m_parameters, m_parametersMessage, box), m_parameters);

    m_confidence = new QComboBox(box);
    m_confidence->setObjectName(QStringLiteral("confidence"));
    m_confidence->addItem(tr("Unknown"), static_cast<int>(compute::Confidence::Unknown));
    m_confidence->addItem(tr("Confident"), static_cast<int>(compute::Confidence::Confident));
    m_confidence->addItem(tr("Likely"), static_cast<int>(compute::Confidence::Likely));
    m_confidence->addItem(tr("Speculative"), static_cast<int>(compute::Confidence::Speculative));
    addRow(tr("Con&fidence:"), m_confidence, m_confidence);

    m_upperBound =
        new QCheckBox(tr("&Upper bound: the compute is at most this (never fitted)"), box);
    m_upperBound->setObjectName(QStringLiteral("upperBound"));
    form->addRow(QString(), m_upperBound);

    m_tags = new QLineEdit(box);
    m_tags->setObjectName(QStringLiteral("tags"));
    m_tags->setPlaceholderText(tr("comma-separated, e.g. frontier"));
    addRow(tr("&Tags:"), m_tags, m_tags);

    auto *sourcesBox = new QWidget(box);
    m_sourceView = new QTableView(sourcesBox);
    m_sourceView->setObjectName(QStringLiteral("sources"));
    m_sourceView->setModel(m_sources);
    m_sourceView->setTabKeyNavigation(false); // Tab leaves the table, arrows move inside
    m_sourceView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_sourceView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sourceView->horizontalHeader()->setStretchLastSection(true);
    m_sourceView->horizontalHeader()->setDefaultSectionSize(180);
    m_sourceView->setMinimumHeight(90);
    auto *addSource = new QPushButton(tr("Add source"), sourcesBox);
    addSource->setObjectName(QStringLiteral("addSource"));
    auto *removeSource = new QPushButton(tr("Remove source"), sourcesBox);
    removeSource->setObjectName(QStringLiteral("removeSource"));
    m_sourcesMessage = new QLabel(sourcesBox);
    m_sourcesMessage->setObjectName(QStringLiteral("sourcesMessage"));
    m_sourcesMessage->setStyleSheet(QStringLiteral("color: #b00020"));
    m_sourcesMessage->setWordWrap(true);
    m_sourcesMessage->setVisible(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(addSource);
    buttons->addWidget(removeSource);
    buttons->addWidget(m_sourcesMessage, 1);
    auto *sourcesLayout = new QVBoxLayout(sourcesBox);
    sourcesLayout->setContentsMargins(0, 0, 0, 0);
    sourcesLayout->addWidget(m_sourceView);
    sourcesLayout->addLayout(buttons);
    addRow(tr("&Sources:"), sourcesBox, m_sourceView);
    connect(addSource, &QPushButton::clicked, this, [this] {
        const QModelIndex index = m_sources->index(m_sources->appendSource(), 0);
        m_sourceView->setCurrentIndex(index);
        m_sourceView->edit(index);
    });
    connect(removeSource, &QPushButton::clicked, this,
            [this] { m_sources->removeSource(m_sourceView->currentIndex().row()); });

    m_notes = new QPlainTextEdit(box);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMinimumHeight(70);
    addRow(tr("No&tes:"), m_notes, m_notes);
    return box;
}

QWidget *RunFormDialog::buildComputeFields(const compute::HardwareCatalog &catalog)
{
    auto *box = new QGroupBox(tr("Training compute"), this);
    m_noEstimateNote = new QLabel(
        tr("No method is in use: the compute stays unknown. That is legitimate (OpenAI's 2019 "
           "addendum lists such runs); the run is listed but not drawn on the chart."),
        box);
    m_noEstimateNote->setObjectName(QStringLiteral("noEstimateNote"));
    m_noEstimateNote->setWordWrap(true);
    m_methodTabs = new QTabWidget(box);
    m_methodTabs->setObjectName(QStringLiteral("methodTabs"));
    // Created after the tab bar, so Tab reaches the tabs before their fields.
    m_editors = {new OperationsEditor(m_methodTabs), new HardwareEditor(catalog, m_methodTabs),
                 new ParametersTokensEditor(m_methodTabs), new ReportedEditor(m_methodTabs)};
    for (EstimateEditor *editor : m_editors)
        m_methodTabs->addTab(editor, editor->title());

    m_primary = new QComboBox(box);
    m_primary->setObjectName(QStringLiteral("primaryMethod"));
    m_primary->setToolTip(tr("The estimate drawn and fitted; the others are checked against it"));
    auto *primaryCaption = new QLabel(tr("P&rimary estimate:"), box);
    primaryCaption->setBuddy(m_primary);
    auto *primaryRow = new QHBoxLayout;
    primaryRow->addWidget(primaryCaption);
    primaryRow->addWidget(m_primary, 1);

    m_comparisonSummary = new QLabel(box);
    m_comparisonSummary->setObjectName(QStringLiteral("comparisonSummary"));
    m_comparisonSummary->setWordWrap(true);
    m_comparisonSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_disagreementWarning = new QLabel(box);
    m_disagreementWarning->setObjectName(QStringLiteral("disagreementWarning"));
    m_disagreementWarning->setWordWrap(true);
    m_disagreementWarning->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
    m_keptNote = new QLabel(box);
    m_keptNote->setObjectName(QStringLiteral("keptEstimatesNote"));
    m_keptNote->setWordWrap(true);

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_noEstimateNote);
    layout->addWidget(m_methodTabs, 1);
    layout->addLayout(primaryRow);
    layout->addWidget(m_comparisonSummary);
    layout->addWidget(m_disagreementWarning);
    layout->addWidget(m_keptNote);
    return box;
}

void RunFormDialog::setRun(const compute::TrainingRun &run)
{
    m_loading = true;
    m_original = run;
    m_name->setText(fromStd(run.name));
    m_organization->setText(fromStd(run.organization));
    m_domain->setCurrentText(fromStd(run.domain));
    m_date->setDate(run.date);
    if (run.parameters)
        m_parameters->setValue(*run.parameters);
    else
        m_parameters->clear();
    m_confidence->setCurrentIndex(m_confidence->findData(static_cast<int>(run.confidence)));
    m_upperBound->setChecked(run.upperBound);
    QStringList tags;
    for (std::string_view tag : run.tags)
        tags.append(fromStd(tag));
    m_tags->setText(tags.join(QStringLiteral(", ")));
    m_sources->setSources(run.sources.toVector());
    m_notes->setPlainText(fromStd(run.notes));
    m_details->setFields(run.fields, run.hasTag(compute::kTagFrontier));
    m_shown = {m_name->text(), m_organization->text(), m_domain->currentText(),
               m_tags->text(), m_notes->toPlainText(), m_parameters->text()};

    // One tab per method: the first estimate of a method goes to its tab, any further
    // one of the same method is kept as it is.
    for (EstimateEditor *editor : m_editors)
        editor->clear();
    m_keptEstimates.clear();
    m_loadedOrder.clear();
    std::array<bool, kEditorCount> loaded{};
    for (const compute::ComputeEstimate &estimate : run.estimates) {
        const auto method = static_cast<std::size_t>(estimate.method());
        if (!loaded[method]) {
            loaded[method] = true;
            m_editors[method]->setEstimate(estimate);
            m_loadedOrder.push_back(static_cast<EstimateKey>(method));
        } else {
            m_loadedOrder.push_back(kEditorCount + static_cast<int>(m_keptEstimates.size()));
            m_keptEstimates.push_back(estimate);
        }
    }
    // Open on the primary estimate's tab.
    if (const compute::ComputeEstimate *primary = run.primaryEstimate())
        m_methodTabs->setCurrentIndex(static_cast<int>(primary->method()));
    m_primary->clear();
    updatePrimaryChoices();
    if (run.primary < m_loadedOrder.size())
        m_primary->setCurrentIndex(m_primary->findData(m_loadedOrder[run.primary]));
    if (!run.id.empty()) setWindowTitle(tr("Edit training run: %1").arg(fromStd(run.name)));
    m_loading = false;
    validate();
}

compute::TrainingRun RunFormDialog::run() const
{
    compute::TrainingRun run = m_original;
    run.name = keptOrEdited(m_name->text(), m_shown.name, m_original.name);
    run.organization =
        keptOrEdited(m_organization->text(), m_shown.organization, m_original.organization);
    run.domain = keptOrEdited(m_domain->currentText(), m_shown.domain, m_original.domain);
    run.date = m_date->date();
    if (m_parameters->text() != m_shown.parameters) {
        if (m_parameters->text().trimmed().isEmpty())
            run.parameters.reset();
        else
            run.parameters = m_parameters->value().value_or(std::nan(""));
    }
    run.confidence = static_cast<compute::Confidence>(m_confidence->currentData().toInt());
    run.upperBound = m_upperBound->isChecked();
    if (m_tags->text() != m_shown.tags)
        run.tags = compute::splitTrimmed(m_tags->text().toStdString(), ',');
    run.sources = m_sources->sources();
    run.notes = keptOrEdited(m_notes->toPlainText(), m_shown.notes, m_original.notes);
    m_details->applyTo(run.fields);

    const std::vector<EstimateKey> order = estimateOrder();
    run.estimates.clear();
    for (EstimateKey key : order)
        run.estimates.push_back(estimateFor(key));
    const auto primary = std::find(order.begin(), order.end(), m_primary->currentData().toInt());
    run.primary = primary == order.end() ? 0 : static_cast<std::size_t>(primary - order.begin());
    return run;
}

bool RunFormDialog::canAccept() const
{
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

std::vector<RunFormDialog::EstimateKey> RunFormDialog::estimateOrder() const
{
    // The loaded order first (so an untouched run keeps its estimates where they were),
    // then methods taken into use, in tab order.
    std::vector<EstimateKey> order;
    for (EstimateKey key : m_loadedOrder)
        if (key >= kEditorCount || m_editors[static_cast<std::size_t>(key)]->isUsed())
            order.push_back(key);
    for (EstimateKey key = 0; key < kEditorCount; ++key)
        if (m_editors[static_cast<std::size_t>(key)]->isUsed() &&
            std::find(order.begin(), order.end(), key) == order.end())
            order.push_back(key);
    return order;
}

compute::ComputeEstimate RunFormDialog::estimateFor(EstimateKey key) const
{
    if (key < kEditorCount) return m_editors[static_cast<std::size_t>(key)]->estimate();
    return m_keptEstimates[static_cast<std::size_t>(key - kEditorCount)];
}

QString RunFormDialog::estimateLabel(EstimateKey key) const
{
    if (key < kEditorCount) return m_editors[static_cast<std::size_t>(key)]->title();
    const compute::ComputeEstimate &kept =
        m_keptEstimates[static_cast<std::size_t>(key - kEditorCount)];
    return tr("%1 (another, kept as it is)")
        .arg(m_editors[static_cast<std::size_t>(kept.method())]->title());
}

void RunFormDialog::updatePrimaryChoices()
{
    const QVariant current = m_primary->currentData();
    const QSignalBlocker blocker(m_primary);
    m_primary->clear();
    for (EstimateKey key : estimateOrder())
        m_primary->addItem(estimateLabel(key), key);
    const int index = current.isValid() ? m_primary->findData(current) : -1;
    m_primary->setCurrentIndex(index >= 0 ? index : 0);
    m_primary->setEnabled(m_primary->count() > 1);
}

void RunFormDialog::updateComparisons()
{
    // Only complete estimates take part; the primary may be one still being typed.
    std::vector<LabelledEstimate> valid;
    std::vector<EstimateKey> keys;
    for (EstimateKey key : estimateOrder()) {
        const bool complete = key < kEditorCount
                                  ? m_editors[static_cast<std::size_t>(key)]->hasResult()
                                  : estimateFor(key).isValid();
        if (!complete) continue;
        valid.push_back({estimateLabel(key), estimateFor(key)});
        keys.push_back(key);
    }
    const auto primary = std::find(keys.begin(), keys.end(), m_primary->currentData().toInt());
    const EstimateComparison comparison = compareWithPrimary(
        valid, static_cast<std::size_t>(primary - keys.begin())); // == size(): none
    for (EstimateEditor *editor : m_editors)
        editor->setComparison({}, false);
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i] < kEditorCount)
            m_editors[static_cast<std::size_t>(keys[i])]->setComparison(
                comparison.lines[static_cast<qsizetype>(i)], comparison.disagreesWithPrimary[i]);
    m_comparisonSummary->setText(keys.size() > 1 ? comparison.summary : QString());
    m_comparisonSummary->setVisible(keys.size() > 1);
    m_disagreementWarning->setText(comparison.warning);
    m_disagreementWarning->setVisible(!comparison.warning.isEmpty());
}

void RunFormDialog::validate()
{
    if (m_loading) return;
    m_problems.clear();
    const compute::TrainingRun candidate = run();
    QString nameProblem, dateProblem, parametersProblem;
    QStringList sourceProblems, keptProblems;
    if (!m_parameters->text().trimmed().isEmpty()) parametersProblem = m_parameters->parseProblem();
    const std::vector<EstimateKey> order = estimateOrder();
    for (const compute::Error &error : compute::validateRun(candidate, "run")) {
        const QString where = fromStd(error.where);
        const QString message = fromStd(error.message);
        if (where == QStringLiteral("run.name")) {
            nameProblem = message;
        } else if (where == QStringLiteral("run.date")) {
            dateProblem = message;
        } else if (where == QStringLiteral("run.parameters")) {
            if (parametersProblem.isEmpty()) parametersProblem = message;
        } else if (where.startsWith(QStringLiteral("run.sources["))) {
            const int row = where.mid(12, where.indexOf(QLatin1Char(']')) - 12).toInt();
            sourceProblems.append(tr("Source %1: %2").arg(row + 1).arg(message));
        } else if (where.startsWith(QStringLiteral("run.estimates["))) {
            // The editors show their own inputs' problems; a kept estimate cannot be
            // edited here, so say which one is wrong.
            const int index = where.mid(14, where.indexOf(QLatin1Char(']')) - 14).toInt();
            const EstimateKey key = order[static_cast<std::size_t>(index)];
            if (key >= kEditorCount)
                keptProblems.append(estimateLabel(key) + QStringLiteral(": ") + message);
        } // "run.id": the caller assigns the id of a new run
    }
    showFieldProblem(m_name, m_nameMessage, nameProblem);
    showFieldProblem(m_date->dayBox(), m_dateMessage, dateProblem);
    if (parametersProblem.isEmpty()) parametersProblem = m_parameters->rangeProblem();
    showFieldProblem(m_parameters, m_parametersMessage, parametersProblem);
    m_sourcesMessage->setText(sourceProblems.join(QLatin1Char('\n')));
    m_sourcesMessage->setVisible(!sourceProblems.isEmpty());
    if (!nameProblem.isEmpty()) m_problems.append(tr("Name: %1").arg(nameProblem));
    if (!dateProblem.isEmpty()) m_problems.append(tr("Publication date: %1").arg(dateProblem));
    if (!parametersProblem.isEmpty())
        m_problems.append(tr("Parameters: %1").arg(parametersProblem));
    m_problems.append(sourceProblems);
    const QStringList detailProblems = m_details->validate();
    m_problems.append(detailProblems);
    m_runTabs->setTabIcon(1, detailProblems.isEmpty()
                                 ? QIcon()
                                 : style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_details->showDerived(candidate);

    for (int i = 0; i < kEditorCount; ++i) {
        EstimateEditor *editor = m_editors[static_cast<std::size_t>(i)];
        for (const QString &problem : editor->problems())
            m_problems.append(editor->title() + QStringLiteral(", ") + problem);
        m_methodTabs->setTabIcon(i, editor->isAcceptable()
                                        ? QIcon()
                                        : style()->standardIcon(QStyle::SP_MessageBoxWarning));
        m_methodTabs->setTabText(i, editor->isUsed() ? tr("%1 ✓").arg(editor->title())
                                                     : editor->title());
    }
    m_problems.append(keptProblems);
    m_noEstimateNote->setVisible(order.empty());
    QStringList kept;
    for (const compute::ComputeEstimate &estimate : m_keptEstimates)
        kept.append(m_editors[static_cast<std::size_t>(estimate.method())]->title());
    m_keptNote->setText(kept.isEmpty() ? QString()
                                       : tr("Also kept as they are (one tab shows one estimate "
                                            "per method): %1.")
                                             .arg(kept.join(QStringLiteral(", "))));
    m_keptNote->setVisible(!kept.isEmpty());
    updateComparisons();

    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problems.isEmpty());
    if (m_problems.isEmpty()) {
        m_problemSummary->clear();
    } else {
        QString text = tr("To save, fix: %1").arg(m_problems.first());
        if (m_problems.size() > 1)
            text += tr(" (and %n more)", nullptr, int(m_problems.size() - 1));
        m_problemSummary->setText(text);
    }
    m_problemSummary->setVisible(!m_problems.isEmpty());
}

} // namespace app
