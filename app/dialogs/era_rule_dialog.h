// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/era_rule.h"
#include "core/stats/trend_fit.h"

#include <QDialog>
#include <QStringList>

#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace app {

// Edits which runs of an era's dates enter its fit (core/model/era_rule.h): a tag,
// domains, organizations, confidence levels, listed runs, the running top N, record-
// setters, a Z-score band, low outliers excluded and the Z-score window W. The rule
// reads back in words as it is edited, with what it would fit (`preview`); OK stays
// disabled, with the reason shown, while the rule is invalid.
class EraRuleDialog : public QDialog {
    Q_OBJECT

public:
    struct Choices {
        QStringList tags, domains, organizations; // offered, each may be typed too
    };
    // `preview` fits the era under a rule, shown as it is edited ("n = 16 · doubling 9.1 mo").
    EraRuleDialog(const QString &eraName, const compute::EraRule &rule, const Choices &choices,
                  std::function<compute::TrendFit(const compute::EraRule &)> preview,
                  QWidget *parent = nullptr);

    compute::EraRule rule() const;
    void setRule(const compute::EraRule &rule);
    // Why the rule cannot be accepted; empty when it can.
    QString problem() const;

    // For tests.
    QLineEdit *labelEdit() const { return m_label; }
    QComboBox *tagBox() const { return m_tag; }
    QLineEdit *domainsEdit() const { return m_domains; }
    QLineEdit *organizationsEdit() const { return m_organizations; }
    QList<QCheckBox *> confidenceBoxes() const { return m_confidences; }
    QLineEdit *runIdsEdit() const { return m_runIds; }
    QCheckBox *topNBox() const { return m_hasTopN; }
    QSpinBox *topNSpin() const { return m_topN; }
    QCheckBox *recordSettersBox() const { return m_records; }
    QCheckBox *zLowBox() const { return m_hasZLow; }
    QDoubleSpinBox *zLowSpin() const { return m_zLow; }
    QCheckBox *zHighBox() const { return m_hasZHigh; }
    QDoubleSpinBox *zHighSpin() const { return m_zHigh; }
    QCheckBox *excludeOutliersBox() const { return m_outliers; }
    QDoubleSpinBox *windowSpin() const { return m_window; }
    QLabel *descriptionLabel() const { return m_description; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void update();

    std::function<compute::TrendFit(const compute::EraRule &)> m_preview;
    QLineEdit *m_label;
    QComboBox *m_tag;
    QLineEdit *m_domains;
    QLineEdit *m_organizations;
    QList<QCheckBox *> m_confidences;
    QLineEdit *m_runIds;
    QCheckBox *m_hasTopN;
    QSpinBox *m_topN;
    QCheckBox *m_records;
    QCheckBox *m_hasZLow;
    QDoubleSpinBox *m_zLow;
    QCheckBox *m_hasZHigh;
    QDoubleSpinBox *m_zHigh;
    QCheckBox *m_outliers;
    QDoubleSpinBox *m_window;
    QLabel *m_description;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace app
