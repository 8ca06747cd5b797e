// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/dialogs/training_details_page.h"

#include "app/format/category_format.h"
#include "app/format/number_format.h"
#include "app/inputs/number_edit.h"
#include "core/model/quantity.h"
#include "core/model/run_field_rules.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace app {
namespace {

using compute::RunNumber;
using compute::RunText;

QString textOf(const QWidget *edit)
{
    if (const auto *line = qobject_cast<const QLineEdit *>(edit)) return line->text();
    if (const auto *combo = qobject_cast<const QComboBox *>(edit)) return combo->currentText();
    return qobject_cast<const QPlainTextEdit *>(edit)->toPlainText();
}

void setTextOf(QWidget *edit, const QString &text)
{
    if (auto *line = qobject_cast<QLineEdit *>(edit))
        line->setText(text);
    else if (auto *combo = qobject_cast<QComboBox *>(edit))
        combo->setCurrentText(text);
    else
        qobject_cast<QPlainTextEdit *>(edit)->setPlainText(text);
}

QGridLayout *gridOf(QGroupBox *box)
{
    auto *grid = new QGridLayout(box);
    grid->setColumnStretch(1, 1);
    return grid;
}

// Room for "1.2345e+23" whatever the style, and more for a text.
void setFieldWidth(QWidget *field, double times = 1)
{
    field->setMinimumWidth(static_cast<int>(
        times * field->fontMetrics().horizontalAdvance(QStringLiteral("0.00000e+000"))));
}

// Epoch AI's own vocabulary, offered before a dataset adds its values.
const QStringList kOrganizationCategories = {
    QStringLiteral("Academia"), QStringLiteral("Government"), QStringLiteral("Industry"),
    QStringLiteral("Research collective")};
const QStringList kAccessibilities = {QStringLiteral("Open weights (unrestricted)"),
                                      QStringLiteral("Open weights (restricted use)"),
                                      QStringLiteral("Open weights (non-commercial)"),
                                      QStringLiteral("API access"),
                                      QStringLiteral("Hosted access (no API)"),
                                      QStringLiteral("Unreleased")};

} // namespace

