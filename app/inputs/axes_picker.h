// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QMenu;

namespace app {

class ViewState;

// The toolbar's choice of what the chart shows: "Y [compute] against X [date], colour
// [domain]". Kept in step with the ViewState both ways.
class AxesPicker : public QWidget {
    Q_OBJECT

public:
    AxesPicker(ViewState *view, QWidget *parent = nullptr);
    QComboBox *yBox() const { return m_y; }
    QComboBox *xBox() const { return m_x; }
    QComboBox *colorBox() const { return m_color; }

private:
    void showAxes();

    ViewState *m_view;
    QComboBox *m_y;
    QComboBox *m_x;
    QComboBox *m_color;
};

// View > Y Axis and View > X Axis: one checkable action per quantity. Ctrl+Shift+0 goes
// back to compute against the date.
void addAxesMenus(QMenu *viewMenu, ViewState *view);

// View > Colour By: one checkable action per category (RunCategory). Ctrl+Shift+K
// steps to the next one.
void addColorByMenu(QMenu *viewMenu, ViewState *view);

} // namespace app
