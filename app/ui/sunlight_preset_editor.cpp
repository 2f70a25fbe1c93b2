#include "app/ui/sunlight_preset_editor.h"

#include "app/model/sunlight_job.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSpinBox>
#include <QTimeEdit>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace app {

using namespace gis::analysis;

namespace {

QTime timeOf(int seconds) {
    return seconds >= 86400 ? QTime(23, 59, 59) : QTime(0, 0).addSecs(seconds);
}

int secondsOf(const QTime& t) {
    // 23:59:59 in the editor stands for the end of the day (24:00, allowed by presets).
    return t == QTime(23, 59, 59) ? 86400 : QTime(0, 0).secsTo(t);
}

QDoubleSpinBox* spin(double lo, double hi, double step, int decimals, const QString& suffix) {
    auto* box = new QDoubleSpinBox;
    box->setRange(lo, hi);
    box->setSingleStep(step);
    box->setDecimals(decimals);
    box->setSuffix(suffix);
    return box;
}

QString solarTermName(const std::string& term) {
    if (term == "dahan")
        return SunlightPresetEditor::tr("Great Cold (大寒)");
    if (term == "dongzhi")
        return SunlightPresetEditor::tr("Winter solstice (冬至)");
    return QString::fromStdString(term);
}

} // namespace

SunlightPresetEditor::SunlightPresetEditor(QWidget* parent) : QWidget(parent) {
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    mTitle = new QLabel;
    mTitle->setWordWrap(true);
    mTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(mTitle);

    mDate = new QDateEdit;
    mDate->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    mDate->setCalendarPopup(true);
    mDateNote = new QLabel;
    auto* dateRow = new QHBoxLayout;
    dateRow->addWidget(mDate, 1);
    dateRow->addWidget(mDateNote);
    form->addRow(tr("Date:"), dateRow);

    mStart = new QTimeEdit;
    mEnd = new QTimeEdit;
    for (QTimeEdit* t : {mStart, mEnd})
        t->setDisplayFormat(QStringLiteral("HH:mm"));
    mEnd->setToolTip(tr("23:59 stands for the end of the day (24:00)."));
    auto* window = new QHBoxLayout;
    window->addWidget(mStart, 1);
    window->addWidget(new QLabel(QStringLiteral("–")));
    window->addWidget(mEnd, 1);
    form->addRow(tr("Window:"), window);

    mTimeBase = new QComboBox;
    mTimeBase->addItem(tr("True solar time"), int(TimeBase::Solar));
    mTimeBase->addItem(tr("Clock time"), int(TimeBase::Clock));
    form->addRow(tr("Time base:"), mTimeBase);

    mZone = new QComboBox;
    mZone->setEditable(true);
    mZone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds())
        mZone->addItem(QString::fromUtf8(id));
    mZone->setToolTip(tr("IANA time zone (or UTC±HH:MM) of the clock times; with true solar time the "
                         "intervals are also listed in this clock time."));
    form->addRow(tr("Clock zone:"), mZone);

    mRule = new QComboBox;
    mRule->addItem(tr("Cumulative"), int(CountingRule::Cumulative));
    mRule->addItem(tr("Longest segment"), int(CountingRule::Longest));
    mRule->addItem(tr("Sum of the N longest"), int(CountingRule::SumOfLongest));
    mLongestCount = new QSpinBox;
    mLongestCount->setRange(2, 20);
    mLongestCount->setPrefix(tr("N = "));
    auto* rule = new QHBoxLayout;
    rule->addWidget(mRule, 1);
    rule->addWidget(mLongestCount);
    form->addRow(tr("Counting:"), rule);

    mMinSegment = spin(0, 240, 1, 1, tr(" min"));
    mMinSegment->setToolTip(tr("Lit segments shorter than this are dropped before counting."));
    form->addRow(tr("Minimum segment:"), mMinSegment);
    mMinAltitude = spin(0, 60, 1, 1, QStringLiteral("°"));
    form->addRow(tr("Minimum sun altitude:"), mMinAltitude);
    mSweep = spin(0, 60, 1, 1, QStringLiteral("°"));
    mSweep->setToolTip(tr("Sun rays flatter than this to the facade, in plan, do not count."));
    form->addRow(tr("Sweep angle:"), mSweep);
    mRequired = spin(0.1, 24, 0.5, 2, tr(" h"));
    form->addRow(tr("Required:"), mRequired);
    mStep = spin(0.1, 60, 1, 1, tr(" min"));
    mStep->setToolTip(tr("Coarse time step; every sun/shadow transition is then refined to the second."));
    form->addRow(tr("Time step:"), mStep);

    auto emitChanged = [this] {
        if (!mFilling)
            emit changed();
    };
    connect(mDate, &QDateEdit::dateChanged, this, [this, emitChanged] {
        if (!mFilling) {
            mDateEdited = true;
            updateDateNote();
        }
        emitChanged();
    });
    for (QTimeEdit* t : {mStart, mEnd})
        connect(t, &QTimeEdit::timeChanged, this, emitChanged);
    for (QComboBox* c : {mTimeBase, mRule})
        connect(c, &QComboBox::currentIndexChanged, this, [this, emitChanged] {
            updateEnabled();
            emitChanged();
        });
    connect(mZone, &QComboBox::currentTextChanged, this, emitChanged);
    connect(mLongestCount, &QSpinBox::valueChanged, this, emitChanged);
    for (QDoubleSpinBox* b : {mMinSegment, mMinAltitude, mSweep, mRequired, mStep})
        connect(b, &QDoubleSpinBox::valueChanged, this, emitChanged);
    updateEnabled();
}

