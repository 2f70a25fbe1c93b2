#include "app/ui/status_bar_controller.h"

#include "app/model/coordinate_format.h"
#include "app/model/document.h"
#include "app/model/task_runner.h"
#include "app/ui/icons.h"
#include "gis/io/crs_transform.h"
#include "viewer/qt/viewer_widget.h"

#include <QFontMetrics>
#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

namespace app {

StatusBarController::StatusBarController(QStatusBar* statusBar, Document* document,
                                         viewer::ViewerWidget* viewer, TaskRunner* tasks, QObject* parent)
    : QObject(parent), mStatusBar(statusBar), mDocument(document), mTasks(tasks),
      mCoordinates(new QLabel(statusBar)), mLonLat(new QLabel(statusBar)), mCrs(new QLabel(statusBar)),
      mTaskLabel(new QLabel(statusBar)), mProgress(new QProgressBar(statusBar)),
      mCancel(new QToolButton(statusBar)) {
    mCoordinates->setObjectName(QStringLiteral("coordinateLabel"));
    mLonLat->setObjectName(QStringLiteral("lonLatLabel"));
    mCrs->setObjectName(QStringLiteral("crsLabel"));
    mCoordinates->setToolTip(tr("Cursor position in the project coordinate system: easting, northing and "
                                "height of the surface under the cursor"));
    mLonLat->setToolTip(tr("Cursor position as longitude and latitude (WGS 84)"));
    mCrs->setToolTip(tr("Coordinate system of the project"));
    // Fixed widths so the bar does not jump while the cursor moves.
    const QFontMetrics fm(mCoordinates->font());
    mCoordinates->setMinimumWidth(fm.horizontalAdvance(formatProjected(-9999999.9, 99999999.9, -9999.9)) + 8);
    mLonLat->setMinimumWidth(fm.horizontalAdvance(formatLonLat(-179.99999, -89.99999)) + 8);
    mCoordinates->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    for (QLabel* l : {mCoordinates, mLonLat, mCrs}) {
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->setContentsMargins(8, 0, 8, 0);
    }

    mProgress->setObjectName(QStringLiteral("taskProgress"));
    mProgress->setRange(0, 1000);
    mProgress->setMaximumWidth(180);
    mProgress->setTextVisible(true);
    mCancel->setObjectName(QStringLiteral("taskCancel"));
    mCancel->setIcon(icon(QStringLiteral("cancel")));
    mCancel->setText(tr("Cancel"));
    mCancel->setToolTip(tr("Cancel the running task"));
    mCancel->setAutoRaise(true);
    mTaskLabel->hide();
    mProgress->hide();
    mCancel->hide();

    statusBar->addPermanentWidget(mTaskLabel);
    statusBar->addPermanentWidget(mProgress);
    statusBar->addPermanentWidget(mCancel);
    statusBar->addPermanentWidget(mCoordinates);
    statusBar->addPermanentWidget(mLonLat);
    statusBar->addPermanentWidget(mCrs);

    connect(viewer, &viewer::ViewerWidget::cursorMoved, this, &StatusBarController::showCursor);
    connect(viewer, &viewer::ViewerWidget::cursorLeft, this, &StatusBarController::clearCursor);
    connect(mDocument, &Document::projectReset, this, &StatusBarController::updateCrs);
    connect(mDocument, &Document::crsChanged, this, &StatusBarController::updateCrs);
    connect(mTasks, &TaskRunner::started, this, &StatusBarController::onTaskStarted);
    connect(mTasks, &TaskRunner::progressChanged, this,
            [this](double f) { mProgress->setValue(int(f * 1000.0 + 0.5)); });
    connect(mTasks, &TaskRunner::messageChanged, this,
            [this](const QString& m) { mStatusBar->showMessage(m); });
    connect(mTasks, &TaskRunner::finished, this, &StatusBarController::onTaskFinished);
    connect(mCancel, &QToolButton::clicked, mTasks, &TaskRunner::cancel);
    updateCrs();
    clearCursor();
}

StatusBarController::~StatusBarController() = default;

void StatusBarController::showCursor(double east, double north, double height) {
    mCoordinates->setText(formatProjected(east, north, height));
    gis::Vec3 p{east, north, height};
    if (mToLonLat && mToLonLat->transform(p))
        mLonLat->setText(formatLonLat(p.x, p.y));
    else
        mLonLat->clear();
}

void StatusBarController::clearCursor() {
    mCoordinates->clear();
    mLonLat->clear();
}

void StatusBarController::showMessage(const QString& message, int timeoutMs) {
    mStatusBar->showMessage(message, timeoutMs);
}

void StatusBarController::updateCrs() {
    mToLonLat.reset();
    const gis::Crs& crs = mDocument->project().crs;
    if (crs.isEmpty()) {
        mCrs->setText(tr("No coordinate system"));
        return;
    }
    const QString name = QString::fromStdString(gis::io::crsName(crs));
    const QString id = QString::fromStdString(gis::io::crsIdentifier(crs));
    // "CGCS2000 / 3-degree Gauss-Kruger CM 114E (EPSG:4547)": the name planners read, the code GIS tools
    // take.
    QString text = name.isEmpty() ? QString::fromStdString(crs.definition).left(40) : name;
    if (id.startsWith(QLatin1String("EPSG:")))
        text += QStringLiteral(" (%1)").arg(id);
    // Heights: the vertical datum the CRS declares, or that none is (heights are then used as they are).
    const std::string vertical = gis::io::verticalDatumName(crs);
    const QString heights = vertical == "not declared"
                                ? tr("heights: datum not declared")
                                : tr("heights: %1").arg(QString::fromStdString(vertical));
    mCrs->setText(text + QStringLiteral(" · ") + heights);
    mCrs->setToolTip(tr("Coordinate system of the project: %1. Heights (terrain, building bases) are used as "
                        "the data give them; %2.")
                         .arg(text, heights));
    auto transform = gis::io::CrsTransform::create(crs, gis::Crs{"EPSG:4326"});
    if (transform)
        mToLonLat = std::make_unique<gis::io::CrsTransform>(std::move(transform).value());
}

void StatusBarController::onTaskStarted(const QString& title) {
    mTaskLabel->setText(title);
    mProgress->setValue(0);
    mTaskLabel->show();
    mProgress->show();
    mCancel->show();
    mCancel->setEnabled(true);
}

void StatusBarController::onTaskFinished(const TaskOutcome& outcome) {
    mTaskLabel->hide();
    mProgress->hide();
    mCancel->hide();
    if (outcome.canceled)
        mStatusBar->showMessage(tr("Canceled: %1").arg(mTaskLabel->text()), 5000);
    else if (outcome.failed)
        mStatusBar->showMessage(tr("Failed: %1").arg(mTaskLabel->text()), 8000);
}

} // namespace app
