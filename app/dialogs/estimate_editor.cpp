// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/dialogs/estimate_editor.h"

#include "app/inputs/number_edit.h"
#include "core/util/number_parse.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include <cmath>
#include <limits>
#include <string_view>
#include <utility>

namespace app {
namespace {

// What a field may plausibly hold, by core's field name: beyond it the number is a typo
// (1e-320 parameters), not a measurement. Core's own checks (devices > 0, utilization
// at most 1) speak first.
std::pair<double, double> plausibleRange(std::string_view field)
{
    struct Range {
        std::string_view field;
        double lowest, highest;
    };
    static constexpr Range kRanges[] = {
        {"forward_flop_per_example", 1, 1e20},
        {"backward_forward_ratio", 0, 10},
        {"examples_per_epoch", 1, 1e16},
        {"epochs", 1e-6, 1e7},
        {"peak_flops_per_device", 1e3, 1e20},
        {"device_count", 1, 1e8},
        {"training_hours", 1e-6, 1e8},
        {"utilization", 0, 1},
        {"adjustment", 1e-6, 1e6},
        {"parameters", 1, 1e16},
        {"tokens", 1, 1e17},
        {"value", 1e-30, 1e45},
    };
    for (const Range &r : kRanges)
        if (r.field == field) return {r.lowest, r.highest};
    return {std::numeric_limits<double>::lowest(), std::numeric_limits<double>::max()};
}

} // namespace

std::string keptOrEdited(const QString &current, const QString &shown, const std::string &loaded)
{
    return current == shown ? loaded : current.trimmed().toStdString();
}

EstimateEditor::EstimateEditor(compute::EstimateMethod method, const QString &namePrefix,
                               QWidget *parent)
    : QWidget(parent), m_method(method), m_prefix(namePrefix),
      m_use(new QCheckBox(tr("&Use this method for the run"), this)), m_inputs(new QWidget(this)),
      m_form(new QFormLayout(m_inputs)), m_note(nullptr), m_result(new QLabel(this)),
      m_comparison(new QLabel(this))
{
    setObjectName(namePrefix + QStringLiteral("Editor"));
    m_use->setObjectName(namePrefix + QStringLiteral("Use"));
    m_result->setObjectName(namePrefix + QStringLiteral("Result"));
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setWordWrap(true);
    m_comparison->setObjectName(namePrefix + QStringLiteral("Comparison"));
    m_comparison->setWordWrap(true);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_use);
    layout->addWidget(m_inputs);
    layout->addWidget(m_result);
    layout->addWidget(m_comparison);
    layout->addStretch(1);

    m_inputs->setEnabled(false);
    connect(m_use, &QCheckBox::toggled, this, [this](bool used) {
        m_inputs->setEnabled(used);
        refresh();
    });
}

QString EstimateEditor::title() const
{
    // Short: four of them share the tab bar, and they name estimates in comparisons.
    switch (m_method) {
    case compute::EstimateMethod::Operations:
        return tr("Operations");
    case compute::EstimateMethod::Hardware:
        return tr("Hardware");
    case compute::EstimateMethod::ParametersTokens:
        return tr("6ND");
    case compute::EstimateMethod::Reported:
        return tr("Reported");
    }
    return {};
}

bool EstimateEditor::isUsed() const
{
    return m_use->isChecked();
}

void EstimateEditor::setUsed(bool used)
{
    m_use->setChecked(used);
}

void EstimateEditor::setEstimate(const compute::ComputeEstimate &estimate)
{
    Q_ASSERT(estimate.method() == m_method && m_note);
    m_loading = true;
    writeInputs(estimate.inputs);
    m_note->setPlainText(QString::fromStdString(estimate.note));
    m_loadedNote = estimate.note;
    m_shownNote = m_note->toPlainText();
    m_loading = false;
    if (isUsed())
        refresh();
    else
        setUsed(true);
}

void EstimateEditor::clear()
{
    Q_ASSERT(m_note);
    m_loading = true;
    writeDefaults();
    m_note->clear();
    m_loadedNote.clear();
    m_shownNote.clear();
    m_loading = false;
    if (isUsed())
        setUsed(false);
    else
        refresh();
}

compute::ComputeEstimate EstimateEditor::estimate() const
{
    return compute::ComputeEstimate{readInputs(),
                                    keptOrEdited(m_note->toPlainText(), m_shownNote, m_loadedNote)};
}