void SunlightPresetEditor::setPreset(const SunlightPreset& preset, int year, const QString& defaultZone) {
    mPreset = preset;
    mYear = year;
    mDefaultZone = defaultZone;
    mDateEdited = false;
    mFilling = true;
    const SunlightParameters& p = preset.parameters;
    mTitle->setText(QString::fromStdString(preset.title));
    mTitle->setToolTip(QString::fromStdString(preset.reference + "\n\n" + preset.notes));
    if (auto d = presetDate(preset, year))
        mDate->setDate(QDate(d->year, d->month, d->day));
    mStart->setTime(timeOf(p.windowStart));
    mEnd->setTime(timeOf(p.windowEnd));
    mTimeBase->setCurrentIndex(p.timeBase == TimeBase::Solar ? 0 : 1);
    mZone->setCurrentText(p.timeZone.empty() ? defaultZone : QString::fromStdString(p.timeZone));
    mRule->setCurrentIndex(p.counting.rule == CountingRule::Cumulative ? 0
                           : p.counting.rule == CountingRule::Longest  ? 1
                                                                       : 2);
    mLongestCount->setValue(std::max(2, p.counting.longestCount));
    mMinSegment->setValue(p.counting.minSegmentSeconds / 60.0);
    mMinAltitude->setValue(p.minAltitude);
    mSweep->setValue(p.sweepAngle);
    mRequired->setValue(p.requiredHours.value_or(0));
    mStep->setValue(p.coarseStepSeconds / 60.0);
    mFilling = false;
    updateDateNote();
    updateEnabled();
    emit changed();
}

void SunlightPresetEditor::setEditable(bool editable) {
    mEditable = editable;
    updateEnabled();
}

void SunlightPresetEditor::setYear(int year) {
    if (year == mYear)
        return;
    mYear = year;
    if (mDateEdited) {
        // A fixed date keeps its month and day.
        const QDate d = mDate->date();
        mFilling = true;
        mDate->setDate(QDate(year, d.month(), std::min(d.day(), QDate(year, d.month(), 1).daysInMonth())));
        mFilling = false;
    } else if (auto d = presetDate(mPreset, year)) {
        mFilling = true;
        mDate->setDate(QDate(d->year, d->month, d->day));
        mFilling = false;
    }
    updateDateNote();
    emit changed();
}

void SunlightPresetEditor::setDefaultZone(const QString& zone) {
    const bool showingDefault = mZone->currentText() == mDefaultZone || mZone->currentText().isEmpty();
    mDefaultZone = zone;
    if (showingDefault && mPreset.parameters.timeZone.empty())
        mZone->setCurrentText(zone);
}

QString SunlightPresetEditor::timeZone() const {
    return mZone->currentText().trimmed();
}

void SunlightPresetEditor::updateEnabled() {
    for (QWidget* w : std::initializer_list<QWidget*>{mDate, mStart, mEnd, mTimeBase, mRule, mMinSegment,
                                                      mMinAltitude, mSweep, mRequired, mStep})
        w->setEnabled(mEditable);
    mLongestCount->setEnabled(mEditable && mRule->currentIndex() == 2);
    mLongestCount->setVisible(mRule->currentIndex() == 2);
    // A clock-time preset's zone is part of the regulation; otherwise it only labels clock times.
    const bool zoneFixed = !mEditable && !mPreset.parameters.timeZone.empty();
    mZone->setEnabled(!zoneFixed);
}

void SunlightPresetEditor::updateDateNote() {
    if (!mDateEdited && mPreset.date.solarLongitude)
        mDateNote->setText(solarTermName(mPreset.date.solarTerm));
    else
        mDateNote->clear();
}

