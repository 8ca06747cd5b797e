// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/dialogs/era_rule_dialog.h"

#include "app/format/fit_format.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>

namespace app {
namespace {

constexpr std::array<compute::Confidence, 4> kConfidences = {
    compute::Confidence::Confident, compute::Confidence::Likely, compute::Confidence::Speculative,
    compute::Confidence::Unknown};

QString confidenceName(compute::Confidence c)
{
    if (c == compute::Confidence::Unknown) return EraRuleDialog::tr("unknown");
    const std::string_view key = compute::confidenceKey(c);
    return QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size()));
}

// "a, b, c" into its trimmed, non-empty items.
std::vector<std::string> listOf(const QString &text)
{
    std::vector<std::string> items;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const QString trimmed = item.trimmed(); !trimmed.isEmpty())
            items.push_back(trimmed.toStdString());
    return items;
}

QString textOf(const std::vector<std::string> &items)
{
    QStringList list;
    for (const std::string &item : items)
        list << QString::fromStdString(item);
    return list.join(QStringLiteral(", "));
}

QDoubleSpinBox *zSpin(QWidget *parent)
{
    auto *spin = new QDoubleSpinBox(parent);
    spin->setRange(-10, 10);
    spin->setDecimals(2);
    spin->setSingleStep(0.1);
    return spin;
}

} // namespace

EraRuleDialog::EraRuleDialog(const QString &eraName, const compute::EraRule &rule,
                             const Choices &choices,
                             std::function<compute::TrendFit(const compute::EraRule &)> preview,
                             QWidget *parent)
    : QDialog(parent), m_preview(std::move(preview))
{
    setWindowTitle(tr("Runs of Era '%1'").arg(eraName));
    setObjectName(QStringLiteral("eraRuleDialog"));

    m_label = new QLineEdit(this);
    m_label->setPlaceholderText(tr("e.g. large-scale runs (optional)"));
    m_label->setToolTip(tr("What the members are called in the fit annotation"));
    m_tag = new QComboBox(this);
    m_tag->setEditable(true);
    m_tag->addItem(QString());
    m_tag->addItems(choices.tags);
    m_tag->setToolTip(tr("Only runs with this tag (empty: any)"));
    m_domains = new QLineEdit(this);
    m_domains->setPlaceholderText(tr("any; or a list: Language, Vision"));
    m_domains->setCompleter(new QCompleter(choices.domains, m_domains));
    m_organizations = new QLineEdit(this);
    m_organizations->setPlaceholderText(tr("any; or a list: Google, OpenAI"));
    m_organizations->setCompleter(new QCompleter(choices.organizations, m_organizations));
    auto *confidenceRow = new QHBoxLayout;
    for (compute::Confidence c : kConfidences) {
        auto *box = new QCheckBox(confidenceName(c), this);
        box->setToolTip(tr("None ticked: any confidence"));
        m_confidences << box;
        confidenceRow->addWidget(box);
    }
    confidenceRow->addStretch();
    m_runIds = new QLineEdit(this);
    m_runIds->setPlaceholderText(tr("any; or run ids: alexnet, alphago-zero"));

    m_hasTopN = new QCheckBox(tr("Running top"), this);
    m_topN = new QSpinBox(this);
    m_topN->setRange(1, 100000);
    m_topN->setValue(10);
    m_topN->setSuffix(tr(" by compute at publication"));
    auto *topRow = new QHBoxLayout;
    topRow->addWidget(m_hasTopN);
    topRow->addWidget(m_topN, 1);
    m_records = new QCheckBox(tr("Record-setters only (a compute record when published)"), this);

    m_hasZLow = new QCheckBox(tr("from"), this);
    m_zLow = zSpin(this);
    m_hasZHigh = new QCheckBox(tr("below"), this);
    m_zHigh = zSpin(this);
    auto *zRow = new QHBoxLayout;
    zRow->addWidget(m_hasZLow);
    zRow->addWidget(m_zLow);
    zRow->addWidget(m_hasZHigh);
    zRow->addWidget(m_zHigh);
    zRow->addStretch();
    m_outliers = new QCheckBox(tr("Exclude low-compute outliers (Z < -2)"), this);
    m_window = new QDoubleSpinBox(this);
    m_window->setRange(0.1, 20);
    m_window->setDecimals(2);
    m_window->setSingleStep(0.5);
    m_window->setSuffix(tr(" years"));
    m_window->setToolTip(tr("A run's Z-score compares its log compute with the runs published "
                            "within ±W years of it (Sevilla et al. 2022: 1.5, or 2)"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name of the runs:"), m_label);
    form->addRow(tr("&Tag:"), m_tag);
    form->addRow(tr("&Domains:"), m_domains);
    form->addRow(tr("&Organizations:"), m_organizations);
    form->addRow(tr("Confidence:"), confidenceRow);
    form->addRow(tr("&Listed runs:"), m_runIds);
    form->addRow(tr("Top N:"), topRow);
    form->addRow(QString(), m_records);
    form->addRow(tr("Z-score band:"), zRow);
    form->addRow(QString(), m_outliers);
    form->addRow(tr("Z-score &window W:"), m_window);

    m_description = new QLabel(this);
    m_description->setObjectName(QStringLiteral("eraRuleDescription"));
    m_description->setWordWrap(true);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("eraRuleMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b03020"));

    m_buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Reset, this);
    m_buttons->button(QDialogButtonBox::Reset)->setText(tr("All Runs"));
    m_buttons->button(QDialogButtonBox::Reset)
        ->setToolTip(tr("Clear every condition: the era fits all runs of its dates"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (problem().isEmpty()) accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Reset), &QPushButton::clicked, this,
            [this] { setRule(compute::EraRule{}); });

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Which runs of the era's dates enter its fit. Every condition "
                                "set must hold; an empty one does not narrow."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_description);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    setRule(rule);
    for (QLineEdit *edit : {m_label, m_domains, m_organizations, m_runIds})
        connect(edit, &QLineEdit::textChanged, this, &EraRuleDialog::update);
    connect(m_tag, &QComboBox::currentTextChanged, this, &EraRuleDialog::update);
    for (QCheckBox *box : m_confidences)
        connect(box, &QCheckBox::toggled, this, &EraRuleDialog::update);
    for (QCheckBox *box : {m_hasTopN, m_records, m_hasZLow, m_hasZHigh, m_outliers})
        connect(box, &QCheckBox::toggled, this, &EraRuleDialog::update);
    connect(m_topN, &QSpinBox::valueChanged, this, &EraRuleDialog::update);
    for (QDoubleSpinBox *spin : {m_zLow, m_zHigh, m_window})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &EraRuleDialog::update);
    update();
}

