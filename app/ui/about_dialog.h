#pragma once
class QWidget;

namespace app {

// Help ▸ About Urbis.
void showAboutDialog(QWidget* parent);

} // namespace app