SunlightPreset SunlightPresetEditor::preset() const {
    SunlightPreset p = mPreset;
    SunlightParameters& q = p.parameters;
    if (mDateEdited) {
        p.date = PresetDate{};
        p.date.month = mDate->date().month();
        p.date.day = mDate->date().day();
    }
    q.windowStart = secondsOf(mStart->time());
    q.windowEnd = secondsOf(mEnd->time());
    q.timeBase = mTimeBase->currentIndex() == 0 ? TimeBase::Solar : TimeBase::Clock;
    q.timeZone = q.timeBase == TimeBase::Clock ? timeZone().toStdString() : std::string();
    q.counting.rule = CountingRule(mRule->currentData().toInt());
    q.counting.longestCount = q.counting.rule == CountingRule::SumOfLongest ? mLongestCount->value() : 1;
    p.ruleText = q.counting.rule == CountingRule::Cumulative ? "cumulative"
                 : q.counting.rule == CountingRule::Longest
                     ? "longest"
                     : "longest-" + std::to_string(q.counting.longestCount);
    q.counting.minSegmentSeconds = mMinSegment->value() * 60.0;
    q.minAltitude = mMinAltitude->value();
    q.sweepAngle = mSweep->value();
    q.requiredHours = mRequired->value();
    q.coarseStepSeconds = std::max(1, int(std::lround(mStep->value() * 60.0)));
    return p;
}

std::optional<SunlightParameters> SunlightPresetEditor::parameters(QString* error) const {
    const SunlightPreset p = preset();
    auto params = presetParameters(p, mYear);
    if (!params) {
        if (error)
            *error = QString::fromStdString(params.error());
        return std::nullopt;
    }
    SunlightParameters q = params.value();
    if (q.timeBase == TimeBase::Clock) {
        const auto offset = utcOffsetOn(timeZone(), q.year, q.month, q.day);
        if (!offset) {
            if (error)
                *error =
                    tr("Unknown time zone “%1”: choose an IANA zone such as Asia/Shanghai, or UTC±HH:MM.")
                        .arg(timeZone());
            return std::nullopt;
        }
        q.utcOffsetSeconds = *offset;
        q.timeZone = timeZone().toStdString();
    }
    if (std::string e = validateSunlightParameters(q); !e.empty()) {
        if (error)
            *error = QString::fromStdString(e);
        return std::nullopt;
    }
    return q;
}

QByteArray SunlightPresetEditor::toJson(const SunlightPreset& preset) {
    const SunlightParameters& p = preset.parameters;
    QJsonObject date;
    if (preset.date.solarLongitude) {
        date[QStringLiteral("solar_term")] = QString::fromStdString(preset.date.solarTerm);
        date[QStringLiteral("solar_longitude")] = *preset.date.solarLongitude;
        date[QStringLiteral("calendar_utc_offset_hours")] = preset.date.calendarUtcOffsetHours;
    } else {
        date[QStringLiteral("month")] = preset.date.month;
        date[QStringLiteral("day")] = preset.date.day;
    }
    auto hm = [](int s) { return clockText(s, false); };
    QJsonObject o;
    o[QStringLiteral("name")] = QString::fromStdString(preset.name);
    o[QStringLiteral("title")] = QString::fromStdString(preset.title);
    o[QStringLiteral("reference")] = QString::fromStdString(preset.reference);
    o[QStringLiteral("notes")] = QString::fromStdString(preset.notes);
    o[QStringLiteral("date")] = date;
    o[QStringLiteral("window")] =
        QJsonArray{hm(p.windowStart), p.windowEnd >= 86400 ? QStringLiteral("24:00") : hm(p.windowEnd)};
    o[QStringLiteral("time_base")] = p.timeBase == TimeBase::Solar ? "solar" : "clock";
    o[QStringLiteral("time_zone")] = QString::fromStdString(p.timeZone);
    o[QStringLiteral("rule")] = QString::fromStdString(preset.ruleText);
    o[QStringLiteral("min_segment_minutes")] = p.counting.minSegmentSeconds / 60.0;
    o[QStringLiteral("min_altitude_degrees")] = p.minAltitude;
    o[QStringLiteral("sweep_angle_degrees")] = p.sweepAngle;
    o[QStringLiteral("required_hours")] = p.requiredHours.value_or(0);
    o[QStringLiteral("coarse_step_minutes")] = p.coarseStepSeconds / 60.0;
    o[QStringLiteral("refine_seconds")] = p.refineSeconds;
    o[QStringLiteral("refraction")] = p.refraction;
    o[QStringLiteral("receiver_offset_m")] = p.receiverOffset;
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

} // namespace app