compute::EraRule EraRuleDialog::rule() const
{
    compute::EraRule rule;
    rule.label = m_label->text().trimmed().toStdString();
    rule.tag = m_tag->currentText().trimmed().toStdString();
    rule.domains = listOf(m_domains->text());
    rule.organizations = listOf(m_organizations->text());
    for (int i = 0; i < m_confidences.size(); ++i)
        if (m_confidences[i]->isChecked())
            rule.confidences.push_back(kConfidences[static_cast<std::size_t>(i)]);
    rule.runIds = listOf(m_runIds->text());
    if (m_hasTopN->isChecked()) rule.topN = static_cast<std::size_t>(m_topN->value());
    rule.recordSetters = m_records->isChecked();
    if (m_hasZLow->isChecked() || m_hasZHigh->isChecked()) {
        compute::ZScoreBand band;
        if (m_hasZLow->isChecked()) band.low = m_zLow->value();
        if (m_hasZHigh->isChecked()) band.high = m_zHigh->value();
        rule.zBand = band;
    }
    rule.excludeLowOutliers = m_outliers->isChecked();
    rule.zWindowYears = m_window->value();
    return rule;
}

void EraRuleDialog::setRule(const compute::EraRule &rule)
{
    m_label->setText(QString::fromStdString(rule.label));
    m_tag->setCurrentText(QString::fromStdString(rule.tag));
    m_domains->setText(textOf(rule.domains));
    m_organizations->setText(textOf(rule.organizations));
    for (int i = 0; i < m_confidences.size(); ++i) {
        const compute::Confidence c = kConfidences[static_cast<std::size_t>(i)];
        m_confidences[i]->setChecked(std::find(rule.confidences.begin(), rule.confidences.end(),
                                               c) != rule.confidences.end());
    }
    m_runIds->setText(textOf(rule.runIds));
    m_hasTopN->setChecked(rule.topN.has_value());
    if (rule.topN) m_topN->setValue(static_cast<int>(*rule.topN));
    m_records->setChecked(rule.recordSetters);
    m_hasZLow->setChecked(rule.zBand && rule.zBand->low);
    m_zLow->setValue(rule.zBand && rule.zBand->low ? *rule.zBand->low : 0.76);
    m_hasZHigh->setChecked(rule.zBand && rule.zBand->high);
    m_zHigh->setValue(rule.zBand && rule.zBand->high ? *rule.zBand->high : 0.76);
    m_outliers->setChecked(rule.excludeLowOutliers);
    m_window->setValue(rule.zWindowYears);
    update();
}

QString EraRuleDialog::problem() const
{
    const compute::Errors errors = compute::validateRule(rule(), "rule");
    if (errors.empty()) return {};
    if (m_hasZLow->isChecked() && m_hasZHigh->isChecked() && !(m_zLow->value() < m_zHigh->value()))
        return tr("The Z-score band needs its lower end below its upper end (it holds "
                  "low ≤ Z < high).");
    return QString::fromStdString(errors.front().message);
}

void EraRuleDialog::update()
{
    m_topN->setEnabled(m_hasTopN->isChecked());
    m_zLow->setEnabled(m_hasZLow->isChecked());
    m_zHigh->setEnabled(m_hasZHigh->isChecked());
    const compute::EraRule current = rule();
    QString text = tr("Fits: %1").arg(QString::fromStdString(compute::describeRule(current)));
    if (m_preview) text += QStringLiteral(" — ") + fitSummary(m_preview(current));
    m_description->setText(text);
    const QString why = problem();
    m_message->setText(why);
    m_message->setVisible(!why.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

} // namespace app