void EstimateEditor::setComparison(const QString &text, bool warning)
{
    m_comparison->setText(text);
    m_comparison->setStyleSheet(warning ? QStringLiteral("color: #b00020") : QString());
    m_comparison->setVisible(!text.isEmpty());
}

NumberEdit *EstimateEditor::addNumberRow(const char *coreField, const QString &name,
                                         const QString &label, const QString &toolTip,
                                         QWidget *after)
{
    auto *row = new QWidget(m_inputs);
    auto *edit = new NumberEdit(row);
    edit->setObjectName(m_prefix + name);
    const auto [lowest, highest] = plausibleRange(coreField);
    edit->setPlausibleRange(lowest, highest);
    edit->setWhatsThis(toolTip);
    edit->setMinimumWidth(120);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    if (after) {
        after->setParent(row);
        layout->addWidget(after);
    }
    QLabel *message = makeFieldMessage(edit);
    layout->addWidget(message, 1);
    auto *caption = new QLabel(label, m_inputs);
    caption->setBuddy(edit);
    caption->setToolTip(toolTip);
    m_form->addRow(caption, row);
    QString plain = label;
    plain.remove(QLatin1Char('&'));
    if (plain.endsWith(QLatin1Char(':'))) plain.chop(1);
    m_fields.push_back({coreField, plain, edit, message});
    connect(edit, &QLineEdit::textChanged, this, [this] {
        if (!m_loading) refresh();
    });
    return edit;
}

void EstimateEditor::addRow(const QString &label, QWidget *widget)
{
    widget->setParent(m_inputs);
    m_form->addRow(label, widget);
}

void EstimateEditor::addDescription(const QString &text)
{
    auto *label = new QLabel(text, m_inputs);
    label->setWordWrap(true);
    m_form->addRow(label);
}

void EstimateEditor::addNoteRow()
{
    m_note = new QPlainTextEdit(m_inputs);
    m_note->setObjectName(m_prefix + QStringLiteral("Note"));
    m_note->setTabChangesFocus(true);
    m_note->setPlaceholderText(tr("Where the inputs come from, caveats"));
    m_note->setMaximumHeight(m_note->fontMetrics().lineSpacing() * 4 + 12);
    auto *caption = new QLabel(tr("No&te:"), m_inputs);
    caption->setBuddy(m_note);
    m_form->addRow(caption, m_note);
    connect(m_note, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading) emit changed();
    });
    refresh();
}

double EstimateEditor::numberOf(const NumberEdit *edit)
{
    return edit->value().value_or(std::numeric_limits<double>::quiet_NaN());
}

void EstimateEditor::refresh()
{
    if (m_loading || !m_note) return; // loading, or the subclass is still adding rows
    m_problems.clear();
    const bool used = isUsed();
    const compute::ComputeEstimate current = estimate();
    const compute::Errors errors = used ? current.validate({}) : compute::Errors{};
    for (const Field &field : m_fields) {
        QString problem;
        if (used) {
            problem = field.edit->parseProblem();
            for (const compute::Error &error : errors)
                if (problem.isEmpty() && error.where == field.coreField)
                    problem = QString::fromStdString(error.message);
            if (problem.isEmpty()) problem = field.edit->rangeProblem();
        }
        showFieldProblem(field.edit, field.message, problem);
        if (!problem.isEmpty()) m_problems.append(field.label + QStringLiteral(": ") + problem);
    }
    QString overall;
    for (const compute::Error &error : errors)
        if (error.where.empty()) overall = QString::fromStdString(error.message);
    if (!overall.isEmpty()) m_problems.append(overall);

    if (!used) {
        m_result->setText(tr("Not used for this run."));
        m_result->setStyleSheet(QString());
    } else if (!m_problems.isEmpty()) {
        m_result->setText(overall.isEmpty() ? tr("Compute: fix the marked inputs.")
                                            : tr("Compute: %1.").arg(overall));
        m_result->setStyleSheet(QStringLiteral("color: #b00020"));
    } else {
        const double flop = current.flop();
        m_result->setText(tr("Compute: <b>%1 FLOP</b> = %2 petaflop/s-days")
                              .arg(QString::fromStdString(compute::formatSignificant(flop, 4)),
                                   QString::fromStdString(compute::formatSignificant(
                                       compute::flopToPfsDays(flop), 4))));
        m_result->setStyleSheet(QString());
    }
    if (!hasResult()) setComparison({}, false);
    emit changed();
}

} // namespace app
