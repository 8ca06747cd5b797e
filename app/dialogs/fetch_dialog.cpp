// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/dialogs/fetch_dialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace app {

FetchDialog::FetchDialog(std::vector<Choice> choices,
                         std::function<QString(const QUrl &)> addressProblem, QWidget *parent)
    : QDialog(parent), m_choices(std::move(choices)), m_addressProblem(std::move(addressProblem)),
      m_dataset(new QComboBox(this)), m_address(new QLineEdit(this)), m_lastCopy(new QLabel(this)),
      m_open(new QRadioButton(tr("&Open it as a new document"), this)),
      m_merge(new QRadioButton(tr("&Merge it into the open dataset"), this)),
      m_replace(new QCheckBox(tr("&Replace runs with the same name and date"), this)),
      m_message(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Get Latest Epoch Data"));
    setObjectName(QStringLiteral("fetchDialog"));
    for (const Choice &choice : m_choices) {
        m_dataset->addItem(choice.title, choice.key);
        m_addresses.push_back(choice.url.toString());
    }
    m_address->setObjectName(QStringLiteral("fetchAddress"));
    m_address->setToolTip(tr("Epoch AI's address, or a mirror's; kept for the next time"));
    auto *defaultAddress = new QPushButton(tr("Epoch's &Address"), this);
    defaultAddress->setToolTip(tr("Download from Epoch AI again instead of a mirror"));
    m_lastCopy->setObjectName(QStringLiteral("fetchLastCopy"));
    m_lastCopy->setWordWrap(true);
    m_replace->setToolTip(tr("Unticked: runs already in the dataset are kept and the "
                             "downloaded duplicates skipped"));
    m_replace->setChecked(true); // the latest data corrects the older
    m_message->setObjectName(QStringLiteral("fetchMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Download"));
    auto *use = new QButtonGroup(this);
    use->addButton(m_open);
    use->addButton(m_merge);
    m_open->setChecked(true);

    auto *addressRow = new QHBoxLayout;
    addressRow->addWidget(m_address, 1);
    addressRow->addWidget(defaultAddress);
    auto *form = new QFormLayout;
    form->addRow(tr("&Dataset:"), m_dataset);
    // A row holding a layout gets no buddy from addRow: the mnemonic needs one.
    auto *addressLabel = new QLabel(tr("Add&ress:"), this);
    addressLabel->setBuddy(m_address);
    form->addRow(addressLabel, addressRow);
    form->addRow(QString(), m_lastCopy);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Downloads Epoch AI's current CSV export and keeps it, with "
                                    "where and when it came from, in the application's data "
                                    "folder."),
                                 this));
    layout->addLayout(form);
    layout->addWidget(m_open);
    layout->addWidget(m_merge);
    auto *replaceRow = new QHBoxLayout;
    replaceRow->addSpacing(24);
    replaceRow->addWidget(m_replace);
    layout->addLayout(replaceRow);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_dataset, &QComboBox::currentIndexChanged, this, &FetchDialog::showChoice);
    connect(m_address, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (m_dataset->currentIndex() >= 0)
            m_addresses[static_cast<std::size_t>(m_dataset->currentIndex())] = text;
        validate();
    });
    connect(defaultAddress, &QPushButton::clicked, this, [this] {
        if (m_dataset->currentIndex() < 0) return;
        setAddress(
            m_choices[static_cast<std::size_t>(m_dataset->currentIndex())].defaultUrl.toString());
    });
    connect(m_merge, &QRadioButton::toggled, m_replace, &QCheckBox::setEnabled);
    m_replace->setEnabled(false);
    showChoice();
}

QString FetchDialog::key() const
{
    return m_dataset->currentData().toString();
}

std::vector<QUrl> FetchDialog::urls() const
{
    std::vector<QUrl> urls;
    for (const QString &address : m_addresses)
        urls.emplace_back(address.trimmed(), QUrl::StrictMode);
    return urls;
}

FetchDialog::Use FetchDialog::use() const
{
    return m_merge->isChecked() ? Use::Merge : Use::Open;
}

bool FetchDialog::replaceDuplicates() const
{
    return m_replace->isChecked();
}

QString FetchDialog::problem() const
{
    return m_message->text();
}

void FetchDialog::setKey(const QString &key)
{
    m_dataset->setCurrentIndex(m_dataset->findData(key));
}

void FetchDialog::setAddress(const QString &text)
{
    if (m_dataset->currentIndex() < 0) return;
    m_addresses[static_cast<std::size_t>(m_dataset->currentIndex())] = text;
    m_address->setText(text);
    validate();
}

void FetchDialog::setUse(Use use)
{
    (use == Use::Merge ? m_merge : m_open)->setChecked(true);
}

void FetchDialog::showChoice()
{
    const int index = m_dataset->currentIndex();
    if (index < 0) return;
    const Choice &choice = m_choices[static_cast<std::size_t>(index)];
    m_address->setText(m_addresses[static_cast<std::size_t>(index)]);
    m_lastCopy->setText(choice.lastCopy.isEmpty() ? tr("Not downloaded before.") : choice.lastCopy);
    validate();
}

void FetchDialog::validate()
{
    const QString text = m_address->text().trimmed();
    QString problem;
    if (text.isEmpty())
        problem = tr("Give the address to download from.");
    else if (m_addressProblem)
        problem = m_addressProblem(QUrl(text, QUrl::StrictMode));
    m_message->setText(problem);
    m_message->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace app
