// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QString>
#include <QUrl>

#include <functional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace app {

// File > Get Latest Epoch Data: which of Epoch's exports to download, from which
// address (editable, so that a mirror works; the controller keeps it in the settings),
// and whether to open it as a new document or merge it into the open one. Download
// stays disabled, with the reason shown, while the address is not one to download from.
class FetchDialog : public QDialog {
    Q_OBJECT

public:
    struct Choice {
        QString key;
        QString title;
        QUrl url;         // as set now
        QUrl defaultUrl;  // Epoch's own
        QString lastCopy; // "Last downloaded ...", or empty when never downloaded
    };
    enum class Use { Open, Merge };

    // `addressProblem` says why an address cannot be downloaded from (empty: it can).
    FetchDialog(std::vector<Choice> choices, std::function<QString(const QUrl &)> addressProblem,
                QWidget *parent = nullptr);

    QString key() const;
    // The address of each choice, in the order given, as edited.
    std::vector<QUrl> urls() const;
    Use use() const;
    bool replaceDuplicates() const;
    QString problem() const;

    void setKey(const QString &key);
    void setAddress(const QString &text); // of the chosen dataset
    void setUse(Use use);

private:
    void showChoice();
    void validate();

    std::vector<Choice> m_choices;
    std::vector<QString> m_addresses; // as typed, per choice
    std::function<QString(const QUrl &)> m_addressProblem;
    QComboBox *m_dataset;
    QLineEdit *m_address;
    QLabel *m_lastCopy;
    QRadioButton *m_open;
    QRadioButton *m_merge;
    QCheckBox *m_replace;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace app
