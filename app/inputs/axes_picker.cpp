// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/inputs/axes_picker.h"

#include "app/document/view_state.h"
#include "app/format/category_format.h"

#include <QActionGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>

namespace app {
namespace {

QString titleOf(compute::Quantity q)
{
    return QString::fromStdString(std::string(compute::quantityTitle(q)));
}

void fill(QComboBox *box, bool withDate)
{
    for (compute::Quantity q : compute::kQuantities) {
        if (q == compute::Quantity::Date && !withDate) continue;
        box->addItem(titleOf(q), static_cast<int>(q));
    }
}

compute::Quantity quantityIn(const QComboBox *box)
{
    return static_cast<compute::Quantity>(box->currentData().toInt());
}

} // namespace

AxesPicker::AxesPicker(ViewState *view, QWidget *parent)
    : QWidget(parent), m_view(view), m_y(new QComboBox(this)), m_x(new QComboBox(this)),
      m_color(new QComboBox(this))
{
    fill(m_y, false);
    fill(m_x, true);
    for (compute::RunCategory c : compute::kRunCategories)
        m_color->addItem(categoryTitleText(c), static_cast<int>(c));
    m_color->setObjectName(QStringLiteral("colorByBox"));
    m_color->setToolTip(tr("What the points' colours tell apart"));
    m_y->setObjectName(QStringLiteral("yAxisBox"));
    m_x->setObjectName(QStringLiteral("xAxisBox"));
    m_y->setToolTip(tr("What the chart shows up its log axis"));
    m_x->setToolTip(tr("What the chart shows along: the date, or a quantity on a log axis"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    auto *yLabel = new QLabel(tr("&Y:"), this);
    yLabel->setBuddy(m_y);
    auto *xLabel = new QLabel(tr("against &X:"), this);
    xLabel->setBuddy(m_x);
    layout->addWidget(yLabel);
    layout->addWidget(m_y);
    layout->addWidget(xLabel);
    layout->addWidget(m_x);
    auto *colorLabel = new QLabel(tr("&colour:"), this);
    colorLabel->setBuddy(m_color);
    layout->addSpacing(6);
    layout->addWidget(colorLabel);
    layout->addWidget(m_color);
    showAxes();
    auto choose = [this] {
        compute::Axes axes{quantityIn(m_y), quantityIn(m_x)};
        // Choosing on one box the quantity of the other swaps them.
        if (axes.x == axes.y) axes = {m_view->axes().x, m_view->axes().y};
        if (axes.y == compute::Quantity::Date) axes = compute::Axes{};
        m_view->setAxes(axes);
        showAxes();
    };
    connect(m_y, &QComboBox::activated, this, choose);
    connect(m_x, &QComboBox::activated, this, choose);
    connect(view, &ViewState::axesChanged, this, &AxesPicker::showAxes);
    connect(m_color, &QComboBox::activated, this, [this] {
        m_view->setColorBy(static_cast<compute::RunCategory>(m_color->currentData().toInt()));
    });
    connect(view, &ViewState::colorByChanged, this, &AxesPicker::showAxes);
}

void AxesPicker::showAxes()
{
    m_y->setCurrentIndex(m_y->findData(static_cast<int>(m_view->axes().y)));
    m_x->setCurrentIndex(m_x->findData(static_cast<int>(m_view->axes().x)));
    m_color->setCurrentIndex(m_color->findData(static_cast<int>(m_view->colorBy())));
}

namespace {

// One checkable action per quantity, choosing it for one axis of `view`; choosing the
// other axis's quantity swaps them.
QActionGroup *addQuantityMenu(QMenu *menu, ViewState *view, compute::Quantity compute::Axes::*axis)
{
    auto *group = new QActionGroup(menu);
    for (compute::Quantity q : compute::kQuantities) {
        if (q == compute::Quantity::Date && axis == &compute::Axes::y) continue;
        QAction *a = menu->addAction(titleOf(q));
        a->setCheckable(true);
        a->setData(static_cast<int>(q));
        group->addAction(a);
        QObject::connect(a, &QAction::triggered, view, [view, q, axis] {
            compute::Axes axes = view->axes();
            if (axes.*axis == q) return;
            if (axes.x == q || axes.y == q)
                std::swap(axes.x, axes.y); // it is the other axis's
            else
                axes.*axis = q;
            if (axes.y == compute::Quantity::Date) axes = compute::Axes{};
            view->setAxes(axes);
        });
    }
    return group;
}

} // namespace

void addAxesMenus(QMenu *viewMenu, ViewState *view)
{
    QMenu *yMenu = viewMenu->addMenu(QObject::tr("&Y Axis"));
    QMenu *xMenu = viewMenu->addMenu(QObject::tr("&X Axis"));
    QActionGroup *yGroup = addQuantityMenu(yMenu, view, &compute::Axes::y);
    QActionGroup *xGroup = addQuantityMenu(xMenu, view, &compute::Axes::x);
    QAction *reset = viewMenu->addAction(QObject::tr("Compute against &Date"), view,
                                         [view] { view->setAxes(compute::Axes{}); });
    reset->setShortcut(QKeySequence(QObject::tr("Ctrl+Shift+0")));
    auto check = [view, yGroup, xGroup] {
        for (QAction *a : yGroup->actions())
            a->setChecked(a->data().toInt() == static_cast<int>(view->axes().y));
        for (QAction *a : xGroup->actions())
            a->setChecked(a->data().toInt() == static_cast<int>(view->axes().x));
    };
    check();
    QObject::connect(view, &ViewState::axesChanged, yMenu, check);
}

void addColorByMenu(QMenu *viewMenu, ViewState *view)
{
    QMenu *menu = viewMenu->addMenu(QObject::tr("&Colour By"));
    menu->setObjectName(QStringLiteral("colorByMenu"));
    auto *group = new QActionGroup(menu);
    for (compute::RunCategory c : compute::kRunCategories) {
        QAction *a = menu->addAction(categoryTitleText(c));
        a->setCheckable(true);
        a->setData(static_cast<int>(c));
        group->addAction(a);
        QObject::connect(a, &QAction::triggered, view, [view, c] { view->setColorBy(c); });
    }
    menu->addSeparator();
    QAction *next = menu->addAction(QObject::tr("&Next Category"), view, [view] {
        const auto at = static_cast<std::size_t>(view->colorBy());
        view->setColorBy(compute::kRunCategories[(at + 1) % compute::kRunCategories.size()]);
    });
    next->setShortcut(QKeySequence(QObject::tr("Ctrl+Shift+K")));
    auto check = [view, group] {
        for (QAction *a : group->actions())
            a->setChecked(a->data().toInt() == static_cast<int>(view->colorBy()));
    };
    check();
    QObject::connect(view, &ViewState::colorByChanged, menu, check);
}

} // namespace app
