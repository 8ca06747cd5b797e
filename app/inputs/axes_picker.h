// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QMenu;

namespace app {

class ViewState;

// The toolbar's choice of what the chart shows: "Y [compute] against X [date]". Kept in
// step with the ViewState both ways.
class AxesPicker : public QWidget {
    Q_OBJECT

public:
    AxesPicker(ViewState *view, QWidget *parent = nullptr);
    QComboBox *yBox() const { return m_y; }
    QComboBox *xBox() const { return m_x; }

private:
    void showAxes();

    ViewState *m_view;
    QComboBox *m_y;
    QComboBox *m_x;
};

// View > Y Axis and View > X Axis: one checkable action per quantity. Ctrl+Shift+0 goes
// back to compute against the date.
void addAxesMenus(QMenu *viewMenu, ViewState *view);

} // namespace app