TrainingDetailsPage::TrainingDetailsPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("trainingDetails"));
    auto *dataBox = new QGroupBox(tr("Data"), this);
    auto *dataGrid = gridOf(dataBox);
    addNumber(dataGrid, RunNumber::DatasetSize, tr("Dataset size (datapoints):"), "datasetSize",
              tr("e.g. 3e11"));
    auto *datasetNotes = new QPlainTextEdit(dataBox);
    datasetNotes->setTabChangesFocus(true);
    datasetNotes->setMaximumHeight(54);
    addText(dataGrid, RunText::DatasetNotes, tr("Dataset notes:"), "datasetNotes", datasetNotes);
    addNumber(dataGrid, RunNumber::Epochs, tr("Epochs:"), "epochs", tr("e.g. 1.5"));
    addNumber(dataGrid, RunNumber::BatchSize, tr("Batch size:"), "batchSize", tr("e.g. 4e6"));

    auto *hardwareBox = new QGroupBox(tr("Hardware"), this);
    auto *hardwareGrid = gridOf(hardwareBox);
    auto *chip = new QLineEdit(hardwareBox);
    chip->setPlaceholderText(tr("e.g. NVIDIA A100 SXM4 40 GB"));
    addText(hardwareGrid, RunText::TrainingHardware, tr("Training hardware:"), "trainingHardware",
            chip);
    addNumber(hardwareGrid, RunNumber::HardwareQuantity, tr("Hardware quantity (chips):"),
              "hardwareQuantity", tr("e.g. 1024"));
    addNumber(hardwareGrid, RunNumber::Utilization, tr("Utilization (fraction):"), "utilization",
              tr("e.g. 0.4"));
    addNumber(hardwareGrid, RunNumber::TrainingHours, tr("Training time (hours):"), "trainingHours",
              tr("e.g. 720"));
    addNumber(hardwareGrid, RunNumber::ChipHours, tr("Chip-hours:"), "chipHours", tr("e.g. 7.4e5"));
    m_impliedChipHours = addDerived(hardwareGrid, tr("Quantity × time:"), "impliedChipHours");
    m_chipHoursWarning = new QLabel(hardwareBox);
    m_chipHoursWarning->setObjectName(QStringLiteral("chipHoursWarning"));
    m_chipHoursWarning->setWordWrap(true);
    m_chipHoursWarning->setStyleSheet(QStringLiteral("color: #8a5a00"));
    m_chipHoursWarning->setVisible(false);
    hardwareGrid->addWidget(m_chipHoursWarning, hardwareGrid->rowCount(), 0, 1, 2);
    addNumber(hardwareGrid, RunNumber::PowerDraw, tr("Power draw (W):"), "powerDraw",
              tr("e.g. 2.5e7"));

    auto *costBox = new QGroupBox(tr("Cost"), this);
    auto *costGrid = gridOf(costBox);
    addNumber(costGrid, RunNumber::Cost, tr("Cost (US dollars):"), "cost", tr("e.g. 4.5e6"));
    addCostYear(costGrid);
    m_costPerPfsDay = addDerived(costGrid, tr("Per petaflop/s-day:"), "costPerPfsDay");

    auto *provenanceBox = new QGroupBox(tr("Provenance"), this);
    auto *provenanceGrid = gridOf(provenanceBox);
    for (const auto &[which, caption, name] :
         {std::tuple{RunText::OrganizationCategory, tr("Organization category:"),
                     "organizationCategory"},
          std::tuple{RunText::Country, tr("Country:"), "country"},
          std::tuple{RunText::Accessibility, tr("Accessibility:"), "accessibility"}}) {
        auto *combo = new QComboBox(provenanceBox);
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        // A dataset's values can be long ("United Kingdom of Great Britain and Northern
        // Ireland,United States of America"): they must not widen the dialog.
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
        combo->setToolTip(tr("One of the values offered, or another"));
        addText(provenanceGrid, which, caption, name, combo);
    }
    addTextChoices(RunText::OrganizationCategory, kOrganizationCategories);
    addTextChoices(RunText::Accessibility, kAccessibilities);
    addText(provenanceGrid, RunText::NotabilityCriteria, tr("Notability criteria:"),
            "notabilityCriteria", new QLineEdit(provenanceBox));
    addText(provenanceGrid, RunText::BaseModel, tr("Base model:"), "baseModel",
            new QLineEdit(provenanceBox));
    addNumber(provenanceGrid, RunNumber::FinetuneCompute, tr("Finetune compute (FLOP):"),
              "finetuneCompute", tr("e.g. 1e22"));
    addNumber(provenanceGrid, RunNumber::Citations, tr("Citations:"), "citations", tr("e.g. 1200"));
    m_frontier = new QCheckBox(tr("Frontier model (the tag \"frontier\")"), provenanceBox);
    m_frontier->setObjectName(QStringLiteral("frontier"));
    provenanceGrid->addWidget(m_frontier, provenanceGrid->rowCount(), 1);

    auto *derivedBox = new QGroupBox(tr("Derived, as you type"), this);
    auto *derivedGrid = gridOf(derivedBox);
    m_tokensPerParameter =
        addDerived(derivedGrid, tr("Tokens per parameter:"), "tokensPerParameter");
    m_computePerParameter =
        addDerived(derivedGrid, tr("Compute per parameter:"), "computePerParameter");

    auto *left = new QVBoxLayout;
    left->addWidget(dataBox);
    left->addWidget(hardwareBox);
    left->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(costBox);
    right->addWidget(provenanceBox);
    right->addStretch(1);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(derivedBox);
}

