#pragma once
// The report's plan figure, drawn from footprints with QPainter (private to app_report): buildings coloured
// by status, receiver dots, grid north arrow and a scale bar; and its legend.
#include "app/report/sunlight_report.h"

#include <QFont>
#include <QPainter>
#include <QRectF>

namespace app::report {

struct PlanStyle {
    double dpmm = 1; // device units per millimetre
    QFont font;      // small text (labels, scale)
    QFont labelFont; // the north arrow's "N"
};

// Draws the plan fitted into `frame` (framed); "no geometry" text when there is nothing to draw.
void drawPlan(QPainter& p, const QRectF& frame, const QList<ReportBuilding>& buildings,
              const QList<ReportPoint>& points, double gridConvergence, const PlanStyle& style);

// Height / width of the geometry's bounding box (1 when there is none): the caller sizes the frame.
double planAspect(const QList<ReportBuilding>& buildings, const QList<ReportPoint>& points);

// Draws the legend at (0, 0) over `width`; returns its height.
double drawPlanLegend(QPainter& p, double width, const PlanStyle& style, bool withProposal);

} // namespace app::report