void TrainingDetailsPage::addNumber(QGridLayout *grid, RunNumber which, const QString &caption,
                                    const char *objectName, const QString &placeholder)
{
    QWidget *box = grid->parentWidget();
    auto *edit = new NumberEdit(box);
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setPlaceholderText(placeholder);
    setFieldWidth(edit);
    QLabel *message = makeFieldMessage(edit);
    auto *label = new QLabel(caption, box);
    label->setBuddy(edit);
    const int row = grid->rowCount();
    grid->addWidget(label, row, 0);
    grid->addWidget(edit, row, 1);
    grid->addWidget(message, row + 1, 0, 1, 2); // under the field: the groups are narrow
    connect(edit, &QLineEdit::textChanged, this, &TrainingDetailsPage::edited);
    m_numbers.push_back({which, edit, message, {}});
}

void TrainingDetailsPage::addText(QGridLayout *grid, RunText which, const QString &caption,
                                  const char *objectName, QWidget *edit)
{
    edit->setObjectName(QString::fromLatin1(objectName));
    setFieldWidth(edit, 1.6);
    auto *label = new QLabel(caption, grid->parentWidget());
    label->setBuddy(edit);
    const int row = grid->rowCount();
    grid->addWidget(label, row, 0);
    grid->addWidget(edit, row, 1);
    if (auto *line = qobject_cast<QLineEdit *>(edit))
        connect(line, &QLineEdit::textChanged, this, &TrainingDetailsPage::edited);
    else if (auto *combo = qobject_cast<QComboBox *>(edit))
        connect(combo, &QComboBox::currentTextChanged, this, &TrainingDetailsPage::edited);
    else
        connect(qobject_cast<QPlainTextEdit *>(edit), &QPlainTextEdit::textChanged, this,
                &TrainingDetailsPage::edited);
    m_texts.push_back({which, edit, {}});
}

void TrainingDetailsPage::addCostYear(QGridLayout *grid)
{
    QWidget *box = grid->parentWidget();
    m_costYear = new NumberEdit(box);
    m_costYear->setObjectName(QStringLiteral("costYear"));
    m_costYear->setPlaceholderText(tr("year of the dollars, e.g. 2023"));
    setFieldWidth(m_costYear);
    m_costYearMessage = makeFieldMessage(m_costYear);
    auto *label = new QLabel(tr("Cost year:"), box);
    label->setBuddy(m_costYear);
    const int row = grid->rowCount();
    grid->addWidget(label, row, 0);
    grid->addWidget(m_costYear, row, 1);
    grid->addWidget(m_costYearMessage, row + 1, 0, 1, 2);
    connect(m_costYear, &QLineEdit::textChanged, this, &TrainingDetailsPage::edited);
}

QLabel *TrainingDetailsPage::addDerived(QGridLayout *grid, const QString &caption,
                                        const char *objectName)
{
    QWidget *box = grid->parentWidget();
    auto *value = new QLabel(box);
    value->setObjectName(QString::fromLatin1(objectName));
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    const int row = grid->rowCount();
    grid->addWidget(new QLabel(caption, box), row, 0);
    grid->addWidget(value, row, 1);
    return value;
}

QComboBox *TrainingDetailsPage::choiceBox(RunText which) const
{
    for (const TextField &field : m_texts)
        if (field.which == which) return qobject_cast<QComboBox *>(field.edit);
    return nullptr;
}

void TrainingDetailsPage::addTextChoices(RunText which, const QStringList &values)
{
    QComboBox *combo = choiceBox(which);
    if (!combo) return;
    const QSignalBlocker blocker(combo);
    const QString current = combo->currentText();
    for (const QString &value : values)
        if (!value.isEmpty() && combo->findText(value, Qt::MatchFixedString) < 0)
            combo->addItem(value);
    combo->setCurrentIndex(-1);
    combo->setCurrentText(current);
}

void TrainingDetailsPage::setFields(const compute::RunFields &fields, bool frontier)
{
    for (NumberField &field : m_numbers) {
        if (const auto value = fields.number(field.which))
            field.edit->setValue(*value);
        else
            field.edit->clear();
        field.shown = field.edit->text();
    }
    if (const int year = fields.costYear())
        m_costYear->setText(QString::number(year));
    else
        m_costYear->clear();
    m_shownCostYear = m_costYear->text();
    for (TextField &field : m_texts) {
        setTextOf(field.edit, fromView(fields.text(field.which)));
        field.shown = textOf(field.edit);
    }
    const QSignalBlocker blocker(m_frontier);
    m_frontier->setChecked(frontier);
}

void TrainingDetailsPage::applyTo(compute::RunFields &fields) const
{
    for (const NumberField &field : m_numbers) {
        if (field.edit->text() == field.shown) continue; // keeps the value and its spelling
        fields.setNumber(field.which, field.edit->text().trimmed().isEmpty() ? std::nullopt
                                                                             : field.edit->value());
    }
    if (m_costYear->text() != m_shownCostYear) {
        const std::optional<double> year = m_costYear->value();
        fields.setCostYear(year && *year >= 1 && *year < 10000 ? static_cast<int>(*year) : 0);
    }
    for (const TextField &field : m_texts) {
        const QString text = textOf(field.edit);
        if (text != field.shown) fields.setText(field.which, text.trimmed().toStdString());
    }
}

QStringList TrainingDetailsPage::validate()
{
    QStringList problems;
    auto show = [&problems](QWidget *edit, QLabel *message, std::string_view label,
                            const QString &problem) {
        showFieldProblem(edit, message, problem);
        if (!problem.isEmpty()) problems.append(fromView(label) + QStringLiteral(": ") + problem);
    };
    for (const NumberField &field : m_numbers) {
        QString problem;
        if (!field.edit->text().trimmed().isEmpty()) {
            problem = field.edit->parseProblem();
            if (problem.isEmpty())
                problem = QString::fromStdString(
                    compute::runNumberProblem(field.which, *field.edit->value()));
        }
        show(field.edit, field.message, compute::runNumberRule(field.which).label, problem);
        if (field.which != RunNumber::Cost) continue;
        // A year is asked for once the user gives a cost (or changes its year): an
        // imported cost without one stays acceptable as it came.
        const bool costGiven = !field.edit->text().trimmed().isEmpty();
        const bool touched =
            field.edit->text() != field.shown || m_costYear->text() != m_shownCostYear;
        const bool noYear = m_costYear->text().trimmed().isEmpty();
        QString yearProblem = noYear ? QString() : m_costYear->parseProblem();
        if (yearProblem.isEmpty())
            yearProblem = QString::fromStdString(compute::costYearProblem(
                noYear ? std::nullopt : m_costYear->value(), costGiven && touched));
        show(m_costYear, m_costYearMessage, "Cost year", yearProblem);
    }
    return problems;
}

void TrainingDetailsPage::showDerived(const compute::TrainingRun &run)
{
    auto showValue = [](QLabel *label, std::optional<double> value, const QString &unit,
                        const QString &needs) {
        label->setText(value ? compact(*value) + QLatin1Char(' ') + unit
                             : tr("– (needs %1)").arg(needs));
    };
    showValue(m_tokensPerParameter,
              compute::quantityValue(run, compute::Quantity::TokensPerParameter),
              tr("datapoints per parameter (dataset size / parameters)"),
              tr("the dataset size and the parameters"));
    showValue(m_computePerParameter,
              compute::quantityValue(run, compute::Quantity::ComputePerParameter),
              tr("FLOP per parameter (primary compute / parameters)"),
              tr("a compute estimate and the parameters"));
    showValue(m_impliedChipHours, compute::impliedChipHours(run.fields), tr("chip-hours"),
              tr("quantity and time"));
    const int year = run.fields.costYear();
    showValue(m_costPerPfsDay, compute::costPerPfsDay(run),
              year ? tr("US dollars of %1").arg(year) : tr("US dollars"),
              tr("a cost and a compute estimate"));

    const std::optional<double> mismatch = compute::chipHoursMismatch(run.fields);
    const bool warn = mismatch && *mismatch > compute::kChipHoursTolerance;
    m_chipHoursWarning->setText(
        warn ? tr("Off the chip-hours entered by a factor of %1: is one of the three wrong?")
                   .arg(significant(*mismatch, 2))
             : QString());
    m_chipHoursWarning->setVisible(warn);
}

} // namespace app
